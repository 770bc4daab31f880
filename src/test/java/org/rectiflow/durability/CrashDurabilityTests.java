package org.rectiflow.durability;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectiflow.ApplicationProcess;
import org.rectiflow.HttpUser;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost, nothing half-done survives: the application runs in a JVM of its own on the H2 file
 * database exactly as configured in {@code application.yaml} (the child's working directory is a temporary folder, so
 * {@code ./data/rectiflow} lands there), departments upload evidence and submit their progress over HTTP from three
 * threads, and in the middle of that stream the process is killed with SIGKILL. Restarted on the same file, every
 * operation that had been answered 2xx must be there — each evidence file with the very bytes sent (SHA-256) — and
 * the database must hold no evidence row without its content and no engine step completed without its domain effect
 * (a completed {@code userTask_submitEvidence} always has its progress report recorded and its files stamped as
 * submitted, and the task then waits for the leader's review). The database is read twice: through the restarted
 * application's API, and with SQL once it has been stopped.
 */
@Tag("process")
class CrashDurabilityTests {

	private static final int WORKERS = 3;

	private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(2);

	@TempDir
	Path dir;

	private final List<ApplicationProcess> started = new ArrayList<>();

	/** Every evidence file sent, acknowledged or not: its checksum. A row with any other content is corruption. */
	private final Set<String> sent = ConcurrentHashMap.newKeySet();

	/** Evidence answered 201: id → [task id, SHA-256]. */
	private final Map<Long, Object[]> acknowledgedEvidence = new ConcurrentHashMap<>();

	/** Tasks whose submission was answered 204 (the engine step completed). */
	private final Set<Long> acknowledgedSubmissions = ConcurrentHashMap.newKeySet();

	private final AtomicInteger acknowledged = new AtomicInteger();

	@AfterEach
	void killWhatWasStarted() {
		this.started.forEach(ApplicationProcess::close);
	}

	@Test
	void everyAcknowledgedOperationSurvivesSigkillAndNothingHalfDoneDoes() throws Exception {
		ApplicationProcess first = start("first");
		String firstBase = first.baseUrl();
		HttpUser office = as(DemoAccounts.RECTIFICATION_CLERK);
		long inspectionId = registerAndFilePlan(firstBase, office);
		List<JsonNode> tasks = new ArrayList<>();
		office.get(firstBase + "/api/inspections/" + inspectionId)
			.getBody()
			.at("/categories")
			.forEach((c) -> c.get("problems").forEach((p) -> p.get("tasks").forEach(tasks::add)));
		assertThat(tasks).hasSize(65);

		// The stream: each worker takes the next task, uploads two files, then submits the progress.
		ConcurrentLinkedQueue<JsonNode> queue = new ConcurrentLinkedQueue<>(tasks.subList(0, tasks.size() - 1));
		AtomicBoolean killed = new AtomicBoolean();
		List<Throwable> unexpected = new CopyOnWriteArrayList<>();
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
		long streamStart = System.nanoTime();
		for (int w = 0; w < WORKERS; w++) {
			workers.submit(() -> {
				JsonNode task;
				while (!killed.get() && (task = queue.poll()) != null) {
					try {
						carryOut(firstBase, task);
					}
					catch (Throwable ex) {
						if (!killed.get()) {
							unexpected.add(ex);
							return;
						}
					}
				}
			});
		}
		long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
		while (this.acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && unexpected.isEmpty()
				&& System.nanoTime() < waitUntil) {
			Thread.sleep(20);
		}
		assertThat(unexpected).as("errors before the kill; log:\n%s", first.logTail()).isEmpty();
		assertThat(this.acknowledged.get()).as("operations acknowledged within 4 minutes")
			.isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
		Thread.sleep(ThreadLocalRandom.current().nextInt(0, 250));
		killed.set(true);
		first.kill();
		long streamMillis = (System.nanoTime() - streamStart) / 1_000_000;
		workers.shutdown();
		assertThat(workers.awaitTermination(2, TimeUnit.MINUTES)).as("workers stop once the server is gone").isTrue();
		int evidenceBefore = this.acknowledgedEvidence.size();
		int submissionsBefore = this.acknowledgedSubmissions.size();
		System.out.printf("Durability: killed pid %d with SIGKILL after %d ms; acknowledged %d uploads and %d "
				+ "submissions (%d files sent in all)%n", first.pid(), streamMillis, evidenceBefore, submissionsBefore,
				this.sent.size());

		// Restarted on the same file: everything acknowledged is there, the files byte for byte.
		long restartStart = System.nanoTime();
		ApplicationProcess second = start("second");
		String base = second.baseUrl();
		System.out.printf("Durability: restarted in %d ms%n", (System.nanoTime() - restartStart) / 1_000_000);
		List<String> lost = new ArrayList<>();
		for (Map.Entry<Long, Object[]> e : this.acknowledgedEvidence.entrySet()) {
			long taskId = (Long) e.getValue()[0];
			String sha = (String) e.getValue()[1];
			HttpUser department = departmentOf(tasks, taskId);
			ResponseEntity<byte[]> content = department.getBytes(base + "/api/evidence/" + e.getKey() + "/content");
			if (content.getStatusCode() != HttpStatus.OK) {
				lost.add("evidence " + e.getKey() + " of task " + taskId + ": " + content.getStatusCode());
				continue;
			}
			if (!sha.equals(sha256(content.getBody()))) {
				lost.add("evidence " + e.getKey() + " of task " + taskId + ": other bytes than sent");
				continue;
			}
			List<String> listed = new ArrayList<>();
			department.get(base + "/api/tasks/" + taskId + "/evidence")
				.getBody()
				.forEach((v) -> listed.add(v.get("id").asLong() + ":" + v.get("sha256").asText()));
			if (!listed.contains(e.getKey() + ":" + sha)) {
				lost.add("evidence " + e.getKey() + " of task " + taskId + ": not listed with its checksum");
			}
		}
		for (Long taskId : this.acknowledgedSubmissions) {
			if (!open(base, departmentOf(tasks, taskId), taskId, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)
				.isEmpty()) {
				lost.add("submission of task " + taskId + ": the step is open again");
			}
		}
		assertThat(lost).as("acknowledged before the SIGKILL (%d uploads, %d submissions), missing after the restart",
				evidenceBefore, submissionsBefore)
			.isEmpty();

		// And it goes on working: the one task kept out of the stream is carried out after the restart.
		JsonNode last = tasks.get(tasks.size() - 1);
		carryOut(base, last);
		assertThat(this.acknowledgedSubmissions).contains(last.get("id").asLong());
		second.stop();

		// The tables themselves, with the application stopped: no half-done evidence, engine and domain agree.
		checkTables(inspectionId);
		System.out.printf("Durability: after the restart all %d acknowledged uploads and %d submissions were found%n",
				evidenceBefore, submissionsBefore);
	}

	private void checkTables(long inspectionId) throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("data/rectiflow").toAbsolutePath();
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			List<Long> withoutContent = longs(db, "select e.id from evidence e left join evidence_content c "
					+ "on c.evidence_id = e.id where c.evidence_id is null");
			assertThat(withoutContent).as("evidence rows without their content").isEmpty();
			Set<Long> evidenceIds = new HashSet<>();
			try (ResultSet rows = db.createStatement()
				.executeQuery("select e.id, e.sha256, c.content from evidence e join evidence_content c "
						+ "on c.evidence_id = e.id")) {
				while (rows.next()) {
					long id = rows.getLong(1);
					evidenceIds.add(id);
					String actual = sha256(rows.getBytes(3));
					assertThat(actual).as("stored checksum of evidence %d", id).isEqualTo(rows.getString(2));
					assertThat(this.sent).as("evidence %d holds a file that was sent", id).contains(actual);
				}
			}
			assertThat(evidenceIds).containsAll(this.acknowledgedEvidence.keySet());

			Set<Long> submittedInEngine = new HashSet<>(longs(db, "select cast(p.business_key_ as bigint) "
					+ "from act_hi_taskinst t join act_hi_procinst p on p.proc_inst_id_ = t.proc_inst_id_ "
					+ "where p.proc_def_key_ = 'rectificationTaskProcess' and t.task_def_key_ = 'userTask_submitEvidence' "
					+ "and t.end_time_ is not null and t.delete_reason_ = 'completed'"));
			Set<Long> reviewOpen = new HashSet<>(longs(db, "select cast(e.business_key_ as bigint) from act_ru_task t "
					+ "join act_ru_execution e on e.id_ = t.proc_inst_id_ "
					+ "where t.task_def_key_ = 'userTask_leaderReview'"));
			Set<Long> progressRecorded = new HashSet<>(longs(db,
					"select id from rectification_task where inspection_id = " + inspectionId
							+ " and progress_report is not null"));
			Set<Long> filesSubmitted = new HashSet<>(longs(db,
					"select distinct task_id from evidence where submitted_at is not null"));
			Set<Long> filesWaiting = new HashSet<>(longs(db,
					"select distinct task_id from evidence where submitted_at is null"));
			assertThat(submittedInEngine).as("completed submissions in the engine include every acknowledged one")
				.containsAll(this.acknowledgedSubmissions);
			assertThat(progressRecorded).as("tasks with a progress report = tasks whose submission step completed")
				.isEqualTo(submittedInEngine);
			assertThat(reviewOpen).as("tasks waiting for the leader's review = tasks whose submission completed")
				.isEqualTo(submittedInEngine);
			assertThat(filesSubmitted).as("tasks with files stamped submitted = tasks whose submission completed")
				.isEqualTo(submittedInEngine);
			assertThat(filesWaiting).as("no submitted task keeps a file unstamped")
				.doesNotContainAnyElementsOf(submittedInEngine);
			System.out.printf("Durability: tables hold %d evidence files (%d acknowledged) and %d completed "
					+ "submissions (%d acknowledged), engine and domain consistent%n", evidenceIds.size(),
					this.acknowledgedEvidence.size(), submittedInEngine.size(), this.acknowledgedSubmissions.size());
		}
	}

	/** Two files, then the progress submitted through the engine's REST API, as the lead department's clerk. */
	private void carryOut(String base, JsonNode task) throws Exception {
		long taskId = task.get("id").asLong();
		HttpUser department = departmentOf(task);
		for (int i = 0; i < 2; i++) {
			byte[] bytes = randomPdf();
			String sha = sha256(bytes);
			this.sent.add(sha);
			ResponseEntity<JsonNode> uploaded = department.postFile(base + "/api/tasks/" + taskId + "/evidence", "file",
					task.get("code").asText() + "-" + i + ".pdf", "application/pdf", bytes,
					Map.of("description", "整改佐证材料"));
			assertThat(uploaded.getStatusCode()).as("upload to %d: %s", taskId, uploaded.getBody())
				.isEqualTo(HttpStatus.CREATED);
			assertThat(uploaded.getBody().get("sha256").asText()).isEqualTo(sha);
			this.acknowledgedEvidence.put(uploaded.getBody().get("id").asLong(), new Object[] { taskId, sha });
			this.acknowledged.incrementAndGet();
		}
		List<JsonNode> open = open(base, department, taskId, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		assertThat(open).as("submission step of task %d", taskId).hasSize(1);
		ResponseEntity<JsonNode> completed = complete(base, department, open.get(0),
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按整改措施逐项落实，佐证材料已上传。"));
		assertThat(completed.getStatusCode().is2xxSuccessful()).as("submission of task %d: %s", taskId,
				completed.getBody())
			.isTrue();
		this.acknowledgedSubmissions.add(taskId);
		this.acknowledged.incrementAndGet();
	}

	private long registerAndFilePlan(String base, HttpUser office) throws Exception {
		ResponseEntity<JsonNode> registered = office.postText(base + "/api/inspections/import", seed());
		assertThat(registered.getStatusCode()).as("import: %s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
		long id = registered.getBody().get("inspectionId").asLong();
		completePlanStep(base, office, id, RectificationProcess.USER_TASK_DRAFT_PLAN,
				Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "照单全收，按三个清单细化整改任务，明确责任领导、牵头部门和期限。"));
		for (DemoAccounts.Account leader : DemoAccounts.LEADERSHIP) {
			HttpUser person = as(leader.id());
			for (JsonNode t : person.get(base + "/engine-rest/task?processDefinitionKey="
					+ RectificationProcess.PROCESS_KEY + "&processInstanceBusinessKey=" + id + "&assignee=" + leader.id()
					+ "&taskDefinitionKey=" + RectificationProcess.USER_TASK_SOLICIT_OPINIONS).getBody()) {
				assertThat(complete(base, person, t, Map.of(RectificationProcess.VAR_OPINION, "同意。"))
					.getStatusCode()
					.is2xxSuccessful()).isTrue();
			}
		}
		completePlanStep(base, as(DemoAccounts.SECRETARY), id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		completePlanStep(base, as(DemoAccounts.INSPECTOR), id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
				Map.of(RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
		awaitLaunch(base, office, id);
		return id;
	}

	/** The tasks start in a job after the filing: the application's job executor runs it; wait until it has. */
	private static void awaitLaunch(String base, HttpUser office, long inspectionId) throws InterruptedException {
		long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
		String status = null;
		while (System.nanoTime() < deadline) {
			status = office.get(base + "/api/inspections/" + inspectionId).getBody().at("/status").asText();
			if ("RECTIFYING".equals(status)) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the filed plan's tasks did not start within " + LAUNCH_TIMEOUT + ": " + status);
	}

	private void completePlanStep(String base, HttpUser person, long inspectionId, String step,
			Map<String, Object> variables) {
		List<JsonNode> open = new ArrayList<>();
		person.get(base + "/engine-rest/task?processDefinitionKey=" + RectificationProcess.PROCESS_KEY
				+ "&processInstanceBusinessKey=" + inspectionId + "&taskDefinitionKey=" + step)
			.getBody()
			.forEach(open::add);
		assertThat(open).as("%s of inspection %d for %s", step, inspectionId, person.userId).hasSize(1);
		ResponseEntity<JsonNode> response = complete(base, person, open.get(0), variables);
		assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", step, response.getBody()).isTrue();
	}

	private static List<JsonNode> open(String base, HttpUser person, long taskId, String step) {
		List<JsonNode> open = new ArrayList<>();
		ResponseEntity<JsonNode> found = person.get(base + "/engine-rest/task?processDefinitionKey="
				+ RectificationTaskProcess.PROCESS_KEY + "&processInstanceBusinessKey=" + taskId + "&taskDefinitionKey="
				+ step);
		assertThat(found.getStatusCode()).as("task query: %s", found.getBody()).isEqualTo(HttpStatus.OK);
		found.getBody().forEach(open::add);
		return open;
	}

	private static ResponseEntity<JsonNode> complete(String base, HttpUser person, JsonNode task,
			Map<String, Object> variables) {
		String id = task.get("id").asText();
		if (task.get("assignee").isNull()) {
			ResponseEntity<JsonNode> claimed = person.post(base + "/engine-rest/task/" + id + "/claim",
					Map.of("userId", person.userId));
			assertThat(claimed.getStatusCode().is2xxSuccessful()).as("claim %s: %s", id, claimed.getBody()).isTrue();
		}
		return person.post(base + "/engine-rest/task/" + id + "/complete", HttpUser.variables(variables));
	}

	private ApplicationProcess start(String name) throws Exception {
		ApplicationProcess app = ApplicationProcess.start(name, this.dir,
				List.of("--spring.profiles.active=demo-identity"), Map.of());
		this.started.add(app);
		app.awaitReady(START_TIMEOUT, as(DemoAccounts.ADMIN));
		return app;
	}

	private static HttpUser departmentOf(List<JsonNode> tasks, long taskId) {
		return departmentOf(tasks.stream().filter((t) -> t.get("id").asLong() == taskId).findFirst().orElseThrow());
	}

	private static HttpUser departmentOf(JsonNode task) {
		return as(DemoAccounts
			.staffOf(Department.byGroupId(task.get("leadDepartment").asText()).orElseThrow()));
	}

	private static HttpUser as(String userId) {
		return new HttpUser(userId, DemoAccounts.PASSWORD);
	}

	private static byte[] randomPdf() {
		byte[] bytes = new byte[ThreadLocalRandom.current().nextInt(2_000, 200_000)];
		ThreadLocalRandom.current().nextBytes(bytes);
		byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	private static List<Long> longs(Connection db, String sql) throws Exception {
		List<Long> result = new ArrayList<>();
		try (ResultSet rows = db.createStatement().executeQuery(sql)) {
			while (rows.next()) {
				result.add(rows.getLong(1));
			}
		}
		return result;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String seed() throws Exception {
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

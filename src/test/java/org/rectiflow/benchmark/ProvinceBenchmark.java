package org.rectiflow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ApplicationProcess;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.AuthorizationBootstrap;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.FeedbackImporter;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.security.PortalSession;
import org.rectiflow.supervision.SignOff;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.evidence.EvidenceSubmissionService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Province-scale benchmark (issue 8), not a test: {@code ./mvnw -B -Pbenchmark test} (see docs/PERFORMANCE.md).
 * Grows the database to N units of the reference case (65 tasks each; N from {@code -Dbenchmark.units}, default
 * 1,50,200) on an H2 file, half of each unit's tasks carried through to close-off so history exists, and at each N
 * measures, in the same JVM and run, Rectiflow against {@link BareEngine}: plan launch, task work through the service
 * layer and over HTTP, the ledger pages, the dashboard and a task's page, the reports and the export; at the end the
 * start-up and resident memory of the application started on the grown database. Prints one table and writes the
 * figures to docs/benchmarks/ (h2.md, postgres.md). Nothing here asserts a time: it asserts only that the work it timed was done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:file:./target/benchmark/app/rectiflow" + ProvinceBenchmark.H2_SETTINGS,
				"logging.level.org.rectiflow=WARN", "logging.level.org.camunda=WARN" })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceBenchmark {

	static final Path WORK = Path.of("target", "benchmark");

	/** The settings of the application's default H2 URL (application.yaml), for every database of the run. */
	static final String H2_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

	static {
		// A fresh database every run: the context opens it after the class is loaded.
		deleteRecursively(WORK);
	}

	private static final String NARRATIVE = "已按整改措施逐项落实，相关制度已印发，佐证材料已上传。";

	private static final Pattern STARTED = Pattern.compile("Started RectiflowApplication in ([0-9.]+) seconds");

	/** Tasks per path per round of the work measurement, and rounds. */
	private static final int WORK_BATCH = 3;

	private static final int WORK_ROUNDS = 10;

	/** Whether the bare engine gets the indexes Rectiflow adds to the engine's schema, too. */
	static final boolean BARE_INDEXES = Boolean.getBoolean("benchmark.bareIndexes");

	private static final int PAGE_SAMPLES = Integer.getInteger("benchmark.pageSamples", 60);

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	PlanService plans;

	@Autowired
	FeedbackImporter importer;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	RectificationTaskProcessAdapter taskProcess;

	@Autowired
	EvidenceSubmissionService submissions;

	@Autowired
	EvidenceService evidence;

	@Autowired
	SupervisionService supervision;

	@Autowired
	Directory directory;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Units unitDirectory;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationBootstrap grants;

	private BareEngine bare;

	/** The demo unit's people, lent to every unit of the run so that the demo accounts work every unit's steps. */
	private Set<String> people;

	private final List<Long> units = new ArrayList<>();

	private final Map<String, PortalSession> sessions = new HashMap<>();

	private final Map<String, String> tokens = new HashMap<>();

	/** The units whose public PDF has been asked for, and so is kept, not laid out, when asked for again. */
	private final Set<Long> pdfsAskedFor = new HashSet<>();

	private final Random random = new Random(8);

	private final PerformanceTable table = new PerformanceTable();

	private Feedback reference;

	@AfterAll
	void closeBareEngine() throws IOException {
		if (this.bare != null) {
			this.bare.close();
		}
	}

	@Test
	void measure() throws Exception {
		Files.createDirectories(WORK);
		this.bare = bareEngine();
		if (BARE_INDEXES) {
			this.bare.addRectiflowIndexes();
		}
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			this.reference = this.importer.fromReport(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		for (int n : levels()) {
			Samples ours = new Samples();
			Samples bareLaunch = new Samples();
			List<Long> launched = new ArrayList<>();
			while (this.units.size() < n) {
				launched.add(launchUnit(ours, bareLaunch));
			}
			// The last two units of the step are kept fresh: one warms the work paths up, one is measured.
			for (Long unit : launched.subList(0, Math.max(0, launched.size() - 2))) {
				addHistory(unit);
			}
			// A province's database grows over months, with the planner's statistics kept up by autovacuum (H2: its
			// auto-analyze) as it goes; this one grew in minutes. Both databases get fresh statistics before any
			// figure is taken, as a day of normal work would leave them.
			this.jdbc.execute("ANALYZE");
			this.bare.analyze();
			this.table.launch(n, ours, bareLaunch);
			Long measured = launched.get(launched.size() - 1);
			measureWork(n, (launched.size() > 1) ? launched.get(launched.size() - 2) : null, measured);
			measurePages(n);
			measureOffice(n);
			measureDocuments(n);
			// Written after every step, so a run stopped later still leaves what it measured.
			writeFigures();
		}
		if (Boolean.parseBoolean(System.getProperty("benchmark.startup", "true"))) {
			measureStartup();
		}
		writeFigures();
	}

	private void writeFigures() throws IOException {
		System.out.println(this.table.render());
		// A run that tunes the bare engine too writes a file of its own, beside the run against the engine as shipped.
		String label = BARE_INDEXES ? database() + ", bare engine with Rectiflow's indexes" : database();
		String file = BARE_INDEXES ? figuresFile() + "-bare-indexes.md" : figuresFile() + ".md";
		this.table.write(Path.of("docs", "benchmarks", file), label, this.units.size(),
				this.jdbc.queryForObject("select count(*) from rectification_task", Long.class),
				this.jdbc.queryForObject("select count(*) from act_hi_actinst", Long.class), databaseSize());
	}

	/** The database's size on disk, in MB, or -1 where it is not a file of ours. */
	long databaseSize() {
		Path file = Path.of("target", "benchmark", "app", "rectiflow.mv.db");
		try {
			return Files.exists(file) ? Files.size(file) >> 20 : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The database the run measures on, as docs/PERFORMANCE.md names it. */
	String database() {
		return "H2 (file)";
	}

	/** The name of the run's figures under docs/benchmarks/, without {@code .md}. */
	String figuresFile() {
		return "h2";
	}

	/** The bare engine, on a database of the same kind and settings as the application's. */
	BareEngine bareEngine() throws Exception {
		return new BareEngine("jdbc:h2:file:" + WORK.resolve("bare").toAbsolutePath() + H2_SETTINGS, "sa", "");
	}

	/**
	 * The environment that points a started application at the grown database: for H2, a consistent copy (the file
	 * is held open by this run).
	 */
	Map<String, String> startupDatabase(Path dir) throws IOException {
		long size = Files.size(Path.of("target", "benchmark", "app", "rectiflow.mv.db"));
		if (2 * size > Files.getFileStore(dir).getUsableSpace()) {
			throw new IllegalStateException("no room for a copy of the " + (size >> 20) + " MB database");
		}
		Path backup = dir.resolve("backup.zip");
		this.jdbc.execute("BACKUP TO '" + backup + "'");
		unzip(backup, dir);
		return Map.of("RECTIFLOW_DB_URL", "jdbc:h2:file:" + dir.resolve("rectiflow") + H2_SETTINGS);
	}

	/** The profiles a started application runs with (the demo accounts exist in the database already). */
	String startupProfiles() {
		return "demo-identity";
	}

	private static List<Integer> levels() {
		return Stream.of(System.getProperty("benchmark.units", "1,50,200").split(","))
			.map(String::trim)
			.map(Integer::parseInt)
			.sorted()
			.toList();
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Data: units of the reference case, launched, half carried through

	/**
	 * Registers a unit, drafts, consults, approves and files its plan, then times the launch: the job that starts
	 * every task instance (the filing itself only leaves that job behind).
	 */
	private Long launchUnit(Samples ours, Samples bareLaunch) throws Exception {
		int number = this.units.size() + 1;
		unitAsTenant(number);
		if (number % 10 == 0) {
			awaitingFiling(number);
		}
		Inspection inspection = this.plans.register(unitFeedback(number));
		Long id = inspection.getId();
		String key = RectificationProcess.PROCESS_KEY;
		this.driver.complete(key, id, RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "按照三个清单逐项细化整改任务，明确责任领导和期限"));
		for (Task t : this.driver.open(key, id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意方案"));
		}
		this.driver.complete(key, id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		this.driver.acceptFiling(id);
		ours.time(() -> this.driver.launch(id));
		Map<String, Map<String, Object>> twins = new LinkedHashMap<>();
		for (ProcessInstance instance : this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.variableValueEquals(RectificationTaskProcess.VAR_INSPECTION_ID, id)
			.list()) {
			twins.put(instance.getBusinessKey(), this.runtimeService.getVariables(instance.getId()));
		}
		assertThat(twins).as("every task of unit %d started", number).hasSize(this.tasks.tasksOf(id).size());
		bareLaunch.time(() -> this.bare.launch(twins));
		this.units.add(id);
		return id;
	}

	/**
	 * Unit {@code number} as a unit of its own (issue 18): a row of {@code unit} and a Camunda tenant named as the
	 * unit's feedback names it (so its inspection lands there), overseen by the inspection office, with departments
	 * of its own, each with its own clerk. The demo directory's other people (leaders, the rectification office, the
	 * discipline officer) are lent to every unit: they carry every unit's tenant id.
	 */
	private void unitAsTenant(int number) {
		if (this.people == null) {
			this.people = this.unitDirectory.userMembers(this.unitDirectory.all().get(0).getId());
		}
		String id = unitId(number);
		this.transactions.executeWithoutResult((tx) -> {
			this.unitDirectory.create(id, "第" + number + "单位党委", "第" + number + "单位");
			this.unitDirectory.addGroup(id, Groups.INSPECTION_OFFICE);
			this.people.forEach((person) -> this.unitDirectory.addUser(id, person));
			// A department belongs to one unit (docs/UNITS.md): each unit has the demo's departments as its own, as
			// onboarding makes them, each with a clerk of its own who belongs to that unit alone.
			for (Department d : Department.values()) {
				String department = id + d.groupId();
				Group group = this.identityService.newGroup(department);
				group.setName(d.displayName());
				group.setType(Groups.TYPE_DEPARTMENT);
				this.identityService.saveGroup(group);
				this.unitDirectory.addGroup(id, department);
				this.grants.grantDepartment(department);
				User clerk = this.identityService.newUser(department + "Staff");
				clerk.setFirstName(d.displayName() + "干事");
				clerk.setLastName("");
				clerk.setPassword(DemoAccounts.PASSWORD);
				this.identityService.saveUser(clerk);
				this.identityService.createMembership(clerk.getId(), department);
				this.unitDirectory.addUser(id, clerk.getId());
			}
		});
		// The memberships are one transaction of many engine commands: tenant ids read by a request while it was
		// open (the office's pages, if anyone opens them during the growth) are forgotten once it is committed, as
		// onboarding does.
		this.unitDirectory.identityChanged();
	}

	private static String unitId(int number) {
		return "benchUnit" + number;
	}

	/**
	 * Every tenth unit also has a second, smaller plan (the first category of the reference case) approved and
	 * waiting for the inspection office's filing decision, so that the office's queue has work of many units in it.
	 */
	private void awaitingFiling(int number) {
		Feedback f = unitFeedback(number);
		Inspection waiting = this.plans.register(new Feedback(f.title() + "（待备案）", f.inspectingBody(), f.unitName(),
				f.onSiteFrom(), f.onSiteTo(), f.feedbackDate(), f.documentNumbers(), f.concentratedMonths(),
				f.contactLine(), f.categories().subList(0, 1)));
		this.driver.approvePlan(waiting.getId());
	}

	/**
	 * The reference case as unit {@code number}: its own title and name, its tasks led by the unit's own departments,
	 * deadlines three to six months ahead.
	 */
	private Feedback unitFeedback(int number) {
		Feedback f = this.reference;
		LocalDate today = LocalDate.now();
		int[] index = { 0 };
		String unit = unitId(number);
		return new Feedback(f.title() + "（第" + number + "单位）", f.inspectingBody(), "第" + number + "单位党委",
				today.minusDays(50), today.minusDays(30), today.minusDays(20), f.documentNumbers(),
				f.concentratedMonths(), f.contactLine(),
				f.categoriesWith((problem, t) -> new Feedback.TaskItem(t.title(), t.kind(), t.responsibleLeader(),
						(t.leadDepartment() == null) ? null : unit + t.leadDepartment(),
						(t.cooperatingDepartments() == null) ? null
								: t.cooperatingDepartments().stream().map((d) -> unit + d).toList(),
						t.responsiblePerson(), today.plusDays(90 + (index[0]++ % 90)), t.measures(), t.nonPublic())));
	}

	/**
	 * History, as a unit a few months in looks: of every ten tasks five are closed off (evidence, submission,
	 * review, sign-off, close-off), two wait for the leader, three are with the department. The bare engine's twins go
	 * the same way, so both databases grow alike.
	 */
	private void addHistory(Long unit) {
		String key = RectificationTaskProcess.PROCESS_KEY;
		List<RectificationTask> all = this.tasks.tasksOf(unit);
		for (int i = 0; i < all.size(); i++) {
			RectificationTask task = all.get(i);
			int share = i % 10;
			if (share < 5) {
				this.driver.settle(task, "COMPLETED");
				bareWork(task.getId());
				this.bare.complete(String.valueOf(task.getId()), RectificationTaskProcess.USER_TASK_CLOSE_OFF,
						Map.of(RectificationTaskProcess.VAR_OUTCOME, "COMPLETED"));
			}
			else if (share < 7) {
				this.driver.uploadEvidence(task);
				this.driver.complete(key, task.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
						staff(task), Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, NARRATIVE));
				this.bare.complete(String.valueOf(task.getId()), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
						Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, NARRATIVE));
			}
		}
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Task work: submit → leader review → on-site sign-off

	/**
	 * Three steps per task through each path, in rounds. The JIT compiles as it goes, and on two cores its threads
	 * take the CPU from the work; so, before anything is counted, each path carries a third of another fresh unit's
	 * tasks (or one task each at N = 1, where there is no other unit).
	 */
	private void measureWork(int n, Long warmUnit, Long unit) throws Exception {
		List<RectificationTask> fresh = new ArrayList<>(this.tasks.tasksOf(unit));
		fresh.sort(Comparator.comparing(RectificationTask::getId));
		fresh.forEach(this.driver::uploadEvidence);
		List<RectificationTask> warm = new ArrayList<>((warmUnit == null) ? take(fresh, 3) : this.tasks.tasksOf(warmUnit));
		if (warmUnit != null) {
			warm.forEach(this.driver::uploadEvidence);
		}
		for (int i = 0; i + 2 < warm.size(); i += 3) {
			serviceWork(warm.get(i));
			httpWork(warm.get(i + 1));
			bareWork(warm.get(i + 2).getId());
		}
		Samples service = new Samples();
		Samples http = new Samples();
		Samples bareRate = new Samples();
		Samples serviceRatio = new Samples();
		Samples httpRatio = new Samples();
		for (int round = 0; round < WORK_ROUNDS; round++) {
			List<RectificationTask> viaService = take(fresh, WORK_BATCH);
			List<RectificationTask> viaHttp = take(fresh, WORK_BATCH);
			List<RectificationTask> both = new ArrayList<>(viaService);
			both.addAll(viaHttp);
			double[] rates = new double[3];
			// Rotate the order, so that no path always runs first or last in a round.
			for (int turn = 0; turn < 3; turn++) {
				int path = (round + turn) % 3;
				rates[path] = switch (path) {
					case 0 -> rate(viaService, this::serviceWork);
					case 1 -> rate(viaHttp, this::httpWork);
					default -> rate(both, (t) -> bareWork(t.getId()));
				};
			}
			service.add(rates[0]);
			http.add(rates[1]);
			bareRate.add(rates[2]);
			// The ratio of each round, whose three paths ran side by side: the machine's drift between rounds cancels.
			serviceRatio.add(rates[0] / rates[2]);
			httpRatio.add(rates[1] / rates[2]);
			for (RectificationTask t : both) {
				assertThat(this.taskProcess.currentStep(t.getId())).as("task %s signed off", t.getCode())
					.contains(RectificationTaskProcess.USER_TASK_CLOSE_OFF);
			}
		}
		this.table.work(n, service, http, bareRate, serviceRatio, httpRatio);
	}

	private static List<RectificationTask> take(List<RectificationTask> from, int count) {
		if (from.size() < count) {
			throw new IllegalStateException("the reserved unit has too few tasks left for the work measurement");
		}
		List<RectificationTask> taken = new ArrayList<>(from.subList(0, count));
		from.subList(0, count).clear();
		return taken;
	}

	/** Steps per second over the tasks (three steps each). */
	private static double rate(List<RectificationTask> tasks, Work work) throws Exception {
		long started = System.nanoTime();
		for (RectificationTask t : tasks) {
			work.on(t);
		}
		return 3.0 * tasks.size() / ((System.nanoTime() - started) / 1e9);
	}

	@FunctionalInterface
	private interface Work {

		void on(RectificationTask task) throws Exception;

	}

	/** Through the services the portal calls: one transaction a step, as a request is. */
	private void serviceWork(RectificationTask task) {
		this.submissions.submit(task.getId(), NARRATIVE, List.of(), staff(task));
		String leader = task.getResponsibleLeader();
		this.transactions.executeWithoutResult((status) -> this.taskProcess.complete(task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW, leader, this.directory.groupIds(leader),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT)));
		this.supervision.signOff(task.getId(), signOff(), DemoAccounts.DISCIPLINE_OFFICER);
	}

	/**
	 * As people do it over HTTP: the department posts the portal's submission form, the leader completes the review
	 * through the engine's REST API as Tasklist does (find, claim, complete), the discipline officer posts the portal's
	 * sign-off form. Each signed in once beforehand; the redirects after a form are not followed.
	 */
	private void httpWork(RectificationTask task) throws Exception {
		String staff = staff(task);
		expectRedirect(session(staff).postForm("/tasks/" + task.getId() + "/submission",
				form("action", "submit", "narrative", NARRATIVE, "_csrf", token(staff, task.getId()))));
		PortalSession leader = session(task.getResponsibleLeader());
		HttpResponse<String> found = leader.get("/engine-rest/task?processInstanceBusinessKey=" + task.getId()
				+ "&taskDefinitionKey=" + RectificationTaskProcess.USER_TASK_LEADER_REVIEW, "Accept", "application/json");
		Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(found.body());
		if (!id.find()) {
			throw new IllegalStateException("no leader review over REST for " + task.getCode() + ": " + found.body());
		}
		// A write carried by the session sends the portal's CSRF token, as a page's script would.
		String csrf = token(task.getResponsibleLeader(), task.getId());
		expect(leader.postJson("/engine-rest/task/" + id.group(1) + "/claim",
				"{\"userId\":\"" + task.getResponsibleLeader() + "\"}", "X-CSRF-TOKEN", csrf), 204);
		expect(leader.postJson("/engine-rest/task/" + id.group(1) + "/complete",
				"{\"variables\":{\"leaderDecision\":{\"value\":\"accept\"}}}", "X-CSRF-TOKEN", csrf), 204);
		String officer = DemoAccounts.DISCIPLINE_OFFICER;
		SignOff s = signOff();
		expectRedirect(session(officer).postForm("/tasks/" + task.getId() + "/sign-off",
				form("date", s.date().toString(), "place", s.place(), "participants", s.participants(), "checkedItems",
						s.checkedItems(), "findings", s.findings(), "verdict", s.verdict(), "_csrf",
						token(officer, task.getId()))));
	}

	/** The same three steps on the bare engine's twin of the task. */
	private void bareWork(Long taskId) {
		String key = String.valueOf(taskId);
		SignOff s = signOff();
		this.bare.complete(key, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, NARRATIVE));
		this.bare.complete(key, RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
		this.bare.complete(key, RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, BareEngine.signedOff(s));
	}

	private static SignOff signOff() {
		return new SignOff(LocalDate.now(), "行政楼会议室", "纪委办公室 张三、李四", "制度文件、会议记录、佐证材料",
				"现场核查材料齐全，措施落实到位", SignOff.PASS);
	}

	/** The clerk of the task's lead department (the unit's own, see {@link #unitAsTenant}). */
	private static String staff(RectificationTask task) {
		return task.getLeadDepartment() + "Staff";
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Pages, reports, export

	private void measurePages(int n) throws Exception {
		PortalSession office = session(DemoAccounts.RECTIFICATION_CLERK);
		List<Long> taskIds = this.jdbc.queryForList("select id from rectification_task", Long.class);
		String department = staff(this.tasks.tasksOf(this.units.get(0)).get(0));
		Map<String, PageSource> pages = new LinkedHashMap<>();
		pages.put("home (rectification office)", () -> "/");
		pages.put("home (a department)", () -> "/");
		pages.put("ledger: problem list", () -> "/inspections/" + anyUnit());
		pages.put("ledger: task list", () -> "/inspections/" + anyUnit() + "/tasks");
		pages.put("ledger: responsibility list", () -> "/inspections/" + anyUnit() + "/responsibilities?by=department");
		pages.put("dashboard page", () -> "/inspections/" + anyUnit() + "/dashboard");
		pages.put("dashboard data", () -> "/inspections/" + anyUnit() + "/dashboard/data");
		pages.put("task detail", () -> "/tasks/" + taskIds.get(this.random.nextInt(taskIds.size())));
		for (Map.Entry<String, PageSource> page : pages.entrySet()) {
			PortalSession who = page.getKey().contains("department") ? session(department) : office;
			Samples samples = new Samples();
			for (int i = 0; i < PAGE_SAMPLES / 4 + PAGE_SAMPLES; i++) {
				String path = page.getValue().next();
				long started = System.nanoTime();
				HttpResponse<String> response = who.get(path);
				double ms = (System.nanoTime() - started) / 1e6;
				expect(response, 200);
				if (i >= PAGE_SAMPLES / 4) {
					samples.add(ms);
				}
			}
			this.table.page(n, page.getKey(), samples);
		}
	}

	/**
	 * The inspection office's views across every unit (issue 18), as its clerk opens them: the dashboard (one row
	 * per inspection of all units, sorted by overdue tasks) and the queue of filings and report reviews.
	 */
	private void measureOffice(int n) throws Exception {
		PortalSession office = session(DemoAccounts.INSPECTOR);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("office dashboard (inspection office, " + n + " units)", "/office/dashboard?sort=overdue&dir=desc");
		pages.put("office filing and review queue (inspection office, " + n + " units)", "/office/queue");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			Samples samples = new Samples();
			for (int i = 0; i < PAGE_SAMPLES / 4 + PAGE_SAMPLES; i++) {
				long started = System.nanoTime();
				HttpResponse<String> response = office.get(page.getValue());
				double ms = (System.nanoTime() - started) / 1e6;
				expect(response, 200);
				if (i >= PAGE_SAMPLES / 4) {
					samples.add(ms);
				}
			}
			this.table.page(n, page.getKey(), samples);
		}
	}

	@FunctionalInterface
	private interface PageSource {

		String next();

	}

	private Long anyUnit() {
		return this.units.get(this.random.nextInt(this.units.size()));
	}

	/**
	 * Reports and the export of one unit with history, with the peak heap while each ran. A PDF is laid out once per
	 * text and then kept, so its first layout is measured on units whose PDF nobody has asked for yet, one request
	 * each, and the repeated request on the same unit as the other documents.
	 */
	private void measureDocuments(int n) throws Exception {
		PortalSession office = session(DemoAccounts.RECTIFICATION_CLERK);
		Long unit = this.units.get(0);
		Samples layouts = new Samples();
		double layoutPeak = 0;
		for (Long fresh : this.units) {
			if (layouts.size() == 5) {
				break;
			}
			if (!this.pdfsAskedFor.add(fresh)) {
				continue;
			}
			String address = "/inspections/" + fresh + "/public-report.pdf";
			try (HeapWatch heap = new HeapWatch()) {
				layouts.time(() -> expect(office.get(address), 200));
				layoutPeak = Math.max(layoutPeak, heap.peakAboveBaselineMb());
			}
		}
		if (layouts.size() > 0) {
			this.table.document(n, "public report (.pdf, first layout; " + layouts.size() + " units)", layouts,
					layoutPeak);
		}
		Map<String, String> documents = new LinkedHashMap<>();
		documents.put("public report (page)", "/inspections/" + unit + "/public-report");
		documents.put("public report (.pdf, asked for again)", "/inspections/" + unit + "/public-report.pdf");
		documents.put("rectification report (.docx)", "/inspections/" + unit + "/rectification-report.docx");
		documents.put("task list export (.xlsx, 65 tasks)", "/inspections/" + unit + "/tasks.xlsx");
		for (Map.Entry<String, String> document : documents.entrySet()) {
			expect(office.get(document.getValue()), 200);
			Samples samples = new Samples();
			double peak = 0;
			for (int i = 0; i < 5; i++) {
				try (HeapWatch heap = new HeapWatch()) {
					samples.time(() -> expect(office.get(document.getValue()), 200));
					peak = Math.max(peak, heap.peakAboveBaselineMb());
				}
			}
			this.table.document(n, document.getKey(), samples, peak);
		}
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Start-up and resident memory of the application on the grown database

	/**
	 * The application started on a copy of the grown database, three times each way: as {@code java} starts it by
	 * default, and as docs/PERFORMANCE.md recommends for production (a capped heap and an AppCDS archive of the
	 * classes a start loads, recorded by one training run that exits once the context is up). The resident memory is
	 * read after the last start of each way has served the pages, a report and an export.
	 */
	private void measureStartup() throws Exception {
		Path copy = WORK.resolve("startup").toAbsolutePath();
		Files.createDirectories(copy);
		Map<String, String> env;
		try {
			env = startupDatabase(copy);
		}
		catch (IllegalStateException ex) {
			System.out.println("Start-up not measured: " + ex.getMessage());
			this.table.note("start-up and memory not measured: " + ex.getMessage());
			return;
		}
		List<String> args = List.of("--spring.profiles.active=" + startupProfiles(), "--rectiflow.demo.enabled=false",
				"--logging.level.root=INFO");
		String classPath = archivableClassPath(copy);
		startThreeTimes(copy, classPath, List.of(), args, env, "JVM defaults");
		Path archive = copy.resolve("rectiflow.jsa");
		List<String> training = new ArrayList<>(PRODUCTION_JVM);
		training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"));
		try (ApplicationProcess app = ApplicationProcess.start("cds-training", copy, classPath, training, args, env)) {
			assertThat(app.awaitExit(Duration.ofMinutes(3))).as("the training run exits cleanly:\n%s", app.logTail())
				.isZero();
		}
		assertThat(archive).exists();
		List<String> production = new ArrayList<>(PRODUCTION_JVM);
		production.add("-XX:SharedArchiveFile=" + archive);
		startThreeTimes(copy, classPath, production, args, env, String.join(" ", PRODUCTION_JVM) + " + AppCDS");
	}

	/** The options docs/PERFORMANCE.md recommends for production, besides the class archive. */
	static final List<String> PRODUCTION_JVM = List.of("-Xmx512m");

	private void startThreeTimes(Path dir, String classPath, List<String> jvm, List<String> args,
			Map<String, String> env, String label) throws Exception {
		Samples ready = new Samples();
		Samples spring = new Samples();
		for (int i = 1; i <= 3; i++) {
			String name = "startup-" + (jvm.isEmpty() ? "default" : "production") + "-" + i;
			long started = System.nanoTime();
			try (ApplicationProcess app = ApplicationProcess.start(name, dir, classPath, jvm, args, env)) {
				awaitLogin(app, new PortalSession(app.port()));
				ready.add((System.nanoTime() - started) / 1e6);
				Matcher m = STARTED.matcher(Files.readString(dir.resolve(name + ".log")));
				if (m.find()) {
					spring.add(Double.parseDouble(m.group(1)) * 1000);
				}
				if (i == 3) {
					warmUp(app);
					Map<String, Long> status = procStatus(app.pid());
					this.table.memory(status.getOrDefault("VmRSS", -1L) / 1024.0,
							status.getOrDefault("VmHWM", -1L) / 1024.0, label);
				}
				app.stop();
			}
		}
		this.table.startup(ready, spring, label);
	}

	/** What a morning's use asks of a fresh node: pages of forty units, a report PDF, an export. */
	private void warmUp(ApplicationProcess app) throws Exception {
		PortalSession office = new PortalSession(app.port());
		office.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		for (int k = 0; k < 40; k++) {
			Long unit = anyUnit();
			for (String path : List.of("/", "/inspections/" + unit, "/inspections/" + unit + "/tasks",
					"/inspections/" + unit + "/dashboard/data", "/inspections/" + unit + "/public-report")) {
				expect(office.get(path), 200);
			}
		}
		expect(office.get("/inspections/" + this.units.get(0) + "/public-report.pdf"), 200);
		expect(office.get("/inspections/" + this.units.get(0) + "/tasks.xlsx"), 200);
	}

	/**
	 * The run's class path with the application's classes in a jar and the test classes left out: a class archive
	 * takes classes from jars only, and a server has no test classes.
	 */
	private static String archivableClassPath(Path dir) throws IOException {
		Path jar = dir.resolve("rectiflow-classes.jar");
		Path classes = Path.of("target", "classes").toAbsolutePath();
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
			// Directory entries too: Spring finds components, templates and migrations by listing directories.
			for (Path file : files.filter((f) -> !f.equals(classes)).sorted().toList()) {
				String name = classes.relativize(file).toString().replace('\\', '/');
				out.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
				if (Files.isRegularFile(file)) {
					Files.copy(file, out);
				}
				out.closeEntry();
			}
		}
		List<String> entries = new ArrayList<>();
		entries.add(jar.toString());
		Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter((e) -> e.endsWith(".jar"))
			.forEach(entries::add);
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static void awaitLogin(ApplicationProcess app, PortalSession probe) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new AssertionError("the application died while starting:\n" + app.logTail());
			}
			try {
				if (probe.get("/login").statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		throw new AssertionError("not ready in 3 minutes:\n" + app.logTail());
	}

	/** The kB figures of /proc/PID/status (VmRSS, VmHWM, ...). */
	private static Map<String, Long> procStatus(long pid) throws IOException {
		Map<String, Long> values = new HashMap<>();
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			Matcher m = Pattern.compile("^(\\w+):\\s+(\\d+) kB").matcher(line);
			if (m.find()) {
				values.put(m.group(1), Long.parseLong(m.group(2)));
			}
		}
		return values;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// HTTP helpers

	private PortalSession session(String user) throws Exception {
		PortalSession session = this.sessions.get(user);
		if (session == null) {
			session = new PortalSession(this.port);
			expect(session.login(user, DemoAccounts.PASSWORD), 302);
			this.sessions.put(user, session);
		}
		return session;
	}

	/** The session's CSRF token, read once from a task page's form. */
	private String token(String user, Long taskId) throws Exception {
		String token = this.tokens.get(user);
		if (token == null) {
			token = session(user).csrfToken("/tasks/" + taskId);
			this.tokens.put(user, token);
		}
		return token;
	}

	private static String form(String... pairs) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			form.append(form.isEmpty() ? "" : "&")
				.append(pairs[i])
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return form.toString();
	}

	private static void expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ", not "
					+ status + ": " + response.body().substring(0, Math.min(500, response.body().length())));
		}
	}

	/**
	 * A form post answered: the portal redirects back to the task whether it worked or not, so the rounds check
	 * afterwards that every task reached close-off.
	 */
	private static void expectRedirect(HttpResponse<String> response) {
		expect(response, 302);
	}

	private static void unzip(Path zip, Path into) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path target = into.resolve(Path.of(entry.getName()).getFileName().toString());
				Files.copy(in, target);
			}
		}
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			walk.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.rectiflow.idempotency;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.security.PortalSession;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.task.EvidenceRepository;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that are safe to send again (issue 24), over real HTTP: an upload, a submission, a sign-off and a completion,
 * each sent twice, with an idempotency key (the first answer again, nothing done twice) and without (the same file is
 * recognised, a step completed by the same person says so; someone else's completion stays 409).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RetrySafeWritesTests {

	private static final String STAFF = "logisticsDepartmentStaff";

	private static final Pattern KEY_FIELD = Pattern.compile("name=\"idempotencyKey\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	EvidenceRepository evidence;

	@Autowired
	SupervisionService supervision;

	@Autowired
	HistoryService history;

	@Autowired
	IdempotentRequests requests;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSameFileUploadedAgainWithoutAKeyIsRecognisedAndNotStoredTwice() throws Exception {
		RectificationTask task = awaitingSubmission("重试：无编号重复上传");
		byte[] pdf = ("%PDF-1.4 宿舍维修台账 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> first = upload(task, "宿舍维修台账.pdf", pdf);
		HttpResponse<String> again = upload(task, "宿舍维修台账（重发）.pdf", pdf);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		JsonNode kept = this.json.readTree(again.body());
		assertThat(kept.get("id").asLong()).isEqualTo(this.json.readTree(first.body()).get("id").asLong());
		assertThat(kept.get("alreadyThere").asBoolean()).isTrue();
		assertThat(kept.get("message").asText()).contains("已在本任务的佐证材料中", "宿舍维修台账.pdf");
		assertThat(this.evidence.findByTaskIdOrderByUploadedAtAsc(task.getId())).hasSize(1);
		// Another file is another file.
		assertThat(upload(task, "宿舍维修台账.pdf", "%PDF-1.4 另一份".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(201);
		assertThat(this.evidence.findByTaskIdOrderByUploadedAtAsc(task.getId())).hasSize(2);
	}

	@Test
	void anUploadRepeatedWithItsKeyGetsTheFirstAnswerAndAKeyServesOneRequestOnly() throws Exception {
		RectificationTask task = awaitingSubmission("重试：带编号重复上传");
		String key = UUID.randomUUID().toString();
		byte[] pdf = ("%PDF-1.4 " + key).getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> first = upload(task, "整改报告.pdf", pdf, "Idempotency-Key", key);
		HttpResponse<String> again = upload(task, "整改报告.pdf", pdf, "Idempotency-Key", key);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(this.evidence.findByTaskIdOrderByUploadedAtAsc(task.getId())).hasSize(1);

		HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(api("/api/inspections/" + task.getInspectionId()
				+ "/plan-opinions"))
			.header("Authorization", basic(STAFF))
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(elsewhere.statusCode()).isEqualTo(422);
		assertThat(elsewhere.body()).contains("该请求编号已用于另一项操作");

		HttpResponse<String> badKey = upload(task, "整改报告.pdf", pdf, "Idempotency-Key", "short");
		assertThat(badKey.statusCode()).isEqualTo(400);
		assertThat(badKey.body()).contains("请求编号（Idempotency-Key）无效");
	}

	@Test
	void everyFormOfThePortalCarriesAFreshKeyAndASubmissionSentTwiceIsMadeOnce() throws Exception {
		RectificationTask task = awaitingSubmission("重试：门户重复提交");
		this.driver.uploadEvidence(task);
		PortalSession staff = signedIn(STAFF);
		String page = staff.get("/tasks/" + task.getId()).body();
		String key = field(KEY_FIELD, page);
		assertThat(KEY_FIELD.matcher(staff.get("/tasks/" + task.getId()).body()).results().map((m) -> m.group(1)))
			.as("a new key each time the page is shown")
			.doesNotContain(key);
		String form = "_csrf=" + enc(field(CSRF_FIELD, page)) + "&idempotencyKey=" + enc(key)
				+ "&action=submit&narrative=" + enc("已集中维修宿舍200余间，台账已建立。");

		HttpResponse<String> first = staff.postForm("/tasks/" + task.getId() + "/submission", form);
		HttpResponse<String> again = staff.postForm("/tasks/" + task.getId() + "/submission", form);

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(staff.location(again)).isEqualTo(staff.location(first));
		assertThat(finished(task, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)).isOne();
		assertThat(staff.get("/tasks/" + task.getId()).body()).contains("整改材料已提交");

		// The same submission from another copy of the form (no key, or a fresh one): the person is told it is done.
		String fresh = "_csrf=" + enc(field(CSRF_FIELD, page)) + "&action=submit&narrative=" + enc("再次提交");
		HttpResponse<String> resent = staff.postForm("/tasks/" + task.getId() + "/submission", fresh);
		assertThat(resent.statusCode()).isEqualTo(302);
		assertThat(staff.get(staff.location(resent).replace(staff.base(), "")).body()).contains("您已于", "完成此步骤");
		assertThat(finished(task, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)).isOne();
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW)).hasSize(1);
	}

	@Test
	void aSignOffSentTwiceIsOneRecordWithAKeyAndWithout() throws Exception {
		RectificationTask task = atOnSiteSupervision("重试：门户重复签字");
		PortalSession officer = signedIn(DemoAccounts.DISCIPLINE_OFFICER);
		String page = officer.get("/tasks/" + task.getId()).body();
		String form = "_csrf=" + enc(field(CSRF_FIELD, page)) + "&idempotencyKey=" + enc(field(KEY_FIELD, page))
				+ "&date=" + LocalDate.now() + "&place=" + enc("后勤处") + "&participants=" + enc("钱纪检")
				+ "&checkedItems=" + enc("宿舍维修台账") + "&findings=" + enc("措施落实到位") + "&verdict=accept";

		HttpResponse<String> first = officer.postForm("/tasks/" + task.getId() + "/sign-off", form);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(officer.get("/tasks/" + task.getId()).body()).contains("已签字确认");
		HttpResponse<String> again = officer.postForm("/tasks/" + task.getId() + "/sign-off", form);
		HttpResponse<String> withoutKey = officer.postForm("/tasks/" + task.getId() + "/sign-off",
				form.replaceAll("&idempotencyKey=[^&]*", ""));

		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(withoutKey.statusCode()).isEqualTo(302);
		assertThat(officer.get("/tasks/" + task.getId()).body()).contains("您已于", "完成此步骤");
		assertThat(this.supervision.recordsOfTask(task.getId())).hasSize(1);
		assertThat(finished(task, RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION)).isOne();
	}

	@Test
	void aCompletionRepeatedOverTheEngineRestApiReplaysWithItsKeySaysDoneByYouWithoutAndSomeoneElseStillGets409() throws Exception {
		RectificationTask task = atOnSiteSupervision("重试：接口重复办理");
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION);
		String body = "{\"variables\":{\"supervisionDecision\":{\"value\":\"accept\"},"
				+ "\"supervisionFindings\":{\"value\":\"措施落实到位\"}}}";

		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = complete(step.getId(), DemoAccounts.DISCIPLINE_OFFICER, body, "Idempotency-Key", key);
		HttpResponse<String> replayed = complete(step.getId(), DemoAccounts.DISCIPLINE_OFFICER, body,
				"Idempotency-Key", key);
		HttpResponse<String> again = complete(step.getId(), DemoAccounts.DISCIPLINE_OFFICER, body);
		HttpResponse<String> other = complete(step.getId(), DemoAccounts.DISCIPLINE_SECRETARY, body);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
		assertThat(replayed.statusCode()).as("with its key: the first answer again").isEqualTo(204);
		assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		JsonNode done = this.json.readTree(again.body());
		assertThat(done.get("type").asText()).isEqualTo("StepAlreadyDone");
		assertThat(done.get("completedBy").asText()).isEqualTo(DemoAccounts.DISCIPLINE_OFFICER);
		assertThat(Instant.parse(done.get("completedAt").asText())).isBefore(Instant.now().plusSeconds(1));
		assertThat(done.get("message").asText()).startsWith("您已于").contains("完成此步骤");
		assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
		assertThat(other.body()).contains("已被他人办理");
		assertThat(this.supervision.recordsOfTask(task.getId())).hasSize(1);
		assertThat(finished(task, RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION)).isOne();
	}

	@Test
	void keysAreForgottenAfterTheRetention() {
		String user = "retrySafeWritesTests";
		assertThat(this.requests.claim(user, "old-key-0001", "POST /x")).isTrue();
		assertThat(this.requests.claim(user, "new-key-0001", "POST /x")).isTrue();
		assertThat(this.requests.claim(user, "new-key-0001", "POST /x")).as("claimed once").isFalse();
		this.jdbc.sql("update idempotent_request set created_at = ? where user_id = ? and idempotency_key = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(25 * 3600)), user, "old-key-0001")
			.update();

		assertThat(this.requests.purge()).isGreaterThanOrEqualTo(1);
		assertThat(this.requests.find(user, "old-key-0001")).isEmpty();
		assertThat(this.requests.find(user, "new-key-0001")).isPresent();
	}

	private RectificationTask awaitingSubmission(String title) {
		Long id = this.driver.register(TestFeedback.small(title)).getId();
		this.driver.filePlan(id);
		return this.driver.task(id, "1.1.1");
	}

	private RectificationTask atOnSiteSupervision(String title) {
		RectificationTask task = awaitingSubmission(title);
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, STAFF,
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已集中维修宿舍200余间"));
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
		return task;
	}

	private long finished(RectificationTask task, String step) {
		return this.history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(task.getId()))
			.taskDefinitionKey(step)
			.finished()
			.count();
	}

	private PortalSession signedIn(String user) throws Exception {
		PortalSession session = new PortalSession(this.port);
		assertThat(session.login(user, DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	private HttpResponse<String> upload(RectificationTask task, String fileName, byte[] content, String... headers)
			throws Exception {
		String boundary = "----rectiflow" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(api("/api/tasks/" + task.getId() + "/evidence"))
			.header("Authorization", basic(STAFF))
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	private HttpResponse<String> complete(String engineTaskId, String user, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(api("/engine-rest/task/" + engineTaskId + "/complete"))
			.header("Authorization", basic(user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI api(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String field(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		assertThat(m.find()).as("field %s on the page", pattern).isTrue();
		return m.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}

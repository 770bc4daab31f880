package org.rectiflow.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests that a tester saw answered with 500, or with our internals (Jackson's DTO classes, SPIN-/ENGINE-
 * codes, Java class names), sent as they were to the running application: each is now a 4xx whose message a person
 * can read, in Chinese by default and in English when asked (Accept-Language), and names nothing inside the
 * server. A task keeps taking evidence however much it already holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesTests {

	static final String STAFF = "logisticsDepartmentStaff";

	/** What must never reach a client: engine and Spin codes, Java packages and classes, DTOs, stack traces. */
	static final Pattern INTERNALS = Pattern.compile("ENGINE-\\d|SPIN[-/]|\\b(org|com|java|javax|jakarta|sun)\\.[a-z]"
			+ "|Dto\\b|\\bat [a-z]+\\.[a-z]|Caused by|Exception:|\\$[A-Z]|Cannot deserialize",
			Pattern.CASE_INSENSITIVE);

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	EvidenceService evidence;

	@Autowired
	RuntimeService runtime;

	Long inspection;

	RectificationTask uploads;

	RectificationTask unsubmitted;

	String unsubmittedStep;

	String instanceId;

	@BeforeAll
	void aFiledPlan() {
		this.inspection = this.driver.register(TestFeedback.small("错误应答测试")).getId();
		this.driver.filePlan(this.inspection);
		this.uploads = this.driver.task(this.inspection, "1.1.1");
		this.unsubmitted = this.driver.task(this.inspection, "1.1.2");
		this.unsubmittedStep = this.driver
			.one(RectificationTaskProcess.PROCESS_KEY, this.unsubmitted.getId(),
					RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)
			.getId();
		this.instanceId = this.driver.instance(RectificationTaskProcess.PROCESS_KEY, this.uploads.getId()).getId();
	}

	/** The answers we write ourselves (the sign-in prompt) keep their status: a wrong password is 401, never 200. */
	@Test
	void aRefusedSignInKeepsItsStatus() throws Exception {
		for (String path : List.of("/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-definition/count")) {
			HttpResponse<String> r = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri(path))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((STAFF + ":wrong-password").getBytes(StandardCharsets.UTF_8)))
					.GET()
					.build(), BodyHandlers.ofString());
			assertThat(r.statusCode()).as("%s: %s", path, r.body()).isIn(401, 403);
			assertThat(r.body()).doesNotContain("\"name\":\"default\"");
		}
	}

	@Test
	void aTaskKeepsTakingEvidenceWhateverItsSummaryHolds() throws Exception {
		for (int i = 1; i <= 18; i++) {
			HttpResponse<String> r = upload(STAFF, "/api/tasks/" + this.uploads.getId() + "/evidence",
					"第" + i + "份材料.pdf", "说明".repeat(450));
			assertThat(r.statusCode()).as("upload %d: %s", i, r.body()).isEqualTo(201);
		}
		assertThat(this.evidence.evidenceOf(this.uploads.getId())).hasSize(18);
		String summary = (String) this.runtime.getVariable(this.instanceId, RectificationTaskProcess.VAR_EVIDENCE_SUMMARY);
		assertThat(summary.length()).isLessThanOrEqualTo(4000);
		assertThat(summary).contains("第1份材料.pdf", "18");
	}

	@TestFactory
	Stream<DynamicTest> evidence() {
		List<DynamicTest> tests = new ArrayList<>();
		String api = "/api/tasks/" + this.unsubmitted.getId() + "/evidence";
		for (int length : List.of(1001, 4001, 20000)) {
			tests.add(DynamicTest.dynamicTest("a description of " + length + " characters", () -> refused(
					upload(STAFF, api, "说明过长.pdf", "长".repeat(length)), false)));
		}
		tests.add(DynamicTest.dynamicTest("a NUL byte in the file name", () -> {
			HttpResponse<String> r = upload(STAFF, api, "nul\u0000.pdf", "NUL");
			assertThat(r.statusCode()).as(r.body()).isIn(201, 400);
			assertThat(r.body()).doesNotContain("\u0000", "\\u0000");
			noInternals(r);
		}));
		for (String reserved : List.of("con.txt", "CON.pdf", "nul.pdf", "com1.pdf", "LPT9.tar.pdf", "aux .pdf")) {
			tests.add(DynamicTest.dynamicTest("the reserved name " + reserved, () -> {
				HttpResponse<String> r = upload(STAFF, api, reserved, null);
				assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
				String stored = JSON.readTree(r.body()).path("fileName").asText();
				assertThat(stored.split("\\.")[0].strip().toUpperCase()).isNotIn("CON", "NUL", "COM1", "LPT9", "AUX");
			}));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> engineRestApi() {
		List<DynamicTest> tests = new ArrayList<>();
		String admin = DemoAccounts.ADMIN;
		String complete = "{\"variables\":{\"progressReport\":{\"value\":\"已全部整改到位，材料齐全，请审核。\"}}}";
		for (boolean english : List.of(false, true)) {
			String lang = english ? " (English)" : "";
			engine(tests, "POST /job/retries" + lang, admin, "POST", "/job/retries", "{\"retries\":1}", english);
			engine(tests, "POST /job/retries, negative" + lang, admin, "POST", "/job/retries",
					"{\"retries\":-1,\"jobIds\":[\"x\"]}", english);
			engine(tests, "POST /condition" + lang, admin, "POST", "/condition", "{}", english);
			engine(tests, "POST /condition with variables" + lang, admin, "POST", "/condition",
					"{\"variables\":{\"x\":{\"value\":1}}}", english);
			engine(tests, "POST /group/create" + lang, admin, "POST", "/group/create", "{}", english);
			engine(tests, "POST /group/create as a clerk" + lang, STAFF, "POST", "/group/create",
					"{\"id\":\"g\",\"name\":\"g\"}", english);
			engine(tests, "DELETE /task/{id}" + lang, admin, "DELETE", "/task/" + this.unsubmittedStep, null, english);
			engine(tests, "DELETE /task/{id} as a clerk" + lang, STAFF, "DELETE", "/task/" + this.unsubmittedStep, null,
					english);
			engine(tests, "PUT an Xml variable" + lang, admin, "PUT",
					"/process-instance/" + this.instanceId + "/variables/note",
					"{\"value\":\"<a/>\",\"type\":\"Xml\"}", english);
			engine(tests, "POST Xml variables" + lang, admin, "POST", "/process-instance/" + this.instanceId + "/variables",
					"{\"modifications\":{\"note\":{\"value\":\"<a>\",\"type\":\"Xml\"}}}", english);
			engine(tests, "query tasks by an Object value" + lang, admin, "POST", "/task",
					"{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}", english);
			engine(tests, "query variables by an Object value" + lang, admin, "POST", "/variable-instance",
					"{\"variableValues\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}", english);
			engine(tests, "query instances by an Object value" + lang, admin, "POST", "/process-instance",
					"{\"variables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":[1,2]}]}", english);
			engine(tests, "a JSON body of the wrong shape" + lang, admin, "POST", "/task",
					"{\"processVariables\":\"x\"}", english);
			engine(tests, "an unknown type of variable" + lang, admin, "PUT",
					"/process-instance/" + this.instanceId + "/variables/note", "{\"value\":\"a\",\"type\":\"Nope\"}",
					english);
		}
		tests.add(DynamicTest.dynamicTest("a completion our validation refuses, over the engine's REST API", () -> {
			HttpResponse<String> r = rest(STAFF, "POST", "/engine-rest/task/" + this.unsubmittedStep + "/complete",
					complete, false);
			refused(r, false);
			assertThat(r.statusCode()).isEqualTo(400);
			assertThat(message(r)).contains("请先上传至少一份佐证材料");
		}));
		tests.add(DynamicTest.dynamicTest("the same in English", () -> {
			HttpResponse<String> r = rest(STAFF, "POST", "/engine-rest/task/" + this.unsubmittedStep + "/complete",
					complete, true);
			refused(r, true);
			assertThat(r.statusCode()).isEqualTo(400);
		}));
		tests.add(DynamicTest.dynamicTest("the same over the webapps' API, with a session", () -> {
			WebappSession session = new WebappSession(ErrorResponsesTests.this.port, STAFF);
			HttpResponse<String> r = session.send("POST",
					"/camunda/api/engine/engine/default/task/" + this.unsubmittedStep + "/complete", complete);
			refused(r, false);
			assertThat(r.statusCode()).isEqualTo(400);
			assertThat(message(r)).contains("请先上传至少一份佐证材料");
			refused(session.send("POST", "/camunda/api/engine/engine/default/condition", "{}"), false);
			refused(session.send("PUT", "/camunda/api/engine/engine/default/task/" + this.unsubmittedStep
					+ "/variables/note", "{\"value\":\"<a/>\",\"type\":\"Xml\"}"), false);
			refused(session.send("POST", "/camunda/api/engine/engine/default/task",
					"{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}"), false);
			assertThat(ErrorResponsesTests.this.driver.one(RectificationTaskProcess.PROCESS_KEY,
					ErrorResponsesTests.this.unsubmitted.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)
				.getId()).as("the step is still open").isEqualTo(ErrorResponsesTests.this.unsubmittedStep);
		}));
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> errorPage() {
		List<DynamicTest> tests = new ArrayList<>();
		for (boolean english : List.of(false, true)) {
			tests.add(DynamicTest.dynamicTest("GET /error signed in" + (english ? " (English)" : ""),
					() -> refused(rest(STAFF, "GET", "/error", null, english), english)));
			tests.add(DynamicTest.dynamicTest("GET /error as JSON" + (english ? " (English)" : ""), () -> {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri("/error")).header("Accept", "application/json")
					.header("Authorization", basic(STAFF));
				if (english) {
					request.header("Accept-Language", "en");
				}
				refused(HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString()), english);
			}));
		}
		return tests.stream();
	}

	private void engine(List<DynamicTest> tests, String name, String user, String method, String path, String body,
			boolean english) {
		tests.add(DynamicTest.dynamicTest(name,
				() -> refused(rest(user, method, "/engine-rest" + path, body, english), english)));
	}

	/** A 4xx that says in words, in the asked language, what was wrong, and names nothing inside the server. */
	static void refused(HttpResponse<String> r, boolean english) throws Exception {
		assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
		noInternals(r);
		String message = message(r);
		assertThat(message).as(r.body()).isNotBlank();
		if (english) {
			assertThat(message).as(r.body()).containsPattern("[A-Za-z]{3,}").doesNotContainPattern(HAN);
		}
		else {
			assertThat(message).as(r.body()).containsPattern(HAN);
		}
	}

	static void noInternals(HttpResponse<String> r) {
		assertThat(INTERNALS.matcher(r.body()).find()).as("internals in %s", r.body()).isFalse();
	}

	/** The message of a JSON answer (the engine's "message", a problem's "detail"), or a page's text. */
	static String message(HttpResponse<String> r) throws Exception {
		if (r.headers().firstValue("Content-Type").orElse("").contains("json")) {
			JsonNode json = JSON.readTree(r.body());
			return json.hasNonNull("message") ? json.get("message").asText() : json.path("detail").asText();
		}
		return r.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
	}

	private HttpResponse<String> rest(String user, String method, String path, String body, boolean english)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user));
		if (english) {
			request.header("Accept-Language", "en");
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (body == null) ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> upload(String user, String path, String fileName, String description) throws Exception {
		String boundary = "----rectiflow" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (description != null) {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + description + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		boolean text = fileName.endsWith(".txt");
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + (text ? "text/plain" : "application/pdf") + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		// Bytes of their own each time: the same file sent to a task again is recognised and kept once (issue 24).
		out.write(((text ? "整改材料说明，纯文本。" : "%PDF-1.4 evidence") + " " + boundary).getBytes(StandardCharsets.UTF_8));
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
			.header("Authorization", basic(user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(out.toByteArray()))
			.build(), BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}

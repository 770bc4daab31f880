package org.rectiflow.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.web.PortalLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of crafted requests against the running application: path traversal and impossible ids, script and
 * HTML in every text field, wrong types, broken and oversized uploads, malformed JSON, missing or forged CSRF
 * tokens, other departments' ids. Every answer is below 500, carries no stack trace, echoes no script unescaped,
 * says in words what was wrong, and changes nothing it should not (checked on the tables afterwards).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	static final String SCRIPT = "<script>alert('x')</script>";

	static final String IMG = "<img src=x onerror=alert(1)>";

	static final List<String> NASTY_TEXT = List.of(SCRIPT, IMG, "\"><svg/onload=alert(1)>", "${7*7}#{7*7}",
			"${''.getClass().forName('java.lang.Runtime')}", "'; drop table rectification_task; --", "\u202Egnp.exe",
			"\u0000nul", "../../../../etc/passwd", "%00", "{{7*7}}", "[[${7*7}]]", "__${T(java.lang.Runtime)}__::.x",
			"汉".repeat(20000));

	static final List<String> BAD_IDS = List.of("0", "-1", "99999999999", "99999999999999999999999", "abc", "1.5",
			"%2e%2e%2fetc%2fpasswd", "..%2f..%2f", "1%00", "1;drop", "%27", "null", "1e3", "0x10", "%E4%B8%AD");

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	EvidenceService evidence;

	Long inspection;

	RectificationTask mine;

	RectificationTask theirs;

	final Map<String, HttpClient> sessions = new HashMap<>();

	final Map<String, String> tokens = new HashMap<>();

	long evidenceBefore;

	@BeforeAll
	void aFiledPlan() {
		this.inspection = this.driver.register(TestFeedback.small("恶意输入测试")).getId();
		this.driver.filePlan(this.inspection);
		this.mine = this.driver.task(this.inspection, "1.1.1");
		this.theirs = this.driver.task(this.inspection, "1.2.1");
		this.evidenceBefore = this.evidence.evidenceOf(this.theirs.getId()).size();
	}

	@AfterAll
	void nothingChangedThatShouldNot() {
		RectificationTask other = this.tasks.get(this.theirs.getId());
		assertThat(this.evidence.evidenceOf(this.theirs.getId())).hasSize((int) this.evidenceBefore);
		assertThat(other.getProgressReport()).isNull();
		assertThat(this.tasks.get(this.mine.getId()).getDeadline()).isEqualTo(this.mine.getDeadline());
	}

	@TestFactory
	Stream<DynamicTest> impossibleIdsAndTraversal() {
		List<DynamicTest> tests = new ArrayList<>();
		List<String> templates = List.of("/tasks/%s", "/evidence/%s/download", "/evidence/%s/preview", "/inspections/%s",
				"/inspections/%s/tasks", "/inspections/%s/dashboard", "/inspections/%s/progress-meeting",
				"/inspections/%s/assessment");
		for (String template : templates) {
			for (String id : BAD_IDS) {
				String path = template.formatted(id);
				tests.add(get("GET " + path, DemoAccounts.RECTIFICATION_CLERK, path, (r) -> assertThat(r.statusCode())
					.isIn(400, 403, 404)));
			}
		}
		for (String id : BAD_IDS) {
			// A notice that is not one's own (or none) leads back to the inbox, as a link in a chat group would.
			String path = "/inbox/" + id;
			tests.add(get("GET " + path, DemoAccounts.RECTIFICATION_CLERK, path, (r) -> assertThat(r.statusCode())
				.isIn(302, 400, 404)));
		}
		for (String id : List.of("99999999999", "abc", "%2e%2e", "-1")) {
			String path = "/api/evidence/" + id + "/content";
			tests.add(DynamicTest.dynamicTest("API " + path, () -> {
				HttpResponse<String> r = basic(DemoAccounts.RECTIFICATION_CLERK, "GET", path, null, null);
				sane(r);
				assertThat(r.statusCode()).isIn(400, 403, 404);
			}));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> scriptAndHtmlInEveryTextField() {
		List<DynamicTest> tests = new ArrayList<>();
		String staff = "logisticsDepartmentStaff";
		for (String text : NASTY_TEXT) {
			String label = text.length() > 30 ? text.substring(0, 30) + "…(" + text.length() + ")" : text;
			tests.add(post("draft narrative " + label, staff, "/tasks/" + this.mine.getId() + "/submission",
					Map.of("action", "draft", "narrative", text)));
			tests.add(post("extension reason " + label, staff, "/tasks/" + this.mine.getId() + "/extension",
					Map.of("requestedDeadline", "2099-01-01", "reason", text)));
			tests.add(post("extension date " + label, staff, "/tasks/" + this.mine.getId() + "/extension",
					Map.of("requestedDeadline", text, "reason", "合理的延期理由说明文字")));
			tests.add(post("sign-off fields " + label, DemoAccounts.DISCIPLINE_OFFICER,
					"/tasks/" + this.mine.getId() + "/sign-off", Map.of("date", text, "place", text, "participants", text,
							"checkedItems", text, "findings", text, "verdict", text)));
			tests.add(post("criticism " + label, DemoAccounts.DISCIPLINE_OFFICER, "/tasks/" + this.mine.getId() + "/criticism",
					Map.of("decision", text, "reason", text)));
			tests.add(post("calendar " + label, DemoAccounts.ADMIN, "/admin/calendar",
					Map.of("date", text, "working", text, "name", text)));
			tests.add(post("login lock " + label, DemoAccounts.ADMIN, "/admin/login-locks/lift", Map.of("key", text)));
			String q = URLEncoder.encode(text.length() > 2000 ? text.substring(0, 2000) : text, StandardCharsets.UTF_8);
			// A request line longer than the server takes (8 KB) is refused by the container, in words too.
			boolean fits = q.length() * 7 < 7000;
			tests.add(get("task search " + label, staff, "/inspections/" + this.inspection + "/tasks?q=" + q + "&sort=" + q
					+ "&dir=" + q + "&page=" + q + "&size=" + q + "&status=" + q + "&department=" + q,
					(r) -> assertThat(r.statusCode()).isEqualTo(fits ? 200 : 400)));
			tests.add(get("meeting date " + label, DemoAccounts.RECTIFICATION_CLERK,
					"/inspections/" + this.inspection + "/progress-meeting?date=" + q,
					(r) -> assertThat(r.statusCode()).isIn(200, 400)));
			tests.add(get("calendar year " + label, DemoAccounts.ADMIN, "/admin/calendar?year=" + q,
					(r) -> assertThat(r.statusCode()).isIn(200, 400)));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> wrongTypesAndNumbers() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String value : List.of("-1", "2147483648", "1e9", "NaN", "", " ", "2026-02-30", "2026-13-01", "9999-12-31",
				"0000-01-01", "２０２６-０１-０１", "true", "[]", "{}")) {
			String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
			tests.add(get("task list paging " + value, "logisticsDepartmentStaff",
					"/inspections/" + this.inspection + "/tasks?page=" + v + "&size=" + v + "&overdue=" + v + "&light=" + v,
					(r) -> assertThat(r.statusCode()).isEqualTo(200)));
			tests.add(post("extension date " + value, "logisticsDepartmentStaff", "/tasks/" + this.mine.getId() + "/extension",
					Map.of("requestedDeadline", value, "reason", "合理的延期理由说明文字，需要更多时间")));
			tests.add(post("sign-off date " + value, DemoAccounts.DISCIPLINE_OFFICER, "/tasks/" + this.mine.getId() + "/sign-off",
					Map.of("date", value, "place", "后勤处", "participants", "张三", "checkedItems", "台账", "findings", "好",
							"verdict", "accept")));
			tests.add(post("inbox preference " + value, "logisticsDepartmentStaff", "/inbox/preferences", Map.of("email", value)));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> csrfMissingOrForged() {
		List<DynamicTest> tests = new ArrayList<>();
		List<String> paths = List.of("/tasks/" + this.mine.getId() + "/submission", "/tasks/" + this.mine.getId() + "/extension",
				"/tasks/" + this.mine.getId() + "/extension/decision", "/tasks/" + this.mine.getId() + "/sign-off",
				"/tasks/" + this.mine.getId() + "/criticism", "/inbox/read-all", "/inbox/preferences", "/admin/calendar",
				"/admin/calendar/remove", "/admin/login-locks/lift", "/logout");
		for (String path : paths) {
			for (String token : new String[] { null, "forged-token", "" }) {
				tests.add(DynamicTest.dynamicTest("POST " + path + " with CSRF " + token, () -> {
					HttpResponse<String> r = form("logisticsDepartmentStaff", path,
							Map.of("narrative", "不应生效", "action", "submit"), token == null ? Map.of()
									: Map.of("_csrf", token), false);
					sane(r);
					assertThat(r.statusCode()).isEqualTo(403);
				}));
			}
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> otherDepartmentsIds() {
		List<DynamicTest> tests = new ArrayList<>();
		String staff = "logisticsDepartmentStaff";
		String theirs = "/tasks/" + this.theirs.getId();
		tests.add(get("GET another department's task", staff, theirs, (r) -> assertThat(r.statusCode()).isEqualTo(404)));
		tests.add(post("submit to another department's task", staff, theirs + "/submission",
				Map.of("action", "submit", "narrative", "冒充财务处报送整改材料，共二十个字以上的说明")));
		tests.add(post("draft on another department's task", staff, theirs + "/submission",
				Map.of("action", "draft", "narrative", "冒充")));
		tests.add(post("extension for another department's task", staff, theirs + "/extension",
				Map.of("requestedDeadline", "2099-01-01", "reason", "冒充财务处申请延期，理由充分")));
		tests.add(post("decide another leader's extension", staff, theirs + "/extension/decision",
				Map.of("decision", "approve")));
		tests.add(post("sign off as a department", staff, theirs + "/sign-off", Map.of("date", "2026-01-01", "place", "x",
				"participants", "x", "checkedItems", "x", "findings", "x", "verdict", "accept")));
		tests.add(post("criticise as a department", staff, theirs + "/criticism", Map.of("decision", "issue", "reason", "x")));
		tests.add(post("calendar as a department", staff, "/admin/calendar", Map.of("date", "2026-01-01", "name", "假日")));
		tests.add(DynamicTest.dynamicTest("API upload to another department's task", () -> {
			HttpResponse<String> r = multipartApi(staff, "/api/tasks/" + this.theirs.getId() + "/evidence", "冒充.pdf",
					"application/pdf", "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8));
			sane(r);
			assertThat(r.statusCode()).isIn(403, 404);
		}));
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> brokenAndOversizedUploads() {
		List<DynamicTest> tests = new ArrayList<>();
		String staff = "logisticsDepartmentStaff";
		String api = "/api/tasks/" + this.mine.getId() + "/evidence";
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("empty.pdf", new byte[0]);
		files.put("../../../etc/passwd.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
		files.put("..\\..\\windows\\win.ini.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
		files.put("名字\u202Efdp.exe", "MZ".getBytes(StandardCharsets.UTF_8));
		files.put("a".repeat(5000) + ".pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
		files.put("setup.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
		files.put("page.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		files.put("huge.pdf", new byte[21 * 1024 * 1024]);
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			String name = file.getKey().length() > 40 ? file.getKey().substring(0, 40) + "…" : file.getKey();
			for (String type : new String[] { "application/pdf", "text/html", "application/x-msdownload" }) {
				tests.add(DynamicTest.dynamicTest("upload " + name + " as " + type, () -> {
					HttpResponse<String> r = multipartApi(staff, api, file.getKey(), type, file.getValue());
					sane(r);
					assertThat(r.statusCode()).isLessThan(500);
					if (r.statusCode() < 300) {
						assertThat(r.body()).doesNotContain("../", "..\\");
					}
				}));
			}
		}
		tests.add(DynamicTest.dynamicTest("multipart with a broken boundary", () -> {
			HttpResponse<String> r = basic(staff, "POST", api, "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n",
					"multipart/form-data; boundary=abc");
			sane(r);
			assertThat(r.statusCode()).isBetween(400, 499);
		}));
		tests.add(DynamicTest.dynamicTest("multipart without the file part", () -> {
			HttpResponse<String> r = basic(staff, "POST", api, "--b\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nx\r\n--b--\r\n",
					"multipart/form-data; boundary=b");
			sane(r);
			assertThat(r.statusCode()).isBetween(400, 499);
		}));
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> malformedJson() {
		List<DynamicTest> tests = new ArrayList<>();
		List<String> bodies = List.of("", "{", "null", "[]", "{\"variables\":\"x\"}", "{\"variables\":{\"a\":{\"value\":{}}}}",
				"[".repeat(5000), "{\"a\":\"" + "x".repeat(100_000) + "\"}", "\u0000", "{\"variables\":{\"x\":{\"type\":\"Object\","
						+ "\"value\":\"rO0ABXNy\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
						+ "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");
		for (String body : bodies) {
			String label = body.length() > 30 ? body.substring(0, 30) + "…" : body;
			tests.add(DynamicTest.dynamicTest("engine REST complete with " + label, () -> {
				HttpResponse<String> r = basic("logisticsDepartmentStaff", "POST", "/engine-rest/task/nonexistent/complete", body,
						"application/json");
				sane(r);
				assertThat(r.statusCode()).isBetween(400, 499);
			}));
			tests.add(DynamicTest.dynamicTest("API new inspection with " + label, () -> {
				HttpResponse<String> r = basic(DemoAccounts.RECTIFICATION_CLERK, "POST", "/api/inspections", body, "application/json");
				sane(r);
				assertThat(r.statusCode()).isBetween(400, 499);
			}));
		}
		return tests.stream();
	}

	// ---------------------------------------------------------------------------------------------------------------

	/** Nothing an attacker can use: no server error, no stack trace, no raw script echoed. */
	private static void sane(HttpResponse<String> r) {
		assertThat(r.statusCode()).as("status of %s: %s", r.uri(), r.body()).isLessThan(500);
		assertThat(r.body()).as("body of %s", r.uri())
			.doesNotContain("Exception:", "\tat org.", "\tat java.", "at org.springframework", "at org.camunda", SCRIPT, IMG,
					"<svg/onload");
	}

	private DynamicTest get(String name, String user, String path, Consumer<HttpResponse<String>> check) {
		return DynamicTest.dynamicTest(name, () -> {
			HttpResponse<String> r = session(user).send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			sane(r);
			check.accept(r);
			if (r.statusCode() >= 400) {
				assertThat(r.body()).as("a reason in words").containsPattern("[\\u4e00-\\u9fa5]");
			}
		});
	}

	/** A form POST with a valid CSRF token; refused input comes back as a redirect with the reason, or an error page. */
	private DynamicTest post(String name, String user, String path, Map<String, String> fields) {
		return DynamicTest.dynamicTest("POST " + name, () -> {
			HttpResponse<String> r = form(user, path, fields, Map.of("_csrf", token(user)), true);
			sane(r);
			assertThat(r.statusCode()).isIn(200, 302, 400, 403, 404, 409, 413);
			if (r.statusCode() == 302) {
				String location = r.headers().firstValue("Location").orElse("");
				HttpResponse<String> next = session(user).send(HttpRequest.newBuilder(uri(location.replaceFirst(
						"^https?://[^/]+", ""))).GET().build(), HttpResponse.BodyHandlers.ofString());
				sane(next);
			}
		});
	}

	private HttpResponse<String> form(String user, String path, Map<String, String> fields, Map<String, String> extra,
			boolean withSession) throws Exception {
		StringBuilder body = new StringBuilder();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.putAll(extra);
		for (Map.Entry<String, String> e : all.entrySet()) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
		}
		return session(user).send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> basic(String user, String method, String path, String body, String contentType)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> multipartApi(String user, String path, String fileName, String type, byte[] content)
			throws Exception {
		String boundary = "----rectiflow" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.write(content);
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String token(String user) throws Exception {
		session(user);
		return this.tokens.get(user);
	}

	private HttpClient session(String user) throws Exception {
		HttpClient existing = this.sessions.get(user);
		if (existing == null) {
			existing = PortalLogin.signIn(this.port, user, DemoAccounts.PASSWORD);
			this.tokens.put(user, PortalLogin.token(existing, this.port, "/inbox/preferences"));
			this.sessions.put(user, existing);
		}
		return existing;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}

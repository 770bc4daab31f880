package org.rectiflow.security;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding F7 of issue 17: our API and the engine's REST API took writes authenticated by the session cookie alone,
 * so a page on another origin could upload evidence in a signed-in person's name (SameSite=Lax does not stop a
 * same-site origin). A write carried by the session now needs the portal's CSRF token in {@code X-CSRF-TOKEN};
 * clients sending HTTP Basic credentials, which no other origin can make a browser send, are unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionCsrfTests {

	private static final String STAFF = DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT);

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	EvidenceService evidence;

	private RectificationTask task;

	@BeforeEach
	void aFiledTask() {
		Long inspection = this.driver.register(TestFeedback.small("会话 CSRF 测试")).getId();
		this.driver.filePlan(inspection);
		this.task = this.driver.task(inspection, "1.1.1");
	}

	@Test
	void anUploadWithOnlyTheSessionCookieIsRefusedAndNothingIsStored() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(STAFF, DemoAccounts.PASSWORD);
		String path = "/api/tasks/" + this.task.getId() + "/evidence";

		HttpResponse<String> forged = upload(session, path);
		assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
		assertThat(forged.body()).contains("CSRF");
		assertThat(upload(session, path, "X-CSRF-TOKEN", "not-the-token").statusCode()).isEqualTo(403);
		assertThat(this.evidence.evidenceOf(this.task.getId())).isEmpty();

		String token = session.csrfToken("/tasks/" + this.task.getId());
		HttpResponse<String> withToken = upload(session, path, "X-CSRF-TOKEN", token);
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
		HttpResponse<String> withBasic = upload(new PortalSession(this.port), path, "Authorization",
				WebSecurityTests.basic(STAFF));
		assertThat(withBasic.statusCode()).as(withBasic.body()).isEqualTo(201);
		assertThat(this.evidence.evidenceOf(this.task.getId())).hasSize(2);
		// Basic credentials a browser remembered, sent for a page of another origin, are no outside client's.
		for (String site : new String[] { "cross-site", "same-site" }) {
			assertThat(upload(new PortalSession(this.port), path, "Authorization", WebSecurityTests.basic(STAFF),
					"Sec-Fetch-Site", site).statusCode()).isEqualTo(403);
		}
		assertThat(upload(new PortalSession(this.port), path, "Authorization", WebSecurityTests.basic(STAFF),
				"Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(201);
		assertThat(this.evidence.evidenceOf(this.task.getId())).hasSize(3);
		// Reading needs no token.
		assertThat(session.get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void anEngineWriteWithOnlyTheSessionCookieIsRefused() throws Exception {
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, this.task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		PortalSession session = new PortalSession(this.port);
		session.login(STAFF, DemoAccounts.PASSWORD);
		String claim = "/engine-rest/task/" + step.getId() + "/claim";
		String body = "{\"userId\":\"" + STAFF + "\"}";
		assertThat(session.postJson(claim, body).statusCode()).isEqualTo(403);
		assertThat(session.send("PUT", "/engine-rest/task/" + step.getId() + "/variables/progressReport",
				"{\"value\":\"x\"}").statusCode()).isEqualTo(403);
		assertThat(this.driver.one(RectificationTaskProcess.PROCESS_KEY, this.task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE).getAssignee()).isNull();
		String token = session.csrfToken("/tasks/" + this.task.getId());
		assertThat(session.postJson(claim, body, "X-CSRF-TOKEN", token).statusCode()).isEqualTo(204);
		assertThat(session.get("/engine-rest/task/" + step.getId()).statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> upload(PortalSession session, String path, String... headers) throws Exception {
		// A boundary, and so bytes, of its own each time: the same file is kept once per task (issue 24).
		String boundary = "csrfBoundary" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"整改说明.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n整改说明：已完成宿舍维修制度修订。" + boundary + "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		return session.sendBytes("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), headers);
	}

}

package org.rectiflow.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web security of the running application over real HTTP: the headers of every portal page, the session cookie,
 * CSRF on the portal and in the Camunda webapps, the webapps keeping their own Content-Security-Policy, and Java
 * serialization of process variables refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityTests {

	private static final String STAFF = DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT);

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Test
	void everyPortalPageCarriesTheSecurityHeaders() throws Exception {
		PortalSession session = new PortalSession(this.port);
		assertPortalHeaders(session.get("/login"));
		assertThat(session.login(STAFF, DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
		for (String path : List.of("/", "/inbox", "/inbox/preferences", "/css/rectiflow.css", "/js/evidence.js",
				"/no-such-page")) {
			assertPortalHeaders(session.get(path));
		}
	}

	private static void assertPortalHeaders(HttpResponse<String> response) {
		String uri = response.uri().toString();
		assertThat(response.headers().allValues("Content-Security-Policy")).as(uri)
			.containsExactly("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
					+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
					+ "form-action 'self'; frame-ancestors 'self'");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(uri).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(uri).hasValue("same-origin");
		assertThat(response.headers().firstValue("X-Frame-Options")).as(uri).hasValue("SAMEORIGIN");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOnPlainHttp() throws Exception {
		HttpResponse<String> login = new PortalSession(this.port).login(STAFF, DemoAccounts.PASSWORD);
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
	}

	@Test
	void theWebappsKeepTheirOwnPolicyAndOursStaysOffThem() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		HttpResponse<String> tasklist = session.get("/camunda/app/tasklist/default/");
		assertThat(tasklist.statusCode()).isEqualTo(200);
		List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
		assertThat(policies).hasSize(1);
		assertThat(policies.get(0)).contains("nonce-").contains("'unsafe-eval'").doesNotContain("frame-ancestors 'self'");
		assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(tasklist.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	@Test
	void thePortalRefusesAFormPostWithoutItsCsrfToken() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(STAFF, DemoAccounts.PASSWORD);
		assertThat(session.postForm("/inbox/read-all", "").statusCode()).isEqualTo(403);
		assertThat(session.postForm("/inbox/read-all", "_csrf=" + session.csrfToken("/inbox")).statusCode())
			.isEqualTo(302);
	}

	@Test
	void theWebappsRefuseAWritingRequestWithoutTheirCsrfToken() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		session.get("/camunda/app/cockpit/default/");
		HttpResponse<String> withoutToken = session.postJson("/camunda/api/engine/engine/default/task/count", "{}");
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
	}

	@Test
	void aJavaSerializedVariableIsRefusedOverRest() throws Exception {
		long before = this.engine.getRuntimeService().createProcessInstanceQuery().count();
		// "hello" as a serialized java.lang.String: harmless, but any serialized object is refused alike.
		String body = "{\"variables\":{\"payload\":{\"value\":\"rO0ABXQABWhlbGxv\",\"type\":\"Object\",\"valueInfo\":"
				+ "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
				+ "\"application/x-java-serialized-object\"}}},\"businessKey\":\"serialization-test\"}";
		HttpResponse<String> response = new PortalSession(this.port).postJson(
				"/engine-rest/process-definition/key/supervisionProcess/start", body,
				"Authorization", basic(DemoAccounts.ADMIN));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("不接受 Java 序列化的流程变量");
		// Escaped in the JSON, and sent to the webapps' API path alike.
		String escaped = body.replace("application/x-java-serialized-object", "application\\/x-java-serialized-object");
		assertThat(new PortalSession(this.port).postJson("/engine-rest/process-definition/key/supervisionProcess/start",
				escaped, "Authorization", basic(DemoAccounts.ADMIN)).statusCode()).isEqualTo(400);
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
	}

	@Test
	void theEngineItselfRefusesJavaSerializedVariablesFromAnyCaller() {
		var serialized = Variables.serializedObjectValue("rO0ABXQABWhlbGxv")
			.serializationDataFormat(Variables.SerializationDataFormats.JAVA)
			.objectTypeName("java.lang.String")
			.create();
		assertThatThrownBy(() -> this.engine.getRuntimeService()
			.startProcessInstanceByKey("supervisionProcess", "serialization-java-test", Map.of("payload", serialized)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Java serialization format is prohibited");
	}

	static String basic(String user) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}

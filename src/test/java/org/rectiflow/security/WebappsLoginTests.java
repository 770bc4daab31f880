package org.rectiflow.security;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding F4 of issue 17: the webapps' own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}})
 * answered 200 or 401 to any password guess, outside our login throttle and audit log. Our login page fronts the
 * webapps, so that endpoint is refused for everyone before Camunda's code runs, whatever the password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappsLoginTests {

	private static final String CLERK = DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT);

	private static final String OTHER = DemoAccounts.staffOf(Department.FINANCE_DEPARTMENT);

	@LocalServerPort
	int port;

	@Test
	void aSignedInClerkCannotTryAnotherPersonsPasswordThere() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(CLERK, DemoAccounts.PASSWORD);
		String token = session.webappCsrfToken();
		List<String> paths = List.of("/camunda/api/admin/auth/user/default/login/tasklist",
				"/camunda/api/admin/auth/user/default/login/cockpit", "/camunda/api/admin/auth/user/default/login/admin",
				"/camunda/api/admin/auth/user/default/login/welcome", "/camunda/api/admin/auth/user/default/login/tasklist/",
				"/camunda/api/admin/auth/user/other/login/tasklist", "/camunda/api/admin/auth/user/default/LOGIN/tasklist",
				"/camunda/api/admin/auth/user/default/%6Cogin/tasklist", "/camunda/api/admin/auth/user/default/login/",
				"/camunda/api/admin/auth/user/default/login", "/camunda/api/admin/auth/user/%64efault/login/tasklist",
				"/camunda/api/admin/auth/user/default/login/%74asklist");
		for (String path : paths) {
			// The wrong password and the right one get the same answer: no oracle.
			for (String password : List.of("guess", DemoAccounts.PASSWORD)) {
				String form = "username=" + OTHER + "&password=" + password;
				assertRefused(session.postForm(path, form, "X-XSRF-TOKEN", token), path);
				assertRefused(session.postForm(path, form), path);
				assertRefused(session.send("PUT", path, "{\"username\":\"" + OTHER + "\",\"password\":\"" + password + "\"}",
						"X-XSRF-TOKEN", token), path);
			}
			assertRefused(session.get(path), path);
		}
		// The webapps still know the clerk as the clerk.
		HttpResponse<String> user = session.get("/camunda/api/admin/auth/user/default", "Accept", "application/json");
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"" + CLERK + "\"");
	}

	@Test
	void strangersAreRefusedThereToo() throws Exception {
		PortalSession stranger = new PortalSession(this.port);
		for (String password : List.of("guess", DemoAccounts.PASSWORD)) {
			HttpResponse<String> response = stranger.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
					"username=" + OTHER + "&password=" + password);
			assertRefused(response, "anonymous");
		}
	}

	private static void assertRefused(HttpResponse<String> response, String what) {
		assertThat(response.statusCode()).as(what + " " + response.body()).isEqualTo(404);
		assertThat(response.body()).as(what).contains("请从本系统登录页");
		assertThat(response.body()).as(what).doesNotContain("userId", "authorizedApps");
	}

}

package org.rectiflow.security;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding F6 of issue 17: taking someone out of a group did not cut off their open session. Over real HTTP, a
 * department clerk signed in opens their department's task everywhere it can be opened; an administrator removes
 * them from the department (over the engine's REST API, as Admin does); the same session is refused at once on the
 * task page, our API, the engine's REST API and the webapps' API. Deleting the person ends their session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MembershipChangeTests {

	private static final String DEPARTMENT = Department.LOGISTICS_DEPARTMENT.groupId();

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	IdentityService identityService;

	private String clerk;

	private RectificationTask task;

	private Task step;

	@BeforeEach
	void aClerkOfTheDepartmentAndItsTask() {
		this.clerk = "membershipClerk" + System.nanoTime();
		User user = this.identityService.newUser(this.clerk);
		user.setFirstName("临时");
		user.setLastName("科员");
		user.setPassword(DemoAccounts.PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(this.clerk, DEPARTMENT);
		Long inspection = this.driver.register(TestFeedback.small("成员变更测试")).getId();
		this.driver.filePlan(inspection);
		this.task = this.driver.task(inspection, "1.1.1");
		this.step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, this.task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
	}

	@AfterEach
	void removeTheClerk() {
		if (this.identityService.createUserQuery().userId(this.clerk).count() > 0) {
			this.identityService.deleteUser(this.clerk);
		}
	}

	@Test
	void removingTheClerkFromTheDepartmentCutsOffTheOpenSessionAtOnce() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(this.clerk, DemoAccounts.PASSWORD);
		String xsrf = session.webappCsrfToken();
		assertThat(session.get(taskPage()).statusCode()).isEqualTo(200);
		assertThat(session.get(apiPath()).statusCode()).isEqualTo(200);
		assertThat(session.get(enginePath()).statusCode()).isEqualTo(200);
		assertThat(session.get(webappsPath(), "X-XSRF-TOKEN", xsrf).statusCode()).isEqualTo(200);

		HttpResponse<String> removal = new PortalSession(this.port).send("DELETE",
				"/engine-rest/group/" + DEPARTMENT + "/members/" + this.clerk, null, "Authorization",
				WebSecurityTests.basic(DemoAccounts.ADMIN));
		assertThat(removal.statusCode()).as(removal.body()).isEqualTo(204);

		assertThat(session.get(taskPage()).statusCode()).isEqualTo(404);
		assertThat(session.get(apiPath()).statusCode()).isEqualTo(404);
		assertThat(session.get(enginePath()).statusCode()).isIn(403, 404);
		assertThat(session.get(webappsPath(), "X-XSRF-TOKEN", xsrf).statusCode()).isIn(403, 404);
		// Back in the department, back in business: the session follows the directory both ways.
		this.identityService.createMembership(this.clerk, DEPARTMENT);
		assertThat(session.get(taskPage()).statusCode()).isEqualTo(200);
		assertThat(session.get(webappsPath(), "X-XSRF-TOKEN", xsrf).statusCode()).isEqualTo(200);
	}

	@Test
	void deletingThePersonEndsTheirSession() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(this.clerk, DemoAccounts.PASSWORD);
		assertThat(session.get(taskPage()).statusCode()).isEqualTo(200);

		HttpResponse<String> deletion = new PortalSession(this.port).send("DELETE", "/engine-rest/user/" + this.clerk,
				null, "Authorization", WebSecurityTests.basic(DemoAccounts.ADMIN));
		assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(204);

		HttpResponse<String> page = session.get(taskPage());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(session.location(page)).endsWith("/login");
		assertThat(session.get(apiPath()).statusCode()).isEqualTo(401);
		assertThat(session.get(enginePath()).statusCode()).isEqualTo(401);
	}

	private String taskPage() {
		return "/tasks/" + this.task.getId();
	}

	private String apiPath() {
		return "/api/tasks/" + this.task.getId() + "/evidence";
	}

	private String enginePath() {
		return "/engine-rest/task/" + this.step.getId();
	}

	private String webappsPath() {
		return "/camunda/api/engine/engine/default/task/" + this.step.getId();
	}

}

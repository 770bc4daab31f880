package org.rectiflow.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The number of every process's instances (hence of every rectification task in the unit), failed jobs and
 * incidents is for those who read every instance: a department's clerk is refused it on the engine's REST API and
 * on Cockpit's API; the rectification office and administrators still get it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InstanceStatisticsGuardTests {

	static final String STAFF = "logisticsDepartmentStaff";

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@BeforeEach
	void someTasks() {
		this.driver.filePlan(this.driver.register(TestFeedback.small("统计权限测试")).getId());
	}

	@Test
	void aDepartmentsClerkGetsNoCountOfOtherInstances() throws Exception {
		for (String path : new String[] { "/engine-rest/process-definition/statistics",
				"/engine-rest/process-definition/statistics?failedJobs=true&incidents=true" }) {
			HttpResponse<String> refused = rest(STAFF, path);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
			assertThat(refused.body()).doesNotContain("\"instances\"", "rectificationTaskProcess");
		}
		PortalSession clerk = new PortalSession(this.port);
		clerk.login(STAFF, DemoAccounts.PASSWORD);
		HttpResponse<String> cockpit = clerk.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count");
		assertThat(cockpit.statusCode()).isEqualTo(403);
		assertThat(cockpit.body()).contains("您没有权限执行此操作");
	}

	@Test
	void oversightAndAdministratorsStillSeeTheCounts() throws Exception {
		for (String user : new String[] { DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.ADMIN }) {
			HttpResponse<String> statistics = rest(user, "/engine-rest/process-definition/statistics");
			assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);
			assertThat(statistics.body()).contains("rectificationTaskProcess", "\"instances\"");
		}
		PortalSession admin = new PortalSession(this.port);
		admin.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		assertThat(admin.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count").body())
			.doesNotContain("您没有权限执行此操作");
	}

	private HttpResponse<String> rest(String user, String path) throws Exception {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return new PortalSession(this.port).get(path, "Authorization", basic);
	}

}

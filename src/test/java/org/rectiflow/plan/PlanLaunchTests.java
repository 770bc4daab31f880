package org.rectiflow.plan;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.security.PortalSession;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The launch of a filed plan: the inspection office's acceptance only leaves a job behind
 * ({@code camunda:asyncBefore} on {@code serviceTask_startRectificationTasks}); the job starts every task instance in
 * one transaction, is retried after a failure ({@code R3/PT1M}) and, once its retries are used up, shows as an
 * incident. The office sees the launch under way, or failed, on its pages (signed in through the login form, as a
 * browser is).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanLaunchTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	PlanService plans;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RepositoryService repositoryService;

	PortalSession browser;

	Long id;

	@BeforeAll
	void signInAsTheInspectionOffice() throws Exception {
		this.browser = new PortalSession(this.port);
		HttpResponse<String> login = this.browser.login(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(this.browser.location(login)).doesNotContain("error");
	}

	@BeforeEach
	void approveAPlan() {
		init(this.engine);
		this.id = this.driver.register(TestFeedback.small("任务下达测试")).getId();
		this.driver.approvePlan(this.id);
	}

	@Test
	void shouldStartTheTasksInAJobAfterTheOfficeAcceptsTheFiling() throws Exception {
		int taskCount = this.driver.tasksOf(this.id).size();
		this.driver.acceptFiling(this.id);

		// The office's click has committed; the tasks wait for the job, supervision has begun.
		assertThat(this.driver.rectification(this.id)).isWaitingAt(RectificationProcess.SERVICE_TASK_START_RECTIFICATION_TASKS,
				RectificationProcess.CALL_ACTIVITY_SUPERVISION);
		assertThat(taskInstances()).isZero();
		assertThat(this.plans.inspection(this.id).getStatus()).isEqualTo(InspectionStatus.PLANNING);
		assertThat(this.plans.launch(this.id)).isEqualTo(new RectificationProcessAdapter.Launch(this.id, taskCount, false));
		String pending = "方案已备案，正在启动 " + taskCount + " 项整改任务";
		assertThat(page("/")).contains(pending);
		assertThat(page("/inspections/" + this.id)).contains(pending);

		this.driver.launch(this.id);
		assertThat(this.driver.rectification(this.id)).isWaitingAt(RectificationProcess.CATCH_ALL_TASKS_SETTLED,
				RectificationProcess.CALL_ACTIVITY_SUPERVISION);
		assertThat(taskInstances()).isEqualTo(taskCount);
		assertThat(this.driver.tasksOf(this.id)).allSatisfy((t) -> assertThat(t.getRound()).isEqualTo(1));
		assertThat(this.plans.inspection(this.id).getStatus()).isEqualTo(InspectionStatus.RECTIFYING);
		assertThat(this.plans.launch(this.id)).isNull();
		assertThat(page("/")).doesNotContain(pending);
		assertThat(page("/inspections/" + this.id)).doesNotContain(pending).doesNotContain("整改任务启动失败");

		// Should the launch ever run a second time, no task starts twice.
		assertThat(this.plans.startRectification(this.id)).isZero();
		assertThat(taskInstances()).isEqualTo(taskCount);
	}

	@Test
	void shouldRollBackAFailedLaunchRetryItAndShowTheIncident() throws Exception {
		int taskCount = this.driver.tasksOf(this.id).size();
		this.driver.acceptFiling(this.id);
		Job job = this.driver.launchJob(this.id);
		// A real failure: the task process cannot start while its definition is suspended.
		this.repositoryService.suspendProcessDefinitionByKey(RectificationTaskProcess.PROCESS_KEY);
		try {
			for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
				Instant attempted = Instant.now();
				assertThatThrownBy(() -> this.managementService.executeJob(job.getId())).hasMessageContaining("suspended");
				Job failed = this.driver.launchJob(this.id);
				assertThat(failed.getRetries()).as("retries after an attempt").isEqualTo(retriesLeft);
				assertThat(failed.getExceptionMessage()).contains("suspended");
				// The next attempt waits a minute (R3/PT1M): a passing cause (a lock, a restart) has time to pass.
				assertThat(failed.getDuedate().toInstant()).isBetween(attempted.plus(Duration.ofSeconds(55)),
						Instant.now().plus(Duration.ofSeconds(65)));
				// The attempt rolled back whole: no instance, no round counted, the inspection still in planning.
				assertThat(taskInstances()).isZero();
				assertThat(this.driver.tasksOf(this.id)).extracting(RectificationTask::getRound).containsOnly(0);
				assertThat(this.plans.inspection(this.id).getStatus()).isEqualTo(InspectionStatus.PLANNING);
				assertThat(this.plans.launch(this.id).failed()).isEqualTo(retriesLeft == 0);
			}
			assertThat(this.runtimeService.createIncidentQuery()
				.processInstanceId(this.driver.rectification(this.id).getId())
				.activityId(RectificationProcess.SERVICE_TASK_START_RECTIFICATION_TASKS)
				.count()).isEqualTo(1);
			String failed = "整改任务启动失败：自动重试后仍未成功，" + taskCount + " 项整改任务尚未下达";
			assertThat(page("/")).contains(failed);
			assertThat(page("/inspections/" + this.id + "/tasks")).contains(failed);
		}
		finally {
			this.repositoryService.activateProcessDefinitionByKey(RectificationTaskProcess.PROCESS_KEY);
		}

		// The cause removed, an administrator retries the job (Cockpit's "increment retries"): every task starts once.
		this.managementService.setJobRetries(job.getId(), 1);
		this.driver.launch(this.id);
		assertThat(taskInstances()).isEqualTo(taskCount);
		assertThat(this.plans.launch(this.id)).isNull();
		assertThat(this.runtimeService.createIncidentQuery()
			.processInstanceId(this.driver.rectification(this.id).getId())
			.count()).isZero();
		assertThat(page("/")).doesNotContain("整改任务启动失败");
	}

	private long taskInstances() {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.variableValueEquals(RectificationTaskProcess.VAR_INSPECTION_ID, this.id)
			.count();
	}

	private String page(String path) throws Exception {
		HttpResponse<String> response = this.browser.get(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

}

package org.rectiflow.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Permission checks take a person's groups as they are ({@link AuthorizedGroupsPlugin}), without first reading every
 * group that holds an authorization, and still answer as the engine does: groups without authorizations add nothing.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuthorizedGroupsTests {

	private static final String NO_GRANTS = "authorizedGroupsTestsGroupWithoutGrants";

	@Autowired
	ProcessDriver driver;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	RectificationTask task;

	/** The unit of the task: the person is one of its people, so only the groups decide what they see. */
	List<String> unit;

	@BeforeEach
	void aSubmissionWaiting() {
		Inspection registered = this.driver.register(TestFeedback.small("权限组测试"));
		this.unit = List.of(registered.getUnitId());
		Long inspection = registered.getId();
		this.driver.filePlan(inspection);
		this.task = this.driver.task(inspection, "1.1.1");
		this.driver.uploadEvidence(this.task);
	}

	@AfterEach
	void signOut() {
		this.identityService.clearAuthentication();
	}

	private List<Task> visibleAs(String... groups) {
		this.identityService.setAuthentication("authorizedGroupsTestsPerson", Arrays.asList(groups), this.unit);
		try {
			return this.taskService.createTaskQuery()
				.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
				.processInstanceBusinessKey(String.valueOf(this.task.getId()))
				.list();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	@Test
	void shouldBeTheEnginesAuthorizationManager() {
		AuthorizationManager manager = this.configuration.getCommandExecutorTxRequired()
			.execute((context) -> context.getAuthorizationManager());

		assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.AllGroupsAuthorizationManager.class);
	}

	@Test
	void shouldCheckEachOfThePersonsGroupsOnce() {
		AuthorizationManager manager = new AuthorizedGroupsPlugin.AllGroupsAuthorizationManager();

		assertThat(manager.filterAuthenticatedGroupIds(Arrays.asList("leaders", null, "discipline", "leaders")))
			.containsExactly("leaders", "discipline");
		assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
		assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
	}

	@Test
	void shouldLetTheLeadDepartmentSeeItsStepWhateverOtherGroupsTheyAreIn() {
		assertThat(visibleAs("logisticsDepartment", NO_GRANTS)).extracting(Task::getTaskDefinitionKey)
			.containsExactly(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		assertThat(visibleAs(NO_GRANTS, "logisticsDepartment")).hasSize(1);
	}

	@Test
	void shouldShowNothingToSomeoneWhoseGroupsHoldNoAuthorization() {
		assertThat(visibleAs(NO_GRANTS)).isEmpty();
		assertThat(visibleAs("financeDepartment", NO_GRANTS)).isEmpty();
	}

	@Test
	void shouldRefuseTheCompletionToSomeoneWhoseGroupsHoldNoAuthorization() {
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, this.task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		this.identityService.setAuthentication("authorizedGroupsTestsPerson", List.of(NO_GRANTS, "financeDepartment"),
				this.unit);

		assertThatThrownBy(() -> this.taskService.complete(step.getId(),
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已集中维修宿舍200余间")))
			.isInstanceOf(AuthorizationException.class);
	}

}

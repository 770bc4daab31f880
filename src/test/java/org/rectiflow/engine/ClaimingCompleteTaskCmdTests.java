package org.rectiflow.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.Directory;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectiflow.task.RectificationTaskProcess.*;

/**
 * A step claimed and completed in one command ({@link ClaimingCompleteTaskCmd}) leaves the history a claim and a
 * completion would, names the person, and refuses as a claim would.
 */
@SpringBootTest
@ActiveProfiles("test")
class ClaimingCompleteTaskCmdTests {

	private static final String STAFF = "logisticsDepartmentStaff";

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskProcessAdapter process;

	@Autowired
	Directory directory;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	AuthorizationService authorizationService;

	RectificationTask task;

	Task step;

	@BeforeEach
	void aSubmissionWaiting() {
		Long inspection = this.driver.register(TestFeedback.small("一次办结测试")).getId();
		this.driver.filePlan(inspection);
		this.task = this.driver.task(inspection, "1.1.1");
		this.driver.uploadEvidence(this.task);
		this.step = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_SUBMIT_EVIDENCE);
	}

	private void submitAs(String userId) {
		this.process.complete(this.task.getId(), USER_TASK_SUBMIT_EVIDENCE, userId, this.directory.groupIds(userId),
				Map.of(VAR_PROGRESS_REPORT, "已集中维修宿舍200余间，佐证材料已上传"));
	}

	@Test
	void shouldNameThePersonAsTheStepsAssigneeAndInTheOperationLog() {
		submitAs(STAFF);

		HistoricTaskInstance done = this.historyService.createHistoricTaskInstanceQuery()
			.taskId(this.step.getId())
			.singleResult();
		assertThat(done.getAssignee()).isEqualTo(STAFF);
		assertThat(done.getDeleteReason()).isEqualTo("completed");
		List<UserOperationLogEntry> log = this.historyService.createUserOperationLogQuery()
			.taskId(this.step.getId())
			.list();
		assertThat(log).extracting(UserOperationLogEntry::getOperationType)
			.containsOnly(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
		assertThat(log).extracting(UserOperationLogEntry::getUserId).containsOnly(STAFF);
		assertThat(this.driver.open(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW)).hasSize(1);
	}

	@Test
	void shouldLeaveNoAuthorizationOnTheCompletedStep() {
		submitAs(STAFF);

		assertThat(this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(this.step.getId())
			.count()).isZero();
	}

	@Test
	void shouldRefuseSomeoneOutsideTheCandidateGroupsAndLeaveTheStepUnclaimed() {
		assertThatThrownBy(() -> submitAs("financeDepartmentStaff")).isInstanceOf(RectiflowException.Forbidden.class);

		Task still = this.taskService.createTaskQuery().taskId(this.step.getId()).singleResult();
		assertThat(still).isNotNull();
		assertThat(still.getAssignee()).isNull();
	}

	@Test
	void shouldAnswerAStepClaimedBySomeoneElseMeanwhileWithAConflict() {
		RectificationTaskProcessAdapter.Step found = this.process.waiting(this.task.getId(), USER_TASK_SUBMIT_EVIDENCE)
			.orElseThrow();
		this.taskService.claim(this.step.getId(), "demoLogisticsColleague");

		assertThatThrownBy(() -> this.process.complete(found, STAFF, this.directory.groupIds(STAFF),
				Map.of(VAR_PROGRESS_REPORT, "已集中维修宿舍200余间，佐证材料已上传")))
			.isInstanceOf(RectiflowException.Conflict.class);
		assertThat(this.taskService.createTaskQuery().taskId(this.step.getId()).singleResult().getAssignee())
			.isEqualTo("demoLogisticsColleague");
	}

}

package org.rectiflow.task;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.inspection.Inspection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.rectiflow.task.RectificationTaskProcess.*;

/** One method per path through {@code processes/rectification-task.bpmn}. */
@SpringBootTest
@ActiveProfiles("test")
class RectificationTaskProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	TaskService taskService;

	Inspection inspection;

	RectificationTask task;

	@BeforeEach
	void startTasks() {
		init(this.engine);
		this.inspection = this.driver.register(TestFeedback.small("任务流程测试"));
		this.driver.filePlan(this.inspection.getId());
		this.task = this.driver.task(this.inspection.getId(), "1.1.1");
	}

	ProcessInstance instance() {
		return this.driver.instance(PROCESS_KEY, this.task.getId());
	}

	@Test
	void shouldCloseOffWhenLeaderAndDisciplineAccept() {
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		Task submit = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_SUBMIT_EVIDENCE);
		assertThat(submit.getDueDate()).isNotNull();
		assertThat(this.taskService.getIdentityLinksForTask(submit.getId()))
			.anyMatch((l) -> "logisticsDepartment".equals(l.getGroupId()));

		this.driver.settle(this.task, "COMPLETED");

		assertThat(instance).hasPassedInOrder(USER_TASK_SUBMIT_EVIDENCE, USER_TASK_LEADER_REVIEW,
				USER_TASK_ON_SITE_SUPERVISION, USER_TASK_CLOSE_OFF, SERVICE_TASK_RECORD_OUTCOME, END_CLOSED_OFF);
		assertThat(instance).isEnded();
		RectificationTask settled = this.tasks.get(this.task.getId());
		assertThat(settled.getStatus()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(settled.isClosedOff()).isTrue();
		assertThat(settled.getProgressReport()).contains("已按措施完成整改");
	}

	@Test
	void shouldReturnToDepartmentWhenLeaderReturns() {
		submitWithEvidence();
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
				Map.of(VAR_LEADER_DECISION, RETURN, VAR_LEADER_REASON, "维修考核办法未附签字页"));

		assertThat(instance()).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(instance()).variables().containsEntry(VAR_LAST_RETURN_REASON, "维修考核办法未附签字页");
	}

	@Test
	void shouldReturnToDepartmentWhenDisciplineReturnsFindings() {
		submitWithEvidence();
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
				Map.of(VAR_LEADER_DECISION, ACCEPT));
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_ON_SITE_SUPERVISION, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_SUPERVISION_DECISION, RETURN, VAR_SUPERVISION_FINDINGS, "现场抽查3间宿舍仍未维修"));

		assertThat(instance()).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(instance()).variables().containsEntry(VAR_LAST_RETURN_REASON, "现场抽查3间宿舍仍未维修");
	}

	@Test
	void shouldRefuseSubmissionWithoutEvidence() {
		Task submit = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_SUBMIT_EVIDENCE);

		assertThatThrownBy(() -> this.driver.complete(submit, "logisticsDepartmentStaff",
				Map.of(VAR_PROGRESS_REPORT, "已完成整改")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("请先上传至少一份佐证材料");
		assertThat(instance()).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
	}

	@Test
	void shouldRefuseReturnWithoutReason() {
		submitWithEvidence();
		Task review = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW);

		assertThatThrownBy(() -> this.driver.complete(review, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
				Map.of(VAR_LEADER_DECISION, RETURN)))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("退回理由");
		assertThat(instance()).isWaitingAt(USER_TASK_LEADER_REVIEW);
	}

	@Test
	void shouldReportStageResultsOnACycleUntilLongTermTaskIsClosedOff() {
		this.driver.settle(this.task, "LONG_TERM");
		assertThat(instance()).isWaitingAt(TIMER_STAGE_REPORT_DUE);
		assertThat(this.tasks.get(this.task.getId()).getStatus()).isEqualTo(TaskStatus.LONG_TERM);

		this.driver.fireTimer(PROCESS_KEY, this.task.getId());
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_REPORT_STAGE_RESULTS, "logisticsDepartmentStaff",
				Map.of(VAR_STAGE_MEASURES, "整理权属资料，开展市场调研", VAR_STAGE_RESULTS, "摸清了30处房屋的情况",
						VAR_COMPLETION_CLAIMED, false));
		assertThat(instance()).isWaitingAt(TIMER_STAGE_REPORT_DUE);

		this.driver.fireTimer(PROCESS_KEY, this.task.getId());
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_REPORT_STAGE_RESULTS, "logisticsDepartmentStaff",
				Map.of(VAR_STAGE_MEASURES, "办理权属证", VAR_STAGE_RESULTS, "全部办结", VAR_COMPLETION_CLAIMED, true));
		assertThat(instance()).isWaitingAt(USER_TASK_LEADER_REVIEW);
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
				Map.of(VAR_LEADER_DECISION, ACCEPT));
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_ON_SITE_SUPERVISION, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_SUPERVISION_DECISION, ACCEPT, VAR_SUPERVISION_FINDINGS, "权属证已全部办理"));
		ProcessInstance instance = instance();
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_CLOSE_OFF, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_OUTCOME, "COMPLETED"));

		assertThat(instance).isEnded();
		assertThat(this.tasks.stageReportsOf(this.task.getId())).hasSize(2);
		assertThat(this.tasks.get(this.task.getId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void shouldRaisePriorityAndFlagTaskWhenDeadlinePasses() {
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED);

		assertThat(instance()).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(instance()).hasPassed(SERVICE_TASK_MARK_OVERDUE);
		assertThat(this.tasks.get(this.task.getId()).isOverdue()).isTrue();
		assertThat(this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_SUBMIT_EVIDENCE).getPriority())
			.isEqualTo(OVERDUE_PRIORITY);
	}

	private void submitWithEvidence() {
		this.driver.uploadEvidence(this.task);
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_SUBMIT_EVIDENCE, "logisticsDepartmentStaff",
				Map.of(VAR_PROGRESS_REPORT, "已制定宿舍维修考核办法"));
	}

}

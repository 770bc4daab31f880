package org.rectiflow.recheck;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.CrossUnits;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.notification.Inbox;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.rectiflow.recheck.ReCheckProcess.*;

/**
 * One method per path through {@code processes/re-check.bpmn}, on the closed tasks of a unit of the test's own
 * (each test closes a new inspection's tasks, and draws one of them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReCheckProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	CrossUnits crossUnits;

	@Autowired
	ReCheckService service;

	@Autowired
	ReCheckRepository reChecks;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	RectificationTaskProcessAdapter taskProcess;

	@Autowired
	Inbox inbox;

	String unit;

	Inspection inspection;

	ReCheck reCheck;

	@BeforeAll
	void aUnitOfTheTestsOwn() {
		this.unit = this.crossUnits.unit("反向核查流程测试单位");
	}

	@AfterAll
	void removeThePeople() {
		this.crossUnits.removePeople();
	}

	@BeforeEach
	void drawOneClosedTask() {
		init(this.engine);
		// Re-checks of the earlier tests are over: the population is this test's inspection's three tasks again.
		this.inspection = this.crossUnits.closedInspection(this.unit, "反向核查流程测试");
		ReCheckDraw draw = this.service.draw(new ReCheckService.Parameters(List.of(this.unit), "1", null, "20261203"),
				DemoAccounts.INSPECTOR);
		this.reCheck = this.reChecks.findByDrawId(draw.getId()).get(0);
	}

	ProcessInstance instance() {
		return this.driver.instance(PROCESS_KEY, this.reCheck.getId());
	}

	@Test
	void shouldConfirmTheCloseOffWhenTheReCheckPasses() {
		ProcessInstance instance = instance();
		assertThat(instance.getTenantId()).isEqualTo(this.unit);
		Task step = this.driver.one(PROCESS_KEY, this.reCheck.getId(), USER_TASK_RE_CHECK);
		assertThat(step.getTenantId()).isEqualTo(this.unit);
		assertThat(this.engine.getTaskService().getIdentityLinksForTask(step.getId()))
			.anySatisfy((l) -> assertThat(l.getGroupId()).isEqualTo(Groups.INSPECTION_OFFICE));

		this.driver.complete(step, DemoAccounts.INSPECTOR,
				Map.of(VAR_OUTCOME, PASSED, VAR_FINDING, "调阅佐证材料并现场查看，整改措施落实到位"));

		assertThat(instance).hasPassedInOrder(START_TASK_DRAWN, USER_TASK_RE_CHECK, END_CLOSE_OFF_CONFIRMED);
		assertThat(instance).isEnded();
		ReCheck done = this.reChecks.findById(this.reCheck.getId()).orElseThrow();
		assertThat(done.getStatus()).isEqualTo(ReCheckStatus.PASSED);
		assertThat(done.getCheckedBy()).isEqualTo(DemoAccounts.INSPECTOR);
		RectificationTask task = this.tasks.get(this.reCheck.getTaskId());
		assertThat(task.isClosedOff()).isTrue();
		assertThat(this.taskProcess.isRunning(task.getId())).isFalse();
	}

	@Test
	void shouldReopenTheTaskInItsUnitWithTheFindingWhenTheReCheckFails() {
		ProcessInstance instance = instance();
		RectificationTask before = this.tasks.get(this.reCheck.getTaskId());
		assertThat(before.isClosedOff()).isTrue();

		this.driver.complete(PROCESS_KEY, this.reCheck.getId(), USER_TASK_RE_CHECK, DemoAccounts.INSPECTOR,
				Map.of(VAR_OUTCOME, FAILED, VAR_FINDING, "现场查看发现问题依旧存在，销号依据不实"));

		// Reopened in the completing transaction; the department is told in the next, once the new instance is committed.
		RectificationTask reopenedTask = this.tasks.get(this.reCheck.getTaskId());
		assertThat(reopenedTask.isClosedOff()).isFalse();
		Job tell = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(SERVICE_TASK_TELL_DEPARTMENT)
			.singleResult();
		assertThat(tell).as("the asynchronous step that tells the department").isNotNull();
		this.engine.getManagementService().executeJob(tell.getId());

		assertThat(instance).hasPassedInOrder(START_TASK_DRAWN, USER_TASK_RE_CHECK, SERVICE_TASK_REOPEN_TASK,
				SERVICE_TASK_TELL_DEPARTMENT, END_TASK_REOPENED);
		assertThat(instance).isEnded();
		ReCheck failed = this.reChecks.findById(this.reCheck.getId()).orElseThrow();
		assertThat(failed.getStatus()).isEqualTo(ReCheckStatus.FAILED);
		RectificationTask task = this.tasks.get(this.reCheck.getTaskId());
		assertThat(task.isClosedOff()).isFalse();
		assertThat(task.getStatus()).isEqualTo(TaskStatus.NOT_COMPLETED);
		assertThat(task.getRound()).isEqualTo(before.getRound() + 1);
		ProcessInstance reopened = this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId());
		assertThat(reopened.getTenantId()).as("reopened in its unit").isEqualTo(this.unit);
		assertThat(this.taskProcess.currentStep(task.getId())).contains(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		assertThat(this.taskProcess.lastReturnReason(task.getId())).as("what the task page shows the department")
			.contains("销号反向核查未通过")
			.contains("现场查看发现问题依旧存在，销号依据不实");
		assertThat(this.inbox.entries(task.getResponsibleLeader()))
			.anySatisfy((e) -> assertThat(e.body()).contains("现场查看发现问题依旧存在"));
	}

	@Test
	void shouldRefuseAFailureWithoutFinding() {
		Task step = this.driver.one(PROCESS_KEY, this.reCheck.getId(), USER_TASK_RE_CHECK);

		assertThatThrownBy(() -> this.driver.complete(step, DemoAccounts.INSPECTOR,
				Map.of(VAR_OUTCOME, FAILED, VAR_FINDING, "")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("核查情况");
		assertThat(instance()).isWaitingAt(USER_TASK_RE_CHECK);
		assertThat(this.tasks.get(this.reCheck.getTaskId()).isClosedOff()).isTrue();
	}

	@Test
	void shouldRecordTheDrawSoThatItRepeats() {
		ReCheckDraw draw = this.service.drawFor(this.reCheck.getDrawId(), DemoAccounts.INSPECTOR).draw();

		assertThat(draw.getDrawnBy()).isEqualTo(DemoAccounts.INSPECTOR);
		assertThat(draw.getSeed()).isEqualTo(20261203L);
		assertThat(draw.getSampleSize()).isEqualTo(1);
		assertThat(draw.getUnitIds()).containsExactly(this.unit);
		assertThat(draw.getPopulationTaskIds()).isSorted()
			.containsAll(this.tasks.tasksOf(this.inspection.getId()).stream().map(RectificationTask::getId).toList());
		assertThat(draw.getDrawnTaskIds()).containsExactly(this.reCheck.getTaskId());
		assertThat(ReCheckService.repeats(draw)).isTrue();
		assertThat(SampleDraw.draw(draw.getPopulationTaskIds(), 20261203L, 1)).isEqualTo(draw.getDrawnTaskIds());
	}

}

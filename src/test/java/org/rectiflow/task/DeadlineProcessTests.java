package org.rectiflow.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.notification.Inbox;
import org.rectiflow.notification.Notice;
import org.rectiflow.supervision.CriticismNotice;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.RectiflowException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.rectiflow.task.RectificationTaskProcess.*;

/**
 * Every path the deadline opens in {@code processes/rectification-task.bpmn}: reminder, escalation, criticism after
 * the grace period (issued, waived, not asked twice, cancelled by a late submission), extension approved, refused
 * and lapsed, and returns counted. Timers are fired by hand; dates are checked against the real calendar.
 */
@SpringBootTest
@ActiveProfiles("test")
class DeadlineProcessTests {

	static final ZoneId CHINA = WorkingDays.ZONE;

	static final String STAFF = "logisticsDepartmentStaff";

	static final String LEADER = DemoAccounts.VICE_PRESIDENT_LOGISTICS;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	RectificationTaskRepository taskRepository;

	@Autowired
	DeadlineService deadlines;

	@Autowired
	RectificationTaskProcessAdapter process;

	@Autowired
	RectificationTaskHistory history;

	@Autowired
	SupervisionService supervision;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	Inbox inbox;

	RectificationTask task;

	@BeforeEach
	void startTasks() {
		init(this.engine);
		Inspection inspection = this.driver.register(TestFeedback.small("期限流程测试"));
		this.driver.filePlan(inspection.getId());
		this.task = this.driver.task(inspection.getId(), "1.1.1");
	}

	ProcessInstance instance() {
		return this.driver.instance(PROCESS_KEY, this.task.getId());
	}

	RectificationTask reload() {
		return this.tasks.get(this.task.getId());
	}

	/** The notices of this task in a person's inbox, of one kind. */
	List<Inbox.Entry> notices(String userId, Notice.Kind kind) {
		return this.inbox.entries(userId)
			.stream()
			.filter((e) -> e.kind() == kind && ("/tasks/" + this.task.getId()).equals(e.link()))
			.toList();
	}

	@Test
	void shouldTimeReminderDeadlineAndGraceOnTheOfficialCalendar() {
		LocalDate deadline = this.task.getDeadline();
		assertThat(this.driver.timer(PROCESS_KEY, this.task.getId(), BOUNDARY_REMINDER_DUE).getDuedate())
			.isEqualTo(Date.from(this.workingDays.minus(deadline, 3).atTime(9, 0).atZone(CHINA).toInstant()));
		assertThat(this.driver.timer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED).getDuedate())
			.isEqualTo(Date.from(deadline.atTime(23, 59, 59).atZone(CHINA).toInstant()));
		assertThat(instance()).variables()
			.containsEntry(VAR_GRACE_ENDS_AT,
					Date.from(this.workingDays.plus(deadline, 5).atTime(23, 59, 59).atZone(CHINA).toInstant()));
	}

	@Test
	void shouldRemindLeadDepartmentAndLeaderBeforeTheDeadline() {
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_REMINDER_DUE);

		assertThat(instance()).hasPassed(SERVICE_TASK_SEND_REMINDER).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(notices(STAFF, Notice.Kind.REMINDER)).singleElement()
			.satisfies((n) -> assertThat(n.subject()).contains("临期提醒", "1.1.1", this.task.getDeadline().toString()));
		assertThat(notices(LEADER, Notice.Kind.REMINDER)).hasSize(1);
		assertThat(this.driver.timers(PROCESS_KEY, this.task.getId(), BOUNDARY_REMINDER_DUE)).isZero();
		assertThat(this.driver.timers(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED)).isOne();
	}

	@Test
	void shouldEscalateAtDeadlineAndAskDisciplineToIssueCriticismAfterGrace() {
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED);

		assertThat(instance()).hasPassed(SERVICE_TASK_MARK_OVERDUE).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE, TIMER_GRACE_EXPIRED);
		assertThat(reload().isOverdue()).isTrue();
		assertThat(notices(LEADER, Notice.Kind.ESCALATION)).hasSize(1);
		assertThat(notices(DemoAccounts.DISCIPLINE_OFFICER, Notice.Kind.ESCALATION)).hasSize(1);
		assertThat(notices(STAFF, Notice.Kind.ESCALATION)).hasSize(1);

		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), TIMER_GRACE_EXPIRED);
		assertThat(instance()).hasPassed(END_CRITICISM_DUE).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE, USER_TASK_DECIDE_CRITICISM);
		Task decide = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_CRITICISM);
		assertThat(this.engine.getTaskService().getIdentityLinksForTask(decide.getId()))
			.anyMatch((l) -> Groups.DISCIPLINE.equals(l.getGroupId()));
		assertThat(this.process.openSteps(this.task.getId())).contains(USER_TASK_SUBMIT_EVIDENCE);

		this.driver.complete(decide, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_CRITICISM_DECISION, ISSUE, VAR_CRITICISM_REASON, "超过整改期限5个工作日仍未报送整改材料"));

		assertThat(instance()).hasPassed(END_CRITICISM_DECIDED).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		List<CriticismNotice> issued = this.supervision.criticismsOf(this.task.getInspectionId());
		assertThat(issued).singleElement().satisfies((n) -> {
			assertThat(n.getKind()).isEqualTo(CriticismNotice.Kind.OVERDUE);
			assertThat(n.getTaskId()).isEqualTo(this.task.getId());
			assertThat(n.getTargetDepartment()).isEqualTo("logisticsDepartment");
			assertThat(n.getTargetPerson()).isEqualTo("张三");
			assertThat(n.isPublished()).isTrue();
			assertThat(n.getIssuedBy()).isEqualTo(DemoAccounts.DISCIPLINE_OFFICER);
		});
		assertThat(notices(STAFF, Notice.Kind.CRITICISM)).singleElement()
			.satisfies((n) -> assertThat(n.body()).contains("超过整改期限5个工作日"));
		assertThat(notices(LEADER, Notice.Kind.CRITICISM)).hasSize(1);
	}

	@Test
	void shouldWaiveCriticismOnlyWithAReason() {
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED);
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), TIMER_GRACE_EXPIRED);
		Task decide = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_CRITICISM);

		// Until decided the variable holds UNDECIDED, which is no decision: sent back as it stands, it is refused.
		assertThat(this.engine.getRuntimeService().getVariable(decide.getProcessInstanceId(), VAR_CRITICISM_DECISION))
			.isEqualTo(UNDECIDED);
		assertThatThrownBy(() -> this.driver.complete(decide, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_CRITICISM_DECISION, UNDECIDED, VAR_CRITICISM_REASON, "未选择")))
			.isInstanceOf(NotValidException.class);
		assertThatThrownBy(() -> this.driver.complete(decide, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_CRITICISM_DECISION, WAIVE)))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("理由");
		this.driver.complete(decide, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_CRITICISM_DECISION, WAIVE, VAR_CRITICISM_REASON, "因疫情封控无法施工，情有可原"));

		assertThat(instance()).hasPassed(END_CRITICISM_DECIDED).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(this.supervision.criticismsOf(this.task.getInspectionId())).isEmpty();
		assertThat(this.history.timeline(this.task.getId()))
			.anyMatch((e) -> "因疫情封控无法施工，情有可原".equals(e.details().get(VAR_CRITICISM_REASON)));
	}

	@Test
	void shouldDropTheGraceTimerWhenTheDepartmentHandsInLate() {
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED);
		submitWithEvidence();

		assertThat(instance()).hasPassed(END_EVIDENCE_HANDED_IN).isWaitingAt(USER_TASK_LEADER_REVIEW);
		assertThat(this.driver.timers(PROCESS_KEY, this.task.getId(), TIMER_GRACE_EXPIRED)).isZero();
		assertThat(this.driver.open(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_CRITICISM)).isEmpty();
		assertThat(reload().isOverdue()).as("still counted as late").isTrue();
	}

	@Test
	void shouldNotAskForCriticismTwiceInOneRound() {
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED);
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), TIMER_GRACE_EXPIRED);
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_CRITICISM, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_CRITICISM_DECISION, ISSUE, VAR_CRITICISM_REASON, "逾期未报送整改材料"));
		submitWithEvidence();
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW, LEADER,
				Map.of(VAR_LEADER_DECISION, RETURN, VAR_LEADER_REASON, "材料不全"));

		// back with the department, after the deadline: the clock runs again, but nobody is told or asked twice
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED);
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), TIMER_GRACE_EXPIRED);

		assertThat(instance()).hasPassed(END_CRITICISM_ALREADY_DECIDED).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(this.driver.open(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_CRITICISM)).isEmpty();
		assertThat(notices(LEADER, Notice.Kind.ESCALATION)).hasSize(1);
		assertThat(this.supervision.criticismsOf(this.task.getInspectionId())).hasSize(1);
	}

	@Test
	void shouldCountReturnsAndTellTheDepartmentWhy() {
		submitWithEvidence();
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW, LEADER,
				Map.of(VAR_LEADER_DECISION, RETURN, VAR_LEADER_REASON, "考核办法未附签字页"));
		submitWithEvidence();
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_LEADER_REVIEW, LEADER,
				Map.of(VAR_LEADER_DECISION, ACCEPT));
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_ON_SITE_SUPERVISION, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_SUPERVISION_DECISION, RETURN, VAR_SUPERVISION_FINDINGS, "现场抽查3间宿舍仍未维修"));

		assertThat(reload().getReturnCount()).isEqualTo(2);
		assertThat(notices(STAFF, Notice.Kind.RETURNED)).extracting(Inbox.Entry::body)
			.anySatisfy((b) -> assertThat(b).contains("考核办法未附签字页"))
			.anySatisfy((b) -> assertThat(b).contains("现场抽查3间宿舍仍未维修"));
	}

	@Test
	void shouldMoveDeadlineDueDateAndTimersWhenTheLeaderApprovesAnExtension() {
		LocalDate original = this.task.getDeadline();
		LocalDate requested = original.plusMonths(1);
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_REMINDER_DUE);
		DeadlineExtension extension = this.deadlines.requestExtension(this.task.getId(), requested,
				"需待寒假学生离校后集中维修宿舍", STAFF, List.of("logisticsDepartment"));

		Task decide = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_EXTENSION);
		assertThat(decide.getAssignee()).isEqualTo(LEADER);
		assertThat(notices(LEADER, Notice.Kind.EXTENSION)).singleElement()
			.satisfies((n) -> assertThat(n.body()).contains("需待寒假学生离校后集中维修宿舍", requested.toString()));
		assertThat(this.process.currentStep(this.task.getId())).contains(USER_TASK_SUBMIT_EVIDENCE);

		this.driver.complete(decide, LEADER, Map.of(VAR_EXTENSION_DECISION, APPROVE));

		assertThat(instance()).hasPassed(END_DEADLINE_EXTENDED).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(reload().getDeadline()).isEqualTo(requested);
		assertThat(this.deadlines.extensionsOf(this.task.getId())).singleElement().satisfies((e) -> {
			assertThat(e.getId()).isEqualTo(extension.getId());
			assertThat(e.getStatus()).isEqualTo(DeadlineExtension.Status.APPROVED);
			assertThat(e.getPreviousDeadline()).isEqualTo(original);
			assertThat(e.getDecidedBy()).isEqualTo(LEADER);
		});
		assertThat(this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_SUBMIT_EVIDENCE).getDueDate())
			.isEqualTo(Date.from(requested.atTime(23, 59, 59).atZone(CHINA).toInstant()));
		assertThat(this.driver.timer(PROCESS_KEY, this.task.getId(), BOUNDARY_REMINDER_DUE).getDuedate())
			.as("the reminder is armed again for the new deadline")
			.isEqualTo(Date.from(this.workingDays.minus(requested, 3).atTime(9, 0).atZone(CHINA).toInstant()));
		assertThat(this.driver.timer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED).getDuedate())
			.isEqualTo(Date.from(requested.atTime(23, 59, 59).atZone(CHINA).toInstant()));
		assertThat(instance()).variables().containsEntry(VAR_DEADLINE, requested.toString());
		assertThat(notices(STAFF, Notice.Kind.EXTENSION)).singleElement()
			.satisfies((n) -> assertThat(n.subject()).contains("同意延期"));
	}

	@Test
	void shouldKeepTheDeadlineWhenTheLeaderRefusesWithAReason() {
		LocalDate original = this.task.getDeadline();
		this.deadlines.requestExtension(this.task.getId(), original.plusDays(20), "工程量大，需延长施工周期", STAFF,
				List.of("logisticsDepartment"));
		Task decide = this.driver.one(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_EXTENSION);

		assertThatThrownBy(() -> this.driver.complete(decide, LEADER, Map.of(VAR_EXTENSION_DECISION, REFUSE)))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("意见");
		this.driver.complete(decide, LEADER,
				Map.of(VAR_EXTENSION_DECISION, REFUSE, VAR_EXTENSION_OPINION, "可分批维修，须按期完成"));

		assertThat(instance()).hasPassed(END_EXTENSION_REFUSED).isWaitingAt(USER_TASK_SUBMIT_EVIDENCE);
		assertThat(reload().getDeadline()).isEqualTo(original);
		assertThat(this.deadlines.extensionsOf(this.task.getId())).singleElement()
			.satisfies((e) -> assertThat(e.getStatus()).isEqualTo(DeadlineExtension.Status.REFUSED));
		assertThat(this.driver.timer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED).getDuedate())
			.isEqualTo(Date.from(original.atTime(23, 59, 59).atZone(CHINA).toInstant()));
		assertThat(notices(STAFF, Notice.Kind.EXTENSION)).singleElement()
			.satisfies((n) -> assertThat(n.body()).contains("可分批维修，须按期完成"));
	}

	@Test
	void shouldLetAnOpenRequestLapseWhenTheDepartmentHandsIn() {
		this.deadlines.requestExtension(this.task.getId(), this.task.getDeadline().plusDays(10), "等待供应商到货后安装",
				STAFF, List.of("logisticsDepartment"));
		submitWithEvidence();

		assertThat(instance()).isWaitingAt(USER_TASK_LEADER_REVIEW);
		assertThat(this.driver.open(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_EXTENSION)).isEmpty();
		assertThat(this.deadlines.extensionsOf(this.task.getId())).singleElement()
			.satisfies((e) -> assertThat(e.getStatus()).isEqualTo(DeadlineExtension.Status.WITHDRAWN));
	}

	@Test
	void shouldRefuseExtensionRequestsThatBreakTheRules() {
		LocalDate deadline = this.task.getDeadline();
		List<String> department = List.of("logisticsDepartment");
		assertThatThrownBy(() -> this.deadlines.requestExtension(this.task.getId(), deadline.plusDays(5),
				"需要更多时间完成维修", "financeDepartmentStaff", List.of("financeDepartment")))
			.isInstanceOf(RectiflowException.Forbidden.class);
		assertThatThrownBy(() -> this.deadlines.requestExtension(this.task.getId(), deadline, "需要更多时间完成维修",
				STAFF, department))
			.isInstanceOf(RectiflowException.class)
			.hasMessage("error.extension.notLater");
		assertThatThrownBy(() -> this.deadlines.requestExtension(this.task.getId(), deadline.plusYears(2),
				"需要更多时间完成维修", STAFF, department))
			.hasMessage("error.extension.tooFar");
		assertThatThrownBy(() -> this.deadlines.requestExtension(this.task.getId(), deadline.plusDays(5), "太忙", STAFF,
				department))
			.hasMessage("error.extension.reasonTooShort");
		assertThatThrownBy(
				() -> this.deadlines.requestExtension(this.task.getId(), null, "需要更多时间完成维修", STAFF, department))
			.hasMessage("error.extension.dateRequired");

		this.deadlines.requestExtension(this.task.getId(), deadline.plusDays(5), "需要更多时间完成维修", STAFF, department);
		assertThatThrownBy(() -> this.deadlines.requestExtension(this.task.getId(), deadline.plusDays(9),
				"需要更多时间完成维修", STAFF, department))
			.isInstanceOf(RectiflowException.Conflict.class)
			.hasMessage("error.extension.pending");
		assertThat(this.driver.open(PROCESS_KEY, this.task.getId(), USER_TASK_DECIDE_EXTENSION)).hasSize(1);
	}

	@Test
	void shouldRefuseAnExtensionOnceTheDeadlineHasPassedOrTheWorkIsHandedIn() {
		RectificationTask late = reload();
		late.setDeadline(LocalDate.now(CHINA).minusDays(1));
		this.taskRepository.save(late);
		assertThatThrownBy(() -> this.deadlines.requestExtension(this.task.getId(), LocalDate.now(CHINA).plusDays(10),
				"需要更多时间完成维修", STAFF, List.of("logisticsDepartment")))
			.hasMessage("error.extension.afterDeadline");

		late = reload();
		late.setDeadline(TestFeedback.DEADLINE);
		this.taskRepository.save(late);
		submitWithEvidence();
		assertThatThrownBy(() -> this.deadlines.requestExtension(this.task.getId(), TestFeedback.DEADLINE.plusDays(10),
				"需要更多时间完成维修", STAFF, List.of("logisticsDepartment")))
			.isInstanceOf(RectiflowException.Conflict.class)
			.hasMessage("error.extension.notNow");
		assertThat(this.deadlines.extensionsOf(this.task.getId())).isEmpty();
	}

	@Test
	void shouldOfferEachPersonOnTheTaskPageOnlyWhatIsTheirsToDo() {
		assertThat(panel(STAFF).mayRequest()).isTrue();
		assertThat(panel(LEADER).mayRequest()).isFalse();
		assertThat(panel("financeDepartmentStaff").mayRequest()).isFalse();

		this.deadlines.requestExtension(this.task.getId(), this.task.getDeadline().plusDays(15), "需待寒假学生离校后集中维修宿舍",
				STAFF, List.of("logisticsDepartment"));
		assertThat(panel(STAFF).mayRequest()).as("one request at a time").isFalse();
		assertThat(panel(STAFF).mayDecide()).isFalse();
		assertThat(panel(LEADER).mayDecide()).isTrue();
		assertThat(panel(LEADER).pending().getReason()).isEqualTo("需待寒假学生离校后集中维修宿舍");

		assertThatThrownBy(() -> this.deadlines.decideExtensionAs(this.task.getId(), APPROVE, "",
				DemoAccounts.VICE_PRESIDENT_FINANCE))
			.isInstanceOf(RectiflowException.Conflict.class);
		this.deadlines.decideExtensionAs(this.task.getId(), APPROVE, "同意，寒假期间务必完成", LEADER);
		assertThat(reload().getDeadline()).isEqualTo(this.task.getDeadline().plusDays(15));
		assertThat(panel(LEADER).mayDecide()).isFalse();

		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), BOUNDARY_DEADLINE_PASSED);
		this.driver.fireTimer(PROCESS_KEY, this.task.getId(), TIMER_GRACE_EXPIRED);
		assertThat(panel(DemoAccounts.DISCIPLINE_OFFICER).mayDecideCriticism()).isTrue();
		assertThat(panel(STAFF).mayDecideCriticism()).isFalse();
		assertThatThrownBy(() -> this.supervision.decideCriticismAs(this.task.getId(), ISSUE, "逾期", STAFF))
			.isInstanceOf(RectiflowException.Forbidden.class);
		this.supervision.decideCriticismAs(this.task.getId(), ISSUE, "宽限期满仍未报送整改材料", DemoAccounts.DISCIPLINE_OFFICER);
		assertThat(this.supervision.criticismsOf(this.task.getInspectionId())).singleElement()
			.satisfies((n) -> assertThat(n.getReason()).isEqualTo("宽限期满仍未报送整改材料"));
	}

	private DeadlineService.Panel panel(String userId) {
		return this.deadlines.panel(reload(), userId, this.process.openSteps(this.task.getId()));
	}

	private void submitWithEvidence() {
		this.driver.uploadEvidence(this.task);
		this.driver.complete(PROCESS_KEY, this.task.getId(), USER_TASK_SUBMIT_EVIDENCE, STAFF,
				Map.of(VAR_PROGRESS_REPORT, "已制定宿舍维修考核办法"));
	}

}

package org.rectiflow.plan;

import java.time.LocalDate;
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
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.report.ReportKind;
import org.rectiflow.report.ReportService;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.rectiflow.plan.RectificationProcess.*;

/** One method per path through {@code processes/rectification.bpmn}. */
@SpringBootTest
@ActiveProfiles("test")
class RectificationProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	PlanService plans;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	ReportService reports;

	Inspection inspection;

	Long id;

	@BeforeEach
	void register() {
		init(this.engine);
		this.inspection = this.driver.register(TestFeedback.small("主流程测试"));
		this.id = this.inspection.getId();
	}

	ProcessInstance instance() {
		return this.driver.rectification(this.id);
	}

	@Test
	void shouldRunFromFeedbackToClosureAndLookBack() {
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt(USER_TASK_DRAFT_PLAN);

		this.driver.filePlan(this.id);
		assertThat(instance).isWaitingAt(CATCH_ALL_TASKS_SETTLED, CALL_ACTIVITY_SUPERVISION);
		assertThat(this.plans.opinionsOf(this.id)).hasSize(7);
		assertThat(this.plans.inspection(this.id).getStatus()).isEqualTo(InspectionStatus.RECTIFYING);

		this.driver.tasksOf(this.id).forEach((t) -> this.driver.settle(t, "COMPLETED"));
		assertThat(instance).isWaitingAt(CALL_ACTIVITY_SUPERVISION);
		completeSupervision();

		assertThat(instance).isWaitingAt(USER_TASK_DRAFT_SUMMARY_REPORT);
		reportAndReview(ACCEPT, null);
		assertThat(instance).isWaitingAt(USER_TASK_PUBLISH_PUBLIC_REPORT);
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_PUBLISH_PUBLIC_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_CONTACT_LINE, "0731-84033328", VAR_PUBLIC_REPORT_CONFIRMED, true));
		assertThat(instance).isWaitingAt(USER_TASK_APPROVE_PUBLICATION);
		assertThat(this.reports.latest(this.id, ReportKind.PUBLIC)).isEmpty();
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_APPROVE_PUBLICATION, DemoAccounts.SECRETARY,
				Map.of(VAR_PUBLICATION_DECISION, APPROVE));

		assertThat(instance).isWaitingAt(TIMER_LOOK_BACK_DUE);
		assertThat(this.plans.inspection(this.id).getStatus()).isEqualTo(InspectionStatus.CLOSED);
		String published = this.reports.latest(this.id, ReportKind.PUBLIC).orElseThrow().getContent();
		assertThat(published).contains("巡察反馈的2个具体问题，已完成整改2个").contains("联系电话：0731-84033328");

		this.driver.fireTimer(PROCESS_KEY, this.id);
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_LOOK_BACK, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_LOOK_BACK_DECISION, CONFIRMED, VAR_LOOK_BACK_FINDINGS, "抽查整改事项，未发现反弹回潮"));

		assertThat(instance).hasPassedInOrder(USER_TASK_DRAFT_PLAN, USER_TASK_SOLICIT_OPINIONS,
				USER_TASK_COMMITTEE_APPROVAL, USER_TASK_FILE_WITH_INSPECTION_OFFICE, USER_TASK_DRAFT_SUMMARY_REPORT,
				USER_TASK_REVIEW_COMPLETION, SERVICE_TASK_REPORT_TO_INSPECTION_OFFICE, USER_TASK_REVIEW_REPORT,
				USER_TASK_PUBLISH_PUBLIC_REPORT, USER_TASK_APPROVE_PUBLICATION, SERVICE_TASK_PUBLISH_PUBLIC_REPORT,
				SERVICE_TASK_CLOSE_INSPECTION, USER_TASK_LOOK_BACK, END_CLOSED);
		assertThat(instance).isEnded();
	}

	@Test
	void shouldReturnPlanToDraftingWhenCommitteeReturns() {
		draftAndConsult();
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				Map.of(VAR_COMMITTEE_DECISION, RETURN, VAR_COMMITTEE_REASON, "整改时限过于宽松，请压缩"));

		assertThat(instance()).isWaitingAt(USER_TASK_DRAFT_PLAN);
		assertThat(instance()).variables().containsEntry(VAR_COMMITTEE_REASON, "整改时限过于宽松，请压缩");
	}

	@Test
	void shouldReturnPlanToDraftingWhenInspectionOfficeReturnsFiling() {
		draftAndConsult();
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				Map.of(VAR_COMMITTEE_DECISION, APPROVE));
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_FILE_WITH_INSPECTION_OFFICE, DemoAccounts.INSPECTOR,
				Map.of(VAR_FILING_DECISION, RETURN, VAR_FILING_OPINION, "责任清单未明确到人"));

		assertThat(instance()).isWaitingAt(USER_TASK_DRAFT_PLAN);
		assertThat(this.driver.tasksOf(this.id)).allMatch((t) -> t.getRound() == 0);
	}

	@Test
	void shouldRefusePlanThatLeavesATaskWithoutLeader() {
		RectificationTask first = this.driver.tasksOf(this.id).get(0);
		this.plans.updateTask(first.getId(), new Feedback.TaskItem(first.getTitle(), null, null, "logisticsDepartment",
				List.of(), null, TestFeedback.DEADLINE, List.of("整改"), false));
		Task draft = this.driver.one(PROCESS_KEY, this.id, USER_TASK_DRAFT_PLAN);

		assertThatThrownBy(() -> this.driver.complete(draft, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_PLAN_SUMMARY, "方案要点")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("1.1.1（缺责任领导）");
		assertThat(instance()).isWaitingAt(USER_TASK_DRAFT_PLAN);
	}

	@Test
	void shouldReturnPublicReportToTheOfficeWhenCommitteeReturnsPublication() {
		fileAndSettleAll();
		reportAndReview(ACCEPT, null);
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_PUBLISH_PUBLIC_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_CONTACT_LINE, "0731-00000000", VAR_PUBLIC_REPORT_CONFIRMED, true));
		Task approval = this.driver.one(PROCESS_KEY, this.id, USER_TASK_APPROVE_PUBLICATION);

		assertThatThrownBy(() -> this.driver.complete(approval, DemoAccounts.SECRETARY,
				Map.of(VAR_PUBLICATION_DECISION, RETURN)))
			.isInstanceOf(NotValidException.class);
		this.driver.complete(approval, DemoAccounts.SECRETARY,
				Map.of(VAR_PUBLICATION_DECISION, RETURN, VAR_PUBLICATION_REASON, "联系电话有误，请核实"));

		assertThat(instance()).isWaitingAt(USER_TASK_PUBLISH_PUBLIC_REPORT);
		assertThat(instance()).variables().containsEntry(VAR_PUBLICATION_REASON, "联系电话有误，请核实");
		assertThat(this.reports.latest(this.id, ReportKind.PUBLIC)).isEmpty();

		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_PUBLISH_PUBLIC_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_CONTACT_LINE, "0731-84033328", VAR_PUBLIC_REPORT_CONFIRMED, true));
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_APPROVE_PUBLICATION, DemoAccounts.PRESIDENT,
				Map.of(VAR_PUBLICATION_DECISION, APPROVE));

		assertThat(instance()).hasPassed(SERVICE_TASK_PUBLISH_PUBLIC_REPORT).isWaitingAt(TIMER_LOOK_BACK_DUE);
		assertThat(this.reports.latest(this.id, ReportKind.PUBLIC).orElseThrow().getContent())
			.contains("联系电话：0731-84033328");
	}

	@Test
	void shouldRefuseToAskForPublicationWithoutConfirmation() {
		fileAndSettleAll();
		reportAndReview(ACCEPT, null);
		Task request = this.driver.one(PROCESS_KEY, this.id, USER_TASK_PUBLISH_PUBLIC_REPORT);

		assertThatThrownBy(() -> this.driver.complete(request, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_CONTACT_LINE, "0731-84033328", VAR_PUBLIC_REPORT_CONFIRMED, false)))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("请确认");
		assertThat(instance()).isWaitingAt(USER_TASK_PUBLISH_PUBLIC_REPORT);
	}

	@Test
	void shouldReturnSummaryWhenCommitteeReturnsCompletion() {
		fileAndSettleAll();
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_DRAFT_SUMMARY_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_SUMMARY_REPORT, "学校党委扛牢责任抓整改，全部任务已完成"));
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_REVIEW_COMPLETION, DemoAccounts.SECRETARY,
				Map.of(VAR_COMPLETION_DECISION, RETURN, VAR_COMPLETION_REASON, "请补充制度建设情况"));

		assertThat(instance()).isWaitingAt(USER_TASK_DRAFT_SUMMARY_REPORT);
	}

	@Test
	void shouldRunNamedTasksAgainWhenReviewOpinionReopensThem() {
		fileAndSettleAll();
		reportAndReview(REOPEN, "1.1.2");

		assertThat(instance()).isWaitingAt(CATCH_REOPENED_TASKS_SETTLED);
		RectificationTask reopened = this.driver.task(this.id, "1.1.2");
		assertThat(reopened.getStatus()).isEqualTo(TaskStatus.NOT_COMPLETED);
		assertThat(reopened.getRound()).isEqualTo(2);
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, reopened.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		assertThat(this.reports.reviewOpinionsOf(this.id)).singleElement()
			.satisfies((o) -> assertThat(o.getReopenedTaskCodes()).isEqualTo("1.1.2"));

		this.driver.settle(reopened, "COMPLETED");

		assertThat(instance()).isWaitingAt(USER_TASK_DRAFT_SUMMARY_REPORT);
	}

	@Test
	void shouldRefuseReopeningUnknownTasks() {
		fileAndSettleAll();
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_DRAFT_SUMMARY_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_SUMMARY_REPORT, "全部任务已完成整改"));
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_REVIEW_COMPLETION, DemoAccounts.SECRETARY,
				Map.of(VAR_COMPLETION_DECISION, APPROVE));
		Task review = this.driver.one(PROCESS_KEY, this.id, USER_TASK_REVIEW_REPORT);

		assertThatThrownBy(() -> this.driver.complete(review, DemoAccounts.INSPECTOR, Map.of(VAR_REVIEW_DECISION, REOPEN,
				VAR_REVIEW_OPINION, "部分整改不到位", VAR_REOPEN_TASK_CODES, "1.1.2, 9.9.9")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("9.9.9");
		assertThat(instance()).isWaitingAt(USER_TASK_REVIEW_REPORT);
	}

	@Test
	void shouldReopenRelapsedTasksAfterLookBackAndKeepLongTermTasksRunning() {
		fileAndSettle("LONG_TERM");
		reportAndReview(ACCEPT, null);
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_PUBLISH_PUBLIC_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_PUBLIC_REPORT_CONFIRMED, true));
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_APPROVE_PUBLICATION, DemoAccounts.SECRETARY,
				Map.of(VAR_PUBLICATION_DECISION, APPROVE));
		ProcessInstance instance = instance();
		RectificationTask longTerm = this.driver.task(this.id, "1.1.1");
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, longTerm.getId()))
			.isWaitingAt(RectificationTaskProcess.TIMER_STAGE_REPORT_DUE);

		this.driver.fireTimer(PROCESS_KEY, this.id);
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_LOOK_BACK, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_LOOK_BACK_DECISION, RELAPSED, VAR_LOOK_BACK_FINDINGS, "财务报账又出现未使用公务卡",
						VAR_REOPEN_TASK_CODES, "1.2.1"));

		assertThat(instance).hasPassed(SERVICE_TASK_REOPEN_AFTER_LOOK_BACK).isEnded();
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, this.driver.task(this.id, "1.2.1").getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, longTerm.getId())).isNotNull();
		assertThat(this.plans.inspection(this.id).getStatus()).isEqualTo(InspectionStatus.CLOSED);
	}

	private void draftAndConsult() {
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_PLAN_SUMMARY, "按三个清单细化整改任务"));
		for (Task t : this.driver.open(PROCESS_KEY, this.id, USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), Map.of(VAR_OPINION, "同意"));
		}
	}

	private void fileAndSettleAll() {
		fileAndSettle("COMPLETED");
	}

	/** Files the plan, settles task 1.1.1 with the given outcome and the others as completed, ends supervision. */
	private void fileAndSettle(String firstOutcome) {
		this.driver.filePlan(this.id);
		for (RectificationTask t : this.driver.tasksOf(this.id)) {
			this.driver.settle(t, t.getCode().equals("1.1.1") ? firstOutcome : "COMPLETED");
		}
		completeSupervision();
		assertThat(instance()).isWaitingAt(USER_TASK_DRAFT_SUMMARY_REPORT);
	}

	private void reportAndReview(String decision, String codes) {
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_DRAFT_SUMMARY_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(VAR_SUMMARY_REPORT, "学校党委扛牢责任抓整改，全部任务已办结"));
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_REVIEW_COMPLETION, DemoAccounts.SECRETARY,
				Map.of(VAR_COMPLETION_DECISION, APPROVE));
		assertThat(this.reports.latest(this.id, ReportKind.SUBMITTED)).isPresent();
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_REVIEW_REPORT, DemoAccounts.INSPECTOR,
				(codes == null) ? Map.of(VAR_REVIEW_DECISION, decision, VAR_REVIEW_OPINION, "整改总体到位，同意")
						: Map.of(VAR_REVIEW_DECISION, decision, VAR_REVIEW_OPINION, "部分任务整改不到位，需重新整改",
								VAR_REOPEN_TASK_CODES, codes));
	}

	private void completeSupervision() {
		String key = SupervisionProcess.PROCESS_KEY;
		for (Task t : this.driver.open(key, this.id, SupervisionProcess.USER_TASK_SELF_CHECK)) {
			this.driver.completeAsDepartment(t, Map.of(SupervisionProcess.VAR_SELF_CHECK_REPORT, "已对照任务逐项自查，均已落实"));
		}
		this.driver.complete(key, this.id, SupervisionProcess.USER_TASK_RECORD_ON_SITE_VISIT, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(SupervisionProcess.VAR_VISIT_DEPARTMENT, "logisticsDepartment", SupervisionProcess.VAR_VISIT_DATE,
						LocalDate.now().toString(), SupervisionProcess.VAR_VISIT_RECORD, "查阅维修台账，抽查宿舍",
						SupervisionProcess.VAR_MORE_VISITS, false));
		this.driver.complete(key, this.id, SupervisionProcess.USER_TASK_SUPERVISION_SUMMARY, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(SupervisionProcess.VAR_SUPERVISION_SUMMARY, "专项督查三个阶段均已完成"));
	}

}

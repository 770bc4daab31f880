package org.rectiflow.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.evidence.EvidenceSubmissionService;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.report.ReportDocument;
import org.rectiflow.report.ReportService;
import org.rectiflow.security.PortalSession;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.supervision.SupervisionRecord;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.StepClock;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.TaskKind;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Recorded history (issue 19): a round from 2021, entered in 2026 with the effective date of every step, gives a
 * report dated 2021 throughout — approval, filing, supervision, sign-offs, the committee's review, the report's date
 * — with not one date of the year it was typed in. Its tasks start with no deadline timer armed; a step given no
 * effective date is refused; every step keeps its effective date apart from when and by whom it was typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedHistoryTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	PlanService plans;

	@Autowired
	ReportService reports;

	@Autowired
	SupervisionService supervision;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Units units;

	@Autowired
	EvidenceSubmissionService submissions;

	Long id;

	String published;

	static final LocalDate FEEDBACK = LocalDate.of(2021, 8, 24);

	static Feedback round2021(String title) {
		return new Feedback(title, "省委教育工委第四巡察组", "补录测试学院党委", LocalDate.of(2021, 4, 10),
				LocalDate.of(2021, 6, 10), FEEDBACK, List.of("湘教巡通〔2021〕8号"), 3, "0731-00000000",
				List.of(new Feedback.Category("全面从严治党整体部署与推进不实", List.of(
						new Feedback.ProblemItem("宿舍日常维修不及时", false, List.of(
								task("宿舍日常维修不及时，学生意见大", "logisticsDepartment",
										DemoAccounts.VICE_PRESIDENT_LOGISTICS))),
						new Feedback.ProblemItem("财务管理漏洞", false, List.of(
								task("未出台财务报账管理办法", "financeDepartment", DemoAccounts.VICE_PRESIDENT_FINANCE)))))));
	}

	static Feedback.TaskItem task(String title, String department, String leader) {
		return new Feedback.TaskItem(title, TaskKind.CONCENTRATED, leader, department, List.of(), "张三",
				LocalDate.of(2021, 11, 30), List.of("制定整改方案", "落实整改措施并报送材料"), false);
	}

	static Map<String, Object> on(String day, Object... pairs) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(StepClock.VARIABLE, day);
		for (int i = 0; i < pairs.length; i += 2) {
			variables.put((String) pairs[i], pairs[i + 1]);
		}
		return variables;
	}

	@BeforeAll
	void recordTheRoundOf2021() {
		Inspection inspection = this.plans.register(round2021("补录历史：2021年巡察整改 " + System.nanoTime()),
				this.units.unitForNewInspection(""), true);
		this.id = inspection.getId();
		String key = RectificationProcess.PROCESS_KEY;
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				on("2021-08-30", RectificationProcess.VAR_PLAN_SUMMARY, "按照三个清单逐项细化整改任务"));
		for (Task t : this.driver.open(key, this.id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), on("2021-09-05", RectificationProcess.VAR_OPINION, "同意方案"));
		}
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				on("2021-09-08", RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
				DemoAccounts.INSPECTOR, on("2021-09-15", RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
		this.driver.launch(this.id);
		for (RectificationTask t : this.driver.tasksOf(this.id)) {
			String tk = RectificationTaskProcess.PROCESS_KEY;
			this.driver.uploadEvidence(t);
			this.driver.complete(tk, t.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
					this.driver.staffOf(t.getLeadDepartment()),
					on("2021-10-20", RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按措施完成整改"));
			this.driver.complete(tk, t.getId(), RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
					t.getResponsibleLeader(), on("2021-10-25", RectificationTaskProcess.VAR_LEADER_DECISION,
							RectificationTaskProcess.ACCEPT, RectificationTaskProcess.VAR_LEADER_REASON, "措施落实到位"));
			Map<String, Object> signOff = on("2021-11-23", RectificationTaskProcess.VAR_SUPERVISION_DECISION,
					RectificationTaskProcess.ACCEPT, RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查材料齐全");
			signOff.remove(StepClock.VARIABLE);
			signOff.put(RectificationTaskProcess.VAR_VISIT_DATE, "2021-11-23");
			this.driver.complete(tk, t.getId(), RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION,
					DemoAccounts.DISCIPLINE_OFFICER, signOff);
			this.driver.complete(tk, t.getId(), RectificationTaskProcess.USER_TASK_CLOSE_OFF,
					DemoAccounts.RECTIFICATION_CLERK, on("2021-11-30", RectificationTaskProcess.VAR_OUTCOME, "COMPLETED"));
		}
		String sk = SupervisionProcess.PROCESS_KEY;
		for (Task t : this.driver.open(sk, this.id, SupervisionProcess.USER_TASK_SELF_CHECK)) {
			this.driver.completeAsDepartment(t, on("2021-10-12", SupervisionProcess.VAR_SELF_CHECK_REPORT, "逐项自查，均已落实"));
		}
		this.driver.complete(sk, this.id, SupervisionProcess.USER_TASK_RECORD_ON_SITE_VISIT,
				DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(SupervisionProcess.VAR_VISIT_DEPARTMENT, "logisticsDepartment", SupervisionProcess.VAR_VISIT_DATE,
						"2021-11-09", SupervisionProcess.VAR_VISIT_RECORD, "查阅维修台账，抽查宿舍10间",
						SupervisionProcess.VAR_MORE_VISITS, false));
		this.driver.complete(sk, this.id, SupervisionProcess.USER_TASK_SUPERVISION_SUMMARY,
				DemoAccounts.DISCIPLINE_OFFICER, on("2021-11-28", SupervisionProcess.VAR_SUPERVISION_SUMMARY, "专项督查已完成"));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_DRAFT_SUMMARY_REPORT,
				DemoAccounts.RECTIFICATION_CLERK, on("2021-12-06", RectificationProcess.VAR_SUMMARY_REPORT, "集中整改期内完成了整改。"));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_REVIEW_COMPLETION, DemoAccounts.SECRETARY,
				on("2021-12-10", RectificationProcess.VAR_COMPLETION_DECISION, RectificationProcess.APPROVE));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_REVIEW_REPORT, DemoAccounts.INSPECTOR,
				on("2021-12-20", RectificationProcess.VAR_REVIEW_DECISION, RectificationProcess.ACCEPT,
						RectificationProcess.VAR_REVIEW_OPINION, "同意。"));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_PUBLISH_PUBLIC_REPORT,
				DemoAccounts.RECTIFICATION_CLERK, on("2021-12-24", RectificationProcess.VAR_CONTACT_LINE, "0731-84033328",
						RectificationProcess.VAR_PUBLIC_REPORT_CONFIRMED, true));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_APPROVE_PUBLICATION, DemoAccounts.SECRETARY,
				on("2021-12-28", RectificationProcess.VAR_PUBLICATION_DECISION, RectificationProcess.APPROVE));
		this.published = text(this.reports.publishedPublicReport(this.id).orElseThrow());
	}

	static String text(ReportDocument doc) {
		StringBuilder all = new StringBuilder(doc.title()).append('\n');
		doc.blocks().forEach((b) -> all.append(b.text()).append('\n'));
		return all.toString();
	}

	@Test
	void shouldDateThePublishedReportOf2021Throughout() {
		String thisYear = String.valueOf(Year.now().getValue());
		assertThat(this.published).doesNotContain(thisYear + "年").doesNotContain(thisYear + "-");
		assertThat(this.published).contains("2021年9月5日，完成整改落实方案征求意见")
			.contains("2021年9月8日，党委会审议并通过整改落实方案")
			.contains("（2021年9月15日同意备案）")
			.contains("2021年9月15日，纪委启动")
			.contains("纪委于2021年11月9日对1个责任部门开展现场督查")
			.contains("2021年11月23日，纪委对2项细化任务开展现场督办并签字确认")
			.contains("2021年12月10日，党委会专题研究巡察整改任务完成情况")
			.contains("2021年12月20日，巡察办对整改情况报告提出审核意见");
		assertThat(this.published.strip()).endsWith("2021年12月28日");
	}

	@Test
	void shouldDateTheRecordsEachStepLeftByItsEffectiveDay() {
		assertThat(this.driver.tasksOf(this.id)).allSatisfy((t) -> assertThat(t.getClosedOffAt()
			.atZone(WorkRecordZone.CHINA).toLocalDate()).isEqualTo(LocalDate.of(2021, 11, 30)));
		assertThat(this.supervision.recordsOf(this.id)).extracting(SupervisionRecord::getRecordedAt)
			.allSatisfy((at) -> assertThat(at.atZone(WorkRecordZone.CHINA).getYear()).isEqualTo(2021));
		// kept apart from when it was typed, and by whom
		List<Map<String, Object>> steps = this.jdbc.queryForList(
				"select step, effective_on, entered_at, entered_by from step_date where inspection_id = ? order by id",
				this.id);
		assertThat(steps).hasSizeGreaterThan(15);
		assertThat(steps).allSatisfy((s) -> {
			assertThat(((java.sql.Date) s.get("EFFECTIVE_ON")).toLocalDate().getYear()).isEqualTo(2021);
			assertThat(((java.sql.Timestamp) s.get("ENTERED_AT")).toLocalDateTime().getYear())
				.isEqualTo(Year.now().getValue());
		});
		assertThat(steps).anySatisfy((s) -> {
			assertThat(s.get("STEP")).isEqualTo(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL);
			assertThat(s.get("ENTERED_BY")).isEqualTo(DemoAccounts.SECRETARY);
		});
	}

	@Test
	void shouldShowTheEffectiveDayInTheAuditLogAndOnTheTaskPage() throws Exception {
		assertThat(this.jdbc.queryForList("select detail from audit_entry where kind = 'TASK_COMPLETED' and subject like ?",
				String.class, RectificationProcess.PROCESS_KEY + ":" + this.id + "/%"))
			.anySatisfy((detail) -> assertThat(detail).contains("userTask_committeeApproval")
				.contains(StepClock.VARIABLE + "=2021-09-08"));
		RectificationTask task = this.driver.tasksOf(this.id).get(0);
		PortalSession session = new PortalSession(this.port);
		session.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		java.net.http.HttpResponse<String> page = session.get("/tasks/" + task.getId());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("（办理日期 2021-11-30，补录）").contains("（办理日期 2021-10-20，补录）");
	}

	@Test
	void shouldArmNoDeadlineTimerForATaskOfRecordedHistory() {
		Inspection other = this.plans.register(round2021("补录历史：计时 " + System.nanoTime()),
				this.units.unitForNewInspection(""), true);
		String key = RectificationProcess.PROCESS_KEY;
		this.driver.complete(key, other.getId(), RectificationProcess.USER_TASK_DRAFT_PLAN,
				DemoAccounts.RECTIFICATION_CLERK, on("2021-08-30", RectificationProcess.VAR_PLAN_SUMMARY, "方案"));
		for (Task t : this.driver.open(key, other.getId(), RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), on("2021-09-05", RectificationProcess.VAR_OPINION, "同意"));
		}
		this.driver.complete(key, other.getId(), RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
				DemoAccounts.SECRETARY, on("2021-09-08", RectificationProcess.VAR_COMMITTEE_DECISION,
						RectificationProcess.APPROVE));
		this.driver.complete(key, other.getId(), RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
				DemoAccounts.INSPECTOR, on("2021-09-15", RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
		this.driver.launch(other.getId());
		for (RectificationTask t : this.driver.tasksOf(other.getId())) {
			for (String timer : List.of("boundaryEvent_reminderDue", "boundaryEvent_deadlinePassed")) {
				Job job = this.driver.timer(RectificationTaskProcess.PROCESS_KEY, t.getId(), timer);
				assertThat(job.getDuedate().toInstant().atZone(WorkRecordZone.CHINA).getYear()).isEqualTo(9999);
			}
		}
		// a step of recorded history says when it was done
		RectificationTask first = this.driver.tasksOf(other.getId()).get(0);
		assertThatThrownBy(() -> this.driver.complete(RectificationTaskProcess.PROCESS_KEY, first.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, this.driver.staffOf(first.getLeadDepartment()),
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已整改")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("补录历史")
			.hasMessageContaining("办理日期");
		// and not before the inspection, nor after today
		assertThatThrownBy(() -> this.driver.complete(RectificationTaskProcess.PROCESS_KEY, first.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, this.driver.staffOf(first.getLeadDepartment()),
				on("2021-08-01", RectificationTaskProcess.VAR_PROGRESS_REPORT, "已整改")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("办理日期“2021-08-01”早于本次巡察反馈意见的日期 2021-08-24");
		assertThatThrownBy(() -> this.driver.complete(RectificationTaskProcess.PROCESS_KEY, first.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, this.driver.staffOf(first.getLeadDepartment()),
				on(LocalDate.now().plusDays(3).toString(), RectificationTaskProcess.VAR_PROGRESS_REPORT, "已整改")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("不能晚于今天");
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, first.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)).hasSize(1);
		// the portal's submission takes the day it was handed in
		this.driver.uploadEvidence(first);
		this.submissions.submit(first.getId(), "已按措施完成整改，佐证材料已上传。", List.of(),
				this.driver.staffOf(first.getLeadDepartment()), "2021-10-20");
		assertThat(this.jdbc.queryForObject("select effective_on from step_date where task_id = ? and step = ?",
				java.sql.Date.class, first.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE).toLocalDate())
			.isEqualTo(LocalDate.of(2021, 10, 20));
	}

	/** The zone the reports date by. */
	static final class WorkRecordZone {

		static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

	}

}

package org.rectiflow.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.HttpUser;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.TestWorkbooks;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.ledger.Ledger;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.PlanWorkbookImporter;
import org.rectiflow.plan.importing.PlanWorkbookException;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.report.ReportService;
import org.rectiflow.security.PortalSession;
import org.rectiflow.supervision.SignOff;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.TaskKind;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every typed date is checked at every door (issue 19), and the defects found on the way: a sign-off dated 1203
 * over the engine's REST API and the portal, deadlines in the past or far ahead over our API and in the plan
 * workbook (row-precise, unless recorded history), feedback dated in a wrong year; the import keeping "一是", one
 * error for one unreadable problem number, the closest known name for an unknown department, numbers without
 * thousands separators, the long-term counts agreeing with the text, the timeline's labels and who completed a step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TypedDatesTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	SupervisionService supervision;

	@Autowired
	PlanWorkbookImporter importer;

	@Autowired
	PlanWorkbookTemplate template;

	@Autowired
	LedgerService ledgers;

	@Autowired
	ReportService reports;

	@Autowired
	InspectionRepository inspections;

	@Autowired
	MessageSource messageSource;

	@Autowired
	Messages messages;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Directory directory;

	@Autowired
	Units units;

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A filed plan whose first task waits for the discipline committee's on-site sign-off. */
	RectificationTask atSignOff(String title) {
		Inspection inspection = this.driver.register(TestFeedback.small(title + " " + System.nanoTime()));
		this.driver.filePlan(inspection.getId());
		RectificationTask task = this.driver.tasksOf(inspection.getId()).get(0);
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, this.driver.staffOf(task.getLeadDepartment()),
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已整改"));
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT,
						RectificationTaskProcess.VAR_LEADER_REASON, "同意，措施落实到位"));
		return task;
	}

	@Test
	void shouldRefuseASignOffDatedInAWrongYearOverTheEngineRestApi() {
		RectificationTask task = atSignOff("日期核验：签字");
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION);
		HttpUser officer = new HttpUser(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		for (String typed : List.of("1203-02-02", "2206-02-02",
				LocalDate.now().minusMonths(3).toString())) {
			ResponseEntity<JsonNode> refused = officer.post(url("/engine-rest/task/" + step.getId() + "/complete"),
					HttpUser.variables(Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION,
							RectificationTaskProcess.ACCEPT, RectificationTaskProcess.VAR_SUPERVISION_FINDINGS,
							"现场核查材料齐全", RectificationTaskProcess.VAR_VISIT_DATE, typed)));
			assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
			assertThat(refused.getBody().get("message").asText()).contains("督查日期").contains(typed);
		}
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION)).hasSize(1);
		// the portal's sign-off form, too
		assertThatThrownBy(() -> this.supervision.signOff(task.getId(), new SignOff(LocalDate.of(1203, 2, 2), "后勤处",
				"钱纪检干部", "维修台账", "材料齐全", SignOff.PASS), DemoAccounts.DISCIPLINE_OFFICER))
			.isInstanceOf(RectiflowException.class)
			.satisfies((ex) -> assertThat(this.messages.get((RectiflowException) ex))
				.isEqualTo("督查日期“1203-02-02”早于 2000-01-01，请核对年份"));
		// a date that is right passes
		ResponseEntity<JsonNode> done = officer.post(url("/engine-rest/task/" + step.getId() + "/complete"),
				HttpUser.variables(Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION,
						RectificationTaskProcess.ACCEPT, RectificationTaskProcess.VAR_SUPERVISION_FINDINGS,
						"现场核查材料齐全", RectificationTaskProcess.VAR_VISIT_DATE, LocalDate.now().toString())));
		assertThat(done.getStatusCode().is2xxSuccessful()).as("%s", done.getBody()).isTrue();
	}

	static Feedback withDeadline(Feedback f, LocalDate deadline) {
		return new Feedback(f.title(), f.inspectingBody(), f.unitName(), f.onSiteFrom(), f.onSiteTo(), f.feedbackDate(),
				f.documentNumbers(), f.concentratedMonths(), f.contactLine(),
				f.categoriesWith((problem, t) -> t.withDeadline(deadline)));
	}

	@Test
	void shouldRefuseAPastOrFarDeadlineOverTheApiUnlessTheRoundIsRecordedHistory() {
		HttpUser office = new HttpUser(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		Feedback late = withDeadline(TestFeedback.small("日期核验：过期 " + System.nanoTime()), LocalDate.now().minusDays(3));
		ResponseEntity<JsonNode> refused = office.post(url("/api/inspections"), late);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("detail").asText()).contains("细化任务“宿舍日常维修不及时，学生意见大”")
			.contains("整改期限“" + LocalDate.now().minusDays(3) + "”已经过去")
			.contains("补录历史");

		Feedback far = withDeadline(TestFeedback.small("日期核验：远期 " + System.nanoTime()), LocalDate.of(2206, 2, 2));
		ResponseEntity<JsonNode> tooFar = office.post(url("/api/inspections"), far);
		assertThat(tooFar.getStatusCode().value()).isEqualTo(400);
		assertThat(tooFar.getBody().get("detail").asText()).contains("整改期限“2206-02-02”晚于");

		Feedback f = TestFeedback.small("日期核验：反馈 " + System.nanoTime());
		Feedback wrongYear = new Feedback(f.title(), f.inspectingBody(), f.unitName(), f.onSiteFrom(), f.onSiteTo(),
				LocalDate.of(1203, 2, 2), f.documentNumbers(), f.concentratedMonths(), f.contactLine(), f.categories());
		ResponseEntity<JsonNode> feedback = office.post(url("/api/inspections"), wrongYear);
		assertThat(feedback.getStatusCode().value()).isEqualTo(400);
		assertThat(feedback.getBody().get("detail").asText()).contains("反馈日期“1203-02-02”早于 2000-01-01");

		ResponseEntity<JsonNode> recorded = office.post(url("/api/inspections?recordedHistory=true"), late);
		assertThat(recorded.getStatusCode().value()).as("%s", recorded.getBody()).isEqualTo(201);
		Inspection inspection = this.inspections.findById(recorded.getBody().get("inspectionId").asLong()).orElseThrow();
		assertThat(inspection.isRecordedHistory()).isTrue();

		// a task added while drafting: the same rule
		Long problemId = this.ledgers.ledger(inspection.getId()).problems().get(0).id();
		Inspection current = this.driver.register(TestFeedback.small("日期核验：新增任务 " + System.nanoTime()));
		Long currentProblem = this.ledgers.ledger(current.getId()).problems().get(0).id();
		Feedback.TaskItem pastTask = TestFeedback.task("新增任务", "logisticsDepartment",
				DemoAccounts.VICE_PRESIDENT_LOGISTICS).withDeadline(LocalDate.now().minusDays(1));
		assertThat(office.post(url("/api/problems/" + currentProblem + "/tasks"), pastTask).getStatusCode().value())
			.isEqualTo(400);
		assertThat(office.post(url("/api/problems/" + problemId + "/tasks"), pastTask).getStatusCode().value())
			.isEqualTo(201);
	}

	@Test
	void shouldLetOnlyTheRectificationOfficeMarkADraftedPlanAsRecordedHistory() {
		Inspection inspection = this.driver.register(TestFeedback.small("补录标记 " + System.nanoTime()));
		String path = url("/api/inspections/" + inspection.getId() + "/recorded-history");
		Map<String, Object> mark = Map.of("recordedHistory", true);
		assertThat(new HttpUser(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD).put(path, mark)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(this.inspections.findById(inspection.getId()).orElseThrow().isRecordedHistory()).isFalse();
		HttpUser office = new HttpUser(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		ResponseEntity<JsonNode> marked = office.put(path, mark);
		assertThat(marked.getStatusCode().value()).as("%s", marked.getBody()).isEqualTo(200);
		assertThat(marked.getBody().get("recordedHistory").asBoolean()).isTrue();
		assertThat(this.inspections.findById(inspection.getId()).orElseThrow().isRecordedHistory()).isTrue();
		// once the plan has left drafting, what the timers do is settled
		assertThat(office.put(path, Map.of("recordedHistory", false)).getStatusCode().value()).isEqualTo(200);
		this.driver.complete(org.rectiflow.plan.RectificationProcess.PROCESS_KEY, inspection.getId(),
				org.rectiflow.plan.RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(org.rectiflow.plan.RectificationProcess.VAR_PLAN_SUMMARY, "按三个清单细化整改任务"));
		assertThat(office.put(path, mark).getStatusCode().value()).isEqualTo(409);
	}

	TestWorkbooks workbook(String title) {
		return TestWorkbooks.fromTemplate(this.template, ZH)
			.standardInspection(title)
			.inspection("巡察进驻日期", LocalDate.now().minusMonths(4))
			.inspection("巡察结束日期", LocalDate.now().minusMonths(3))
			.inspection("反馈日期", LocalDate.now().minusMonths(2));
	}

	PlanWorkbookException refused(byte[] bytes) {
		try {
			this.importer.importWorkbook(bytes, "plan.xlsx", DemoAccounts.RECTIFICATION_CLERK, ZH);
		}
		catch (PlanWorkbookException ex) {
			return ex;
		}
		throw new AssertionError("the workbook was imported");
	}

	@Test
	void shouldRefuseAPastDeadlineInTheWorkbookInItsCellUnlessRecordedHistory() {
		TestWorkbooks workbook = workbook("日期核验：导入 " + System.nanoTime())
			.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null, LocalDate.now().plusMonths(2), null)
			.task("类别一", "1.1", "问题一", "任务二", "措施", "吴副校长", "后勤处", null, null, LocalDate.now().minusDays(5), null)
			.task("类别一", "1.2", "问题二", "任务三", "措施", "吴副校长", "后勤处", null, null, "2206-03-31", null);
		PlanWorkbookException refused = refused(workbook.bytes());
		assertThat(refused.getErrors()).extracting(WorkbookError::row, WorkbookError::column, WorkbookError::key)
			.containsExactly(tuple(3, "J", "workbook.error.deadlinePast"), tuple(4, "J", "workbook.error.deadlineTooFar"));
		assertThat(this.messageSource.getMessage(refused.getErrors().get(0), ZH)).contains("已经过去").contains("补录历史");

		PlanWorkbookImporter.Outcome recorded = this.importer.importWorkbook(
				workbook("日期核验：补录导入 " + System.nanoTime())
					.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null,
							LocalDate.now().minusDays(5), null)
					.bytes(),
				this.units.unitForNewInspection(""), null, "plan.xlsx", DemoAccounts.RECTIFICATION_CLERK, ZH, true);
		assertThat(this.inspections.findById(recorded.inspectionId()).orElseThrow().isRecordedHistory()).isTrue();
	}

	@Test
	void shouldKeepEveryMeasureOfAParagraphThatNumbersThemOneIsTwoIs() {
		PlanWorkbookImporter.Outcome outcome = this.importer.importWorkbook(workbook("导入：一是 " + System.nanoTime())
			.task("类别一", "1.1", "问题一", "任务一", "一是修订报账办法。二是组织全员培训；三是开展专项检查", "吴副校长", "后勤处", null, null,
					LocalDate.now().plusMonths(2), null)
			.bytes(), "plan.xlsx", DemoAccounts.RECTIFICATION_CLERK, ZH);
		Ledger.TaskEntry task = this.ledgers.ledger(outcome.inspectionId()).tasks().get(0);
		assertThat(task.measures()).containsExactly("修订报账办法。", "组织全员培训；", "开展专项检查");
		StringBuilder report = new StringBuilder();
		this.reports.rectificationReport(outcome.inspectionId()).blocks().forEach((b) -> report.append(b.text()));
		assertThat(report).contains("整改措施：一是修订报账办法；二是组织全员培训；三是开展专项检查。");
	}

	@Test
	void shouldGiveOneErrorForOneUnreadableProblemNumberAndSuggestTheClosestName() {
		TestWorkbooks workbook = workbook("导入：编号 " + System.nanoTime());
		LocalDate deadline = LocalDate.now().plusMonths(2);
		for (int p = 1; p <= 14; p++) {
			String number = (p == 12) ? "第12" : String.valueOf(p);
			workbook.task("类别一", number, "问题" + p, "任务" + p + "甲", "措施", "吴副校长", "后勤处", null, null, deadline, null);
			workbook.task("类别一", String.valueOf(p), "问题" + p, "任务" + p + "乙", "措施", "吴副校长",
					(p == 5) ? "宣传部" : "后勤处", null, null, deadline, null);
		}
		PlanWorkbookException refused = refused(workbook.bytes());
		assertThat(refused.getErrors()).extracting(WorkbookError::row, WorkbookError::column, WorkbookError::key)
			.containsExactly(tuple(11, "G", "workbook.error.unknownDepartmentSuggest"),
					tuple(24, "B", "workbook.error.problemNumberFormat"));
		assertThat(this.messageSource.getMessage(refused.getErrors().get(0), ZH)).contains("宣传部").contains("宣传统战部");

		// "（二）12" is the second category's 12th problem, as published reports number them
		TestWorkbooks chinese = workbook("导入：中文编号 " + System.nanoTime());
		chinese.task("类别一", "1", "问题甲", "任务甲", "措施", "吴副校长", "后勤处", null, null, deadline, null);
		for (int p = 1; p <= 12; p++) {
			chinese.task("类别二", (p == 12) ? "（二）12" : String.valueOf(p), "问题" + p, "任务" + p, "措施", "吴副校长", "后勤处",
					null, null, deadline, null);
		}
		assertThat(this.importer.importWorkbook(chinese.bytes(), "plan.xlsx", DemoAccounts.RECTIFICATION_CLERK, ZH)
			.problems()).isEqualTo(13);
	}

	@Test
	void shouldWriteNumbersInMessagesWithoutThousandsSeparators() {
		assertThat(this.messageSource.getMessage("deadline.overdue", new Object[] { 1859L }, ZH))
			.isEqualTo("已超过整改期限 1859 天，请尽快报送整改材料。");
		assertThat(this.messageSource.getMessage("deadline.overdue", new Object[] { 1859 }, Locale.ENGLISH))
			.contains("1859").doesNotContain("1,859");
		// a placeholder with a format of its own keeps it
		assertThat(this.messageSource.getMessage("workbook.error.tooManyRows", new Object[] { 5000 }, ZH)).contains("5000");
	}

	@Test
	void shouldCountALongTermTaskStillOpenAsTheTextTellsIt() {
		Feedback f = TestFeedback.small("长期整改计数 " + System.nanoTime());
		Feedback longTerm = new Feedback(f.title(), f.inspectingBody(), f.unitName(), f.onSiteFrom(), f.onSiteTo(),
				f.feedbackDate(), f.documentNumbers(), f.concentratedMonths(), f.contactLine(),
				f.categoriesWith((problem, t) -> problem.equals("1.2") ? new Feedback.TaskItem(t.title(), TaskKind.LONG_TERM,
						t.responsibleLeader(), t.leadDepartment(), t.cooperatingDepartments(), t.responsiblePerson(),
						t.deadline(), t.measures(), false) : t));
		Inspection inspection = this.driver.register(longTerm);
		this.driver.filePlan(inspection.getId());
		String text = this.reports.previewPublicReport(inspection.getId());
		assertThat(text).contains("未完成整改3项，长期整改0项").doesNotContain("项长期整改任务");
		assertThat(text).contains("对尚未完成的3项细化任务");
	}

	@Test
	void shouldShowWhoClosedOffUnclaimedAndLabelAnAcceptedCommentAsAnOpinion() throws Exception {
		RectificationTask task = atSignOff("办理记录");
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION, RectificationTaskProcess.ACCEPT,
						RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查材料齐全"));
		Task closeOff = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_CLOSE_OFF);
		// completed without claiming it first: the engine's history has no assignee
		String clerk = DemoAccounts.RECTIFICATION_CLERK;
		this.identityService.setAuthentication(clerk, this.directory.groupIds(clerk), this.units.tenantIds(clerk));
		try {
			this.taskService.complete(closeOff.getId(), Map.of(RectificationTaskProcess.VAR_OUTCOME, "COMPLETED"));
		}
		finally {
			this.identityService.clearAuthentication();
		}
		PortalSession session = new PortalSession(this.port);
		session.login(clerk, DemoAccounts.PASSWORD);
		java.net.http.HttpResponse<String> response = session.get("/tasks/" + task.getId());
		assertThat(response.statusCode()).isEqualTo(200);
		String page = response.body();
		assertThat(page).contains("由 " + this.directory.displayName(clerk) + " 办理").doesNotContain("由 — 办理");
		assertThat(page).contains("<dt>审核意见</dt>").doesNotContain("<dt>退回理由</dt>");
	}

}

package org.rectiflow.step;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskStatus;
import org.rectiflow.tasklist.WorkQueue;
import org.rectiflow.unit.Units;
import org.rectiflow.web.PortalLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's step page ({@code /steps/{id}}, issue 20) over real HTTP with a signed-in session, each step completed
 * through its process's adapter into the real engine: leader review (accept, return), close-off, the committee's
 * approval (return, then approve, with the plan, the opinions and what changed since the return shown), the filing,
 * a stage report, a department's self-check; refused input comes back with its reason by the field, focused, and
 * with what was typed; a step is nobody else's; Tasklist's 我的待办 counts what the portal's counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StepPageTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	RectificationTaskProcessAdapter taskProcess;

	@Autowired
	WorkQueue work;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	Directory directory;

	@Autowired
	Units units;

	@Autowired
	TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Test
	void aLeaderReturnsThenAcceptsAndTheOfficeClosesOffInThePortal() throws Exception {
		Long inspection = this.driver.register(TestFeedback.small("门户审核测试")).getId();
		this.driver.filePlan(inspection);
		RectificationTask task = this.driver.task(inspection, "1.1.1");
		submitEvidence(task);
		String leader = task.getResponsibleLeader();
		HttpClient session = PortalLogin.signIn(this.port, leader, "demo");
		String reviewId = stepId(task, RectificationTaskProcess.USER_TASK_LEADER_REVIEW);

		// The to-do on the home page leads to the step page, which shows the task, its evidence and the form.
		assertThat(get(session, "/").body()).contains("href=\"/steps/" + reviewId + "\"");
		String page = get(session, "/steps/" + reviewId).body();
		assertThat(page).contains("责任领导审核", task.getTitle(), "宿舍维修考核办法.pdf", "name=\"leaderDecision\"",
				"value=\"return\"", "id=\"f-leaderReason\"", "已按措施完成整改");

		// A return without its reason is refused by the form's rule, named at the top and by the field, focused.
		HttpResponse<String> refused = post(session, "/steps/" + reviewId, Map.of("leaderDecision", "return"));
		assertThat(refused.statusCode()).isEqualTo(302);
		page = get(session, "/steps/" + reviewId).body();
		assertThat(page).contains("id=\"error-summary\"", "请填写“退回理由”", "aria-describedby=\"e-leaderReason\"");
		assertThat(page).containsPattern("<textarea id=\"f-leaderReason\"[^>]*autofocus");
		assertThat(page).containsPattern("value=\"return\"[^>]*checked");
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW)).hasSize(1);

		post(session, "/steps/" + reviewId, Map.of("leaderDecision", "return", "leaderReason", "请补充维修台账照片"));
		page = get(session, "/steps/" + reviewId).body();
		assertThat(page).contains("id=\"step-done\"", "已办理：", "您已于").doesNotContain("id=\"step-form\"");
		assertThat(this.taskProcess.lastReturnReason(task.getId())).isEqualTo("请补充维修台账照片");
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)).hasSize(1);

		// Sent in again; this time the leader accepts, from the task page's own link to the step.
		submitEvidence(task);
		reviewId = stepId(task, RectificationTaskProcess.USER_TASK_LEADER_REVIEW);
		assertThat(get(session, "/tasks/" + task.getId()).body()).contains("id=\"my-step\"",
				"href=\"/steps/" + reviewId + "\"");
		post(session, "/steps/" + reviewId, Map.of("leaderDecision", "accept"));
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION)).hasSize(1);

		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION, RectificationTaskProcess.ACCEPT,
						RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查材料齐全"));

		// Close-off: the outcome is required; then the task is settled with it.
		HttpClient office = PortalLogin.signIn(this.port, DemoAccounts.RECTIFICATION_CLERK, "demo");
		String closeOffId = stepId(task, RectificationTaskProcess.USER_TASK_CLOSE_OFF);
		assertThat(get(office, "/steps/" + closeOffId).body()).contains("督办销号", "name=\"outcome\"",
				"value=\"LONG_TERM\"", "id=\"f-closeOffNote\"");
		post(office, "/steps/" + closeOffId, Map.of("closeOffNote", "台账已核对"));
		page = get(office, "/steps/" + closeOffId).body();
		assertThat(page).contains("请选择“整改结果”", "台账已核对");
		post(office, "/steps/" + closeOffId, Map.of("outcome", "COMPLETED", "closeOffNote", "台账已核对"));
		assertThat(this.tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(get(office, "/steps/" + closeOffId).body()).contains("id=\"step-done\"", "href=\"/tasks/" + task.getId() + "\"");

		// Someone else's step is not found for a department, and a second submission changes nothing.
		HttpClient finance = PortalLogin.signIn(this.port, "financeDepartmentStaff", "demo");
		assertThat(get(finance, "/steps/" + closeOffId).statusCode()).isEqualTo(404);
		assertThat(post(office, "/steps/" + closeOffId, Map.of("outcome", "LONG_TERM")).headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("/steps/" + closeOffId);
		assertThat(this.tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void stepsDoneOnTheTaskPageAreSentThere() throws Exception {
		Long inspection = this.driver.register(TestFeedback.small("门户待办跳转测试")).getId();
		this.driver.filePlan(inspection);
		RectificationTask task = this.driver.task(inspection, "1.1.1");
		HttpClient department = PortalLogin.signIn(this.port, "logisticsDepartmentStaff", "demo");
		String submitId = stepId(task, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		HttpResponse<String> answer = get(department, "/steps/" + submitId);
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/tasks/" + task.getId() + "#submission");
	}

	@Test
	void theCommitteeReturnsThePlanSeesWhatChangedApprovesAndTheOfficeFilesIt() throws Exception {
		Long inspection = this.driver.register(TestFeedback.small("门户审议方案测试")).getId();
		draftAndConsult(inspection, "按照三个清单逐项细化整改任务");
		HttpClient secretary = PortalLogin.signIn(this.port, DemoAccounts.SECRETARY, "demo");
		String approvalId = planStepId(inspection, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL);
		assertThat(get(secretary, "/").body()).contains("href=\"/steps/" + approvalId + "\"");
		String page = get(secretary, "/steps/" + approvalId).body();
		// The plan inline: the problems with their tasks and measures, the responsibilities, the opinions collected.
		assertThat(page).contains("党委会审议整改方案", "宿舍日常维修不及时", "宿舍日常维修不及时，学生意见大", "未出台财务报账管理办法",
				"落实整改措施并报送材料", "id=\"plan-opinions\"", "同意方案，建议细化时间节点", "按照三个清单逐项细化整改任务")
			.doesNotContain("id=\"plan-returns\"");

		post(secretary, "/steps/" + approvalId, Map.of("committeeDecision", "return"));
		assertThat(get(secretary, "/steps/" + approvalId).body()).contains("请填写“退回理由”");
		post(secretary, "/steps/" + approvalId, Map.of("committeeDecision", "return", "committeeReason", "请细化时间节点"));
		assertThat(this.driver.open(RectificationProcess.PROCESS_KEY, inspection, RectificationProcess.USER_TASK_DRAFT_PLAN))
			.hasSize(1);

		// Redrafted through the portal's step page by the office, consulted again: the committee sees the change.
		HttpClient office = PortalLogin.signIn(this.port, DemoAccounts.RECTIFICATION_CLERK, "demo");
		String draftId = planStepId(inspection, RectificationProcess.USER_TASK_DRAFT_PLAN);
		post(office, "/steps/" + draftId, Map.of("planSummary", "短"));
		assertThat(get(office, "/steps/" + draftId).body()).contains("至少需要 10 个字");
		post(office, "/steps/" + draftId, Map.of("planSummary", "按照三个清单逐项细化整改任务，每项任务明确到月"));
		for (Task t : this.driver.open(RectificationProcess.PROCESS_KEY, inspection,
				RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			HttpClient leader = PortalLogin.signIn(this.port, t.getAssignee(), "demo");
			post(leader, "/steps/" + t.getId(), Map.of("opinion", "同意修改后的方案"));
		}
		approvalId = planStepId(inspection, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL);
		page = get(secretary, "/steps/" + approvalId).body();
		assertThat(page).contains("id=\"plan-returns\"", "请细化时间节点", "按照三个清单逐项细化整改任务，每项任务明确到月",
				"已修改", "同意修改后的方案");
		post(secretary, "/steps/" + approvalId, Map.of("committeeDecision", "approve"));

		HttpClient inspector = PortalLogin.signIn(this.port, DemoAccounts.INSPECTOR, "demo");
		String filingId = planStepId(inspection, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE);
		assertThat(get(inspector, "/office/queue").body()).contains("href=\"/steps/" + filingId + "\"");
		assertThat(get(inspector, "/steps/" + filingId).body()).contains("报巡察办备案", "宿舍日常维修不及时，学生意见大",
				"同意修改后的方案");
		post(inspector, "/steps/" + filingId, Map.of("filingDecision", "accept"));
		assertThat(this.driver.launchJob(inspection)).isNotNull();
	}

	@Test
	void aDepartmentReportsStageResultsAndChecksItselfInThePortal() throws Exception {
		Long inspection = this.driver.register(TestFeedback.small("门户阶段成效测试")).getId();
		this.driver.filePlan(inspection);
		RectificationTask task = this.driver.task(inspection, "1.1.2");
		this.driver.settle(task, "LONG_TERM");
		this.driver.fireTimer(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.TIMER_STAGE_REPORT_DUE);
		HttpClient department = PortalLogin.signIn(this.port, "logisticsDepartmentStaff", "demo");
		String reportId = stepId(task, RectificationTaskProcess.USER_TASK_REPORT_STAGE_RESULTS);
		assertThat(get(department, "/steps/" + reportId).body()).contains("报告阶段性成效", "id=\"f-stageMeasures\"",
				"type=\"checkbox\"");
		post(department, "/steps/" + reportId, Map.of("stageMeasures", "每月检查", "stageResults", "好"));
		assertThat(get(department, "/steps/" + reportId).body()).contains("至少需要 4 个字", "每月检查");
		post(department, "/steps/" + reportId, Map.of("stageMeasures", "每月检查档口", "stageResults", "投诉下降一半"));
		assertThat(this.tasks.stageReportsOf(task.getId())).hasSize(1);

		Task selfCheck = this.driver.open(SupervisionProcess.PROCESS_KEY, inspection, SupervisionProcess.USER_TASK_SELF_CHECK)
			.stream()
			.filter((t) -> "logisticsDepartment".equals(this.taskService.getVariable(t.getId(), SupervisionProcess.VAR_DEPARTMENT)))
			.findFirst()
			.orElseThrow();
		assertThat(get(department, "/steps/" + selfCheck.getId()).body()).contains("部门自查", "门户阶段成效测试");
		post(department, "/steps/" + selfCheck.getId(), Map.of("selfCheckReport", "已对照问题清单逐项自查，未发现新问题"));
		assertThat(this.driver.open(SupervisionProcess.PROCESS_KEY, inspection, SupervisionProcess.USER_TASK_SELF_CHECK)
			.stream()
			.map(Task::getId)).doesNotContain(selfCheck.getId());
	}

	/**
	 * The rest of the cycle, every step through its page: the supervision (self-checks, the visit, the summary), the
	 * summary report (returned by the committee once), the office's review, the publication (refused without its
	 * confirmation), its approval, and the look-back.
	 */
	@Test
	void theRestOfTheCycleIsDoneInThePortalToo() throws Exception {
		Long inspection = this.driver.register(TestFeedback.small("门户整改全程测试")).getId();
		this.driver.filePlan(inspection);
		this.driver.tasksOf(inspection).forEach((t) -> this.driver.settle(t, "COMPLETED"));
		String supervision = SupervisionProcess.PROCESS_KEY;
		for (Task t : this.driver.open(supervision, inspection, SupervisionProcess.USER_TASK_SELF_CHECK)) {
			String staff = this.driver.staffOf((String) this.taskService.getVariable(t.getId(), SupervisionProcess.VAR_DEPARTMENT));
			post(PortalLogin.signIn(this.port, staff, "demo"), "/steps/" + t.getId(),
					Map.of("selfCheckReport", "已对照任务清单逐项自查，均已落实"));
		}
		HttpClient discipline = PortalLogin.signIn(this.port, DemoAccounts.DISCIPLINE_OFFICER, "demo");
		String visit = this.driver.one(supervision, inspection, SupervisionProcess.USER_TASK_RECORD_ON_SITE_VISIT).getId();
		assertThat(get(discipline, "/steps/" + visit).body()).contains("<select id=\"f-visitDepartment\"", "type=\"date\"");
		post(discipline, "/steps/" + visit, Map.of("visitDepartment", "logisticsDepartment", "visitDate", "2026-13-40",
				"visitRecord", "查阅维修台账"));
		assertThat(get(discipline, "/steps/" + visit).body()).contains("不是有效日期");
		post(discipline, "/steps/" + visit, Map.of("visitDepartment", "logisticsDepartment",
				"visitDate", java.time.LocalDate.now().toString(), "visitRecord", "查阅维修台账，抽查宿舍"));
		post(discipline, "/steps/" + this.driver.one(supervision, inspection, SupervisionProcess.USER_TASK_SUPERVISION_SUMMARY)
			.getId(), Map.of("supervisionSummary", "专项督查三个阶段均已完成"));

		String key = RectificationProcess.PROCESS_KEY;
		HttpClient office = PortalLogin.signIn(this.port, DemoAccounts.RECTIFICATION_CLERK, "demo");
		HttpClient secretary = PortalLogin.signIn(this.port, DemoAccounts.SECRETARY, "demo");
		post(office, "/steps/" + planStepId(inspection, RectificationProcess.USER_TASK_DRAFT_SUMMARY_REPORT),
				Map.of("summaryReport", "学校党委扛牢责任抓整改，全部任务已办结"));
		String review = planStepId(inspection, RectificationProcess.USER_TASK_REVIEW_COMPLETION);
		assertThat(get(secretary, "/steps/" + review).body()).contains("党委会审议整改完成情况", "id=\"plan-lists\"",
				"/inspections/" + inspection + "/rectification-report");
		post(secretary, "/steps/" + review, Map.of("completionDecision", "return", "completionReason", "请补充典型案例"));
		post(office, "/steps/" + planStepId(inspection, RectificationProcess.USER_TASK_DRAFT_SUMMARY_REPORT),
				Map.of("summaryReport", "学校党委扛牢责任抓整改，全部任务已办结，补充了典型案例"));
		post(secretary, "/steps/" + planStepId(inspection, RectificationProcess.USER_TASK_REVIEW_COMPLETION),
				Map.of("completionDecision", "approve"));

		HttpClient inspector = PortalLogin.signIn(this.port, DemoAccounts.INSPECTOR, "demo");
		String reviewReport = planStepId(inspection, RectificationProcess.USER_TASK_REVIEW_REPORT);
		assertThat(get(inspector, "/office/queue").body()).contains("href=\"/steps/" + reviewReport + "\"");
		post(inspector, "/steps/" + reviewReport, Map.of("reviewDecision", "accept", "reviewOpinion", "整改总体到位，同意"));

		String publish = planStepId(inspection, RectificationProcess.USER_TASK_PUBLISH_PUBLIC_REPORT);
		post(office, "/steps/" + publish, Map.of("contactLine", "0731-84033328"));
		assertThat(get(office, "/steps/" + publish).body()).contains("请勾选", "0731-84033328");
		post(office, "/steps/" + publish, Map.of("contactLine", "0731-84033328", "publicReportConfirmed", "true"));
		post(secretary, "/steps/" + planStepId(inspection, RectificationProcess.USER_TASK_APPROVE_PUBLICATION),
				Map.of("publicationDecision", "approve"));

		this.driver.fireTimer(key, inspection);
		post(discipline, "/steps/" + planStepId(inspection, RectificationProcess.USER_TASK_LOOK_BACK),
				Map.of("lookBackDecision", "confirmed", "lookBackFindings", "抽查整改事项，未发现反弹回潮"));
		assertThat(this.driver.open(key, inspection, RectificationProcess.USER_TASK_LOOK_BACK)).isEmpty();
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey(key)
			.processInstanceBusinessKey(String.valueOf(inspection)).count()).isZero();
	}

	/** 我的待办 in Tasklist counts what the portal's home page counts, for a department and for a leader. */
	@Test
	void tasklistsMineIsThePortalsMine() throws Exception {
		Long inspection = this.driver.register(TestFeedback.small("我的待办口径测试")).getId();
		this.driver.filePlan(inspection);
		Filter mine = this.filters.createFilterQuery().filterName("我的待办").singleResult();
		for (String user : List.of("logisticsDepartmentStaff", DemoAccounts.VICE_PRESIDENT_LOGISTICS,
				DemoAccounts.RECTIFICATION_CLERK)) {
			List<String> groups = this.directory.groupIds(user);
			long portal = this.work.todos(user, groups, this.units.tenantIds(user), 1).total();
			this.identity.setAuthentication(user, groups, this.units.tenantIds(user));
			long tasklist;
			try {
				tasklist = this.filters.count(mine.getId());
			}
			finally {
				this.identity.clearAuthentication();
			}
			assertThat(tasklist).as("我的待办 of %s", user).isEqualTo(portal);
		}
		assertThat(this.work.todos("logisticsDepartmentStaff", this.directory.groupIds("logisticsDepartmentStaff"),
				this.units.tenantIds("logisticsDepartmentStaff"), 1).total()).isPositive();
	}

	private void submitEvidence(RectificationTask task) {
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, "logisticsDepartmentStaff",
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按措施完成整改并上传佐证材料"));
	}

	private void draftAndConsult(Long inspection, String summary) {
		this.driver.complete(RectificationProcess.PROCESS_KEY, inspection, RectificationProcess.USER_TASK_DRAFT_PLAN,
				DemoAccounts.RECTIFICATION_CLERK, Map.of(RectificationProcess.VAR_PLAN_SUMMARY, summary));
		for (Task t : this.driver.open(RectificationProcess.PROCESS_KEY, inspection,
				RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意方案，建议细化时间节点"));
		}
	}

	private String stepId(RectificationTask task, String step) {
		return this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(), step).getId();
	}

	private String planStepId(Long inspection, String step) {
		return this.driver.one(RectificationProcess.PROCESS_KEY, inspection, step).getId();
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(PortalLogin.uri(this.port, path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a form as the page's form would, with the session's CSRF token from the page. */
	private HttpResponse<String> post(HttpClient client, String path, Map<String, String> fields) throws Exception {
		String page = get(client, path).body();
		Matcher token = PortalLogin.CSRF.matcher(page);
		String csrf = token.find() ? token.group(1) : PortalLogin.token(client, this.port, "/");
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf);
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return client.send(HttpRequest.newBuilder(PortalLogin.uri(this.port, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

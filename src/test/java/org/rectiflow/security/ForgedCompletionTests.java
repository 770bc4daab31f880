package org.rectiflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.CrossUnits;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.commonproblem.CommonProblemNotice;
import org.rectiflow.commonproblem.CommonProblemNoticeProcess;
import org.rectiflow.commonproblem.CommonProblemService;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.Groups;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.recheck.ReCheckProcess;
import org.rectiflow.recheck.ReCheckService;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user task of the three processes, completed over the engine's REST API by the person whose step it is: first
 * once for each variable that is not on the step's form (every other form's fields and every process variable), each
 * refused with 400 naming it while the step stays open; then with its own form's fields, which completes it. The forms'
 * fields are read here from {@code forms/*.form} and the BPMN's {@code camunda:formRef}, independently of the guard.
 * The same for the two processes across units (common-problem notice, re-check), whose steps are also tried first by
 * participants whose step it is not — another unit's rectification office, the other side of the step — and refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ForgedCompletionTests {

	static final String STAFF = "logisticsDepartmentStaff";

	static final String LEADER = DemoAccounts.VICE_PRESIDENT_LOGISTICS;

	/** The process variables of docs/processes.md that no form carries. */
	static final Set<String> PROCESS_VARIABLES = Set.of("inspectionId", "inspectionTitle", "unitName", "leaders", "leader",
			"lookBackPeriod", "problemCount", "taskCount", "rectificationTaskId", "taskCode", "taskTitle", "problemTitle",
			"measures", "leadDepartment", "leadDepartmentName", "responsibleLeader", "responsibleLeaderName", "deadline",
			"dueAt", "remindAt", "graceEndsAt", "stageReportPeriod", "evidenceSummary", "lastReturnReason",
			"extensionId", "requestedDeadline", "extensionReason", "extensionRequestedByName", "overdueDays",
			"leadDepartments", "department", "criticismNoticeId");

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	/** The rectification cycle this journey drives. */
	private static final Set<String> THE_THREE_PROCESSES = Set.of("rectification.bpmn", "rectification-task.bpmn",
			"supervision.bpmn");

	/** The processes across units (issue 18). */
	private static final Set<String> ACROSS_UNITS = Set.of("common-problem-notice.bpmn", "re-check.bpmn");

	/** The process variables of the processes across units that no form carries (docs/processes.md 4 and 5). */
	static final Set<String> ACROSS_UNITS_VARIABLES = Set.of("unitId", "unitName", "noticeId", "noticeTitle",
			"problemText", "requirement", "deadline", "dueAt", "inspectionId", "drawId", "reCheckedTaskId",
			"reCheckedTaskCode", "reCheckedTaskTitle", "reCheckedLeadDepartmentName");

	private final Map<String, Set<String>> fieldsByStep = new HashMap<>();

	private final Set<String> everyVariable = new TreeSet<>(PROCESS_VARIABLES);

	private final Set<String> covered = new TreeSet<>();

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	TaskService taskService;

	@Autowired
	DeadlineService deadlines;

	@Autowired
	CrossUnits crossUnits;

	@Autowired
	CommonProblemService commonProblems;

	@Autowired
	ReCheckService reChecks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyStepTakesItsOwnFormAndNothingElse() throws Exception {
		readFormsAndSteps(THE_THREE_PROCESSES, 20);
		Long id = this.driver.register(TestFeedback.small("伪造办理测试")).getId();
		String plan = RectificationProcess.PROCESS_KEY;

		step(plan, id, RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				Map.of("planSummary", "按照三个清单逐项细化整改任务"));
		for (Task opinion : this.driver.open(plan, id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			step(opinion, opinion.getAssignee(), Map.of("opinion", "同意方案"));
		}
		step(plan, id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				Map.of("committeeDecision", "approve"));
		step(plan, id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE, DemoAccounts.INSPECTOR,
				Map.of("filingDecision", "accept"));
		this.driver.launch(id);

		String work = RectificationTaskProcess.PROCESS_KEY;
		RectificationTask task = this.driver.task(id, "1.1.1");
		Long taskId = task.getId();
		this.deadlines.requestExtension(taskId, task.getDeadline().plusMonths(1), "需待寒假学生离校后集中维修宿舍", STAFF,
				List.of("logisticsDepartment"));
		step(work, taskId, RectificationTaskProcess.USER_TASK_DECIDE_EXTENSION, LEADER,
				Map.of("extensionDecision", "refuse", "extensionOpinion", "工期可以压缩，按原期限完成"));
		this.driver.fireTimer(work, taskId, RectificationTaskProcess.BOUNDARY_DEADLINE_PASSED);
		this.driver.fireTimer(work, taskId, RectificationTaskProcess.TIMER_GRACE_EXPIRED);
		step(work, taskId, RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of("criticismDecision", "waive", "criticismReason", "已说明客观原因，暂不通报"));
		this.driver.uploadEvidence(task);
		step(work, taskId, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, STAFF,
				Map.of("progressReport", "已按措施完成整改并上传佐证材料"));
		step(work, taskId, RectificationTaskProcess.USER_TASK_LEADER_REVIEW, LEADER, Map.of("leaderDecision", "accept"));
		step(work, taskId, RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of("supervisionDecision", "accept", "supervisionFindings", "现场核查材料齐全"));
		step(work, taskId, RectificationTaskProcess.USER_TASK_CLOSE_OFF, DemoAccounts.RECTIFICATION_CLERK,
				Map.of("outcome", "LONG_TERM"));
		this.driver.fireTimer(work, taskId, RectificationTaskProcess.TIMER_STAGE_REPORT_DUE);
		step(work, taskId, RectificationTaskProcess.USER_TASK_REPORT_STAGE_RESULTS, STAFF,
				Map.of("stageMeasures", "完善维修响应机制", "stageResults", "报修三日内办结", "completionClaimed", true));
		this.driver.complete(work, taskId, RectificationTaskProcess.USER_TASK_LEADER_REVIEW, LEADER,
				Map.of("leaderDecision", "accept"));
		this.driver.complete(work, taskId, RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION,
				DemoAccounts.DISCIPLINE_OFFICER, Map.of("supervisionDecision", "accept", "supervisionFindings", "已完成"));
		this.driver.complete(work, taskId, RectificationTaskProcess.USER_TASK_CLOSE_OFF, DemoAccounts.RECTIFICATION_CLERK,
				Map.of("outcome", "COMPLETED"));
		this.driver.settle(this.driver.task(id, "1.1.2"), "COMPLETED");
		this.driver.settle(this.driver.task(id, "1.2.1"), "COMPLETED");

		String supervision = SupervisionProcess.PROCESS_KEY;
		for (Task selfCheck : this.driver.open(supervision, id, SupervisionProcess.USER_TASK_SELF_CHECK)) {
			String department = (String) this.taskService.getVariable(selfCheck.getId(), "department");
			step(selfCheck, DemoAccounts.staffOf(Department.byGroupId(department).orElseThrow()),
					Map.of("selfCheckReport", "已对照任务逐项自查"));
		}
		step(supervision, id, SupervisionProcess.USER_TASK_RECORD_ON_SITE_VISIT, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of("visitDepartment", "logisticsDepartment", "visitDate", LocalDate.now().toString(), "visitRecord",
						"查阅维修台账", "moreVisits", false));
		step(supervision, id, SupervisionProcess.USER_TASK_SUPERVISION_SUMMARY, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of("supervisionSummary", "专项督查三个阶段均已完成"));

		step(plan, id, RectificationProcess.USER_TASK_DRAFT_SUMMARY_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of("summaryReport", "全部任务已办结"));
		step(plan, id, RectificationProcess.USER_TASK_REVIEW_COMPLETION, DemoAccounts.SECRETARY,
				Map.of("completionDecision", "approve"));
		step(plan, id, RectificationProcess.USER_TASK_REVIEW_REPORT, DemoAccounts.INSPECTOR,
				Map.of("reviewDecision", "accept", "reviewOpinion", "整改总体到位"));
		step(plan, id, RectificationProcess.USER_TASK_PUBLISH_PUBLIC_REPORT, DemoAccounts.RECTIFICATION_CLERK,
				Map.of("contactLine", "0731-84033328", "publicReportConfirmed", true));
		step(plan, id, RectificationProcess.USER_TASK_APPROVE_PUBLICATION, DemoAccounts.SECRETARY,
				Map.of("publicationDecision", "approve"));
		this.driver.fireTimer(plan, id);
		step(plan, id, RectificationProcess.USER_TASK_LOOK_BACK, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of("lookBackDecision", "confirmed", "lookBackFindings", "未发现反弹回潮"));

		assertThat(this.driver.rectification(id)).as("the inspection ran to its end").isNull();
		assertThat(this.covered).as("every user task of the three processes").isEqualTo(this.fieldsByStep.keySet());
	}

	@Test
	void theStepsAcrossUnitsTakeTheirOwnFormFromTheirOwnParticipantsOnly() throws Exception {
		readFormsAndSteps(ACROSS_UNITS, 3);
		this.everyVariable.addAll(ACROSS_UNITS_VARIABLES);
		String unitA = this.crossUnits.unit("伪造办理甲单位");
		String unitB = this.crossUnits.unit("伪造办理乙单位");
		String officeA = this.crossUnits.person(unitA, Groups.RECTIFICATION_OFFICE);
		String officeB = this.crossUnits.person(unitB, Groups.RECTIFICATION_OFFICE);
		String staffA = this.crossUnits.person(unitA, CrossUnits.logistics(unitA));
		try {
			// 举一反三: unit A's answer is its rectification office's, the review the inspection office's.
			CommonProblemNotice notice = this.commonProblems.send(new CommonProblemService.Draft("伪造办理测试举一反三通知",
					null, "某单位公务接待超标准", null, List.of(unitA, unitB), LocalDate.now().plusDays(7).toString()),
					DemoAccounts.INSPECTOR);
			Long answer = this.jdbc.queryForObject("select id from common_problem_answer where notice_id = ? and unit_id = ?",
					Long.class, notice.getId(), unitA);
			String notice1 = CommonProblemNoticeProcess.PROCESS_KEY;
			Map<String, Object> answerForm = Map.of("sameProblem", "no", "selfCheckFinding", "经自查未发现同类问题",
					"selfCheckMeasures", "建立接待审批台账");
			Task answerStep = this.driver.one(notice1, answer, CommonProblemNoticeProcess.USER_TASK_ANSWER_SELF_CHECK);
			refused(answerStep, List.of(officeB, staffA, DemoAccounts.INSPECTOR, DemoAccounts.RECTIFICATION_CLERK),
					answerForm);
			step(answerStep, officeA, answerForm);
			Task review = this.driver.one(notice1, answer, CommonProblemNoticeProcess.USER_TASK_REVIEW_ANSWER);
			Map<String, Object> reviewForm = Map.of("answerDecision", "accept", "answerReturnReason", "");
			refused(review, List.of(officeA, officeB, staffA), reviewForm);
			step(review, DemoAccounts.INSPECTOR, reviewForm);

			// 销号反向核查: the re-check of unit A's closed task is the inspecting body's, not the unit's.
			this.crossUnits.closedInspection(unitA, "伪造办理反向核查");
			Long drawId = this.reChecks.draw(new ReCheckService.Parameters(List.of(unitA), "1", "", "17"),
					DemoAccounts.INSPECTOR).getId();
			Long reCheck = this.jdbc.queryForObject("select id from re_check where draw_id = ?", Long.class, drawId);
			Task reCheckStep = this.driver.one(ReCheckProcess.PROCESS_KEY, reCheck, ReCheckProcess.USER_TASK_RE_CHECK);
			Map<String, Object> reCheckForm = Map.of("reCheckOutcome", "passed", "reCheckFinding", "调阅台账，整改到位");
			refused(reCheckStep, List.of(officeA, staffA, officeB, DemoAccounts.DISCIPLINE_OFFICER), reCheckForm);
			step(reCheckStep, DemoAccounts.INSPECTOR, reCheckForm);
		}
		finally {
			this.crossUnits.removePeople();
		}
		assertThat(this.covered).as("every user task of the processes across units").isEqualTo(this.fieldsByStep.keySet());
	}

	/** Those whose step it is not cannot complete it, even with its own form; it stays open. */
	private void refused(Task task, List<String> users, Map<String, Object> form) throws Exception {
		for (String user : users) {
			HttpResponse<String> refused = complete(user, task.getId(), form);
			assertThat(refused.statusCode()).as("%s as %s: %s", task.getTaskDefinitionKey(), user, refused.body())
				.isIn(403, 404);
		}
		assertThat(this.taskService.createTaskQuery().taskId(task.getId()).singleResult())
			.as("%s still open", task.getTaskDefinitionKey()).isNotNull();
	}

	private void step(String processKey, Long businessKey, String taskKey, String user, Map<String, Object> form)
			throws Exception {
		step(this.driver.one(processKey, businessKey, taskKey), user, form);
	}

	/** Each foreign variable beside the form is refused, then the form alone completes the step. */
	private void step(Task task, String user, Map<String, Object> form) throws Exception {
		String key = task.getTaskDefinitionKey();
		Set<String> fields = this.fieldsByStep.get(key);
		assertThat(fields).as("the fields of %s's form", key).isNotNull().containsAll(form.keySet());
		if (this.covered.add(key)) {
			for (String foreign : this.everyVariable) {
				if (fields.contains(foreign)) {
					continue;
				}
				Map<String, Object> forged = new LinkedHashMap<>(form);
				forged.put(foreign, "forged");
				HttpResponse<String> refused = complete(user, task.getId(), forged);
				assertThat(refused.statusCode()).as("%s with %s as %s: %s", key, foreign, user, refused.body())
					.isEqualTo(400);
				assertThat(refused.body()).contains("“" + foreign + "”").contains("表单");
			}
			assertThat(this.taskService.createTaskQuery().taskId(task.getId()).singleResult()).as("%s still open", key)
				.isNotNull();
		}
		HttpResponse<String> done = complete(user, task.getId(), form);
		assertThat(done.statusCode()).as("%s with its own form as %s: %s", key, user, done.body()).isEqualTo(204);
	}

	private HttpResponse<String> complete(String user, String taskId, Map<String, Object> variables) throws Exception {
		Map<String, Object> wrapped = new LinkedHashMap<>();
		variables.forEach((name, value) -> wrapped.put(name, Map.of("value", value)));
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/engine-rest/task/" + taskId + "/complete"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("variables", wrapped))))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Each user task's form fields in these processes: the BPMN's formRef, the form's component keys. */
	private void readFormsAndSteps(Set<String> processes, int steps) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Map<String, Set<String>> forms = new HashMap<>();
		for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
			try (InputStream in = form.getInputStream()) {
				JsonNode root = this.json.readTree(in);
				Set<String> keys = new TreeSet<>();
				root.path("components").forEach((c) -> {
					if (c.hasNonNull("key")) {
						keys.add(c.get("key").asText());
					}
				});
				forms.put(root.get("id").asText(), keys);
				this.everyVariable.addAll(keys);
			}
		}
		Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"([^\"]+)\"");
		for (Resource bpmn : resolver.getResources("classpath*:processes/*.bpmn")) {
			if (!processes.contains(bpmn.getFilename())) {
				continue;
			}
			String xml = bpmn.getContentAsString(StandardCharsets.UTF_8);
			Matcher found = userTask.matcher(xml);
			while (found.find()) {
				this.fieldsByStep.put(found.group(1), forms.get(found.group(2)));
			}
			assertThat(xml.split("<bpmn:userTask ", -1).length - 1).as("every user task of %s links a form",
					bpmn.getFilename()).isEqualTo((int) userTask.matcher(xml).results().count());
		}
		assertThat(this.fieldsByStep).hasSize(steps).doesNotContainValue(null);
	}

}

package org.rectiflow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.onboarding.Onboarding;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.FeedbackImporter;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.report.ReportService;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskKind;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With the {@code demo} profile, on first start (no inspection yet): loads the reference case (Hunan, 14 problems)
 * and walks it, as its people would in Tasklist, to the middle of the concentrated period, so that every role has
 * work waiting. Two copies of the case stand earlier in the cycle (committee approval, filing) so the Party
 * committee and the inspection office have work too. Dates are moved so that the period is under way today.
 * <p>
 * A second unit, a vocational college with a directory of its own ({@value #SECOND_UNIT_DIRECTORY}, the directory
 * workbook an administrator would import), is onboarded through {@link Onboarding} with the demo password, and its
 * inspection stands at another stage: the plan drafted and consulted on, awaiting its Party committee's approval.
 */
@Component
@ConditionalOnProperty(name = "rectiflow.demo.enabled", havingValue = "true")
class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String SEED = "seeds/hunan-reference-case.txt";

	static final String SECOND_UNIT_DIRECTORY = "demo/second-unit-directory.xlsx";

	/** The second unit's people who act in the demo (accounts of {@value #SECOND_UNIT_DIRECTORY}). */
	static final String SECOND_CLERK = "vcRectificationClerk";

	static final String SECOND_PRESIDENT = "vcPresident";

	static final String SECOND_VICE_PRESIDENT = "vcVicePresident";

	static final String SECOND_DISCIPLINE_SECRETARY = "vcDisciplineSecretary";

	private final InspectionRepository inspections;

	private final FeedbackImporter importer;

	private final PlanService plans;

	private final RectificationTaskService tasks;

	private final EvidenceService evidence;

	private final ReportService reports;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final Directory directory;

	private final DeadlineService deadlines;

	private final Units units;

	private final Clock clock;

	private final Onboarding onboarding;

	DemoDataLoader(InspectionRepository inspections, FeedbackImporter importer, PlanService plans,
			RectificationTaskService tasks, EvidenceService evidence, ReportService reports, TaskService taskService, IdentityService identityService,
			Directory directory, DeadlineService deadlines, Units units, Clock clock, Onboarding onboarding) {
		this.onboarding = onboarding;
		this.inspections = inspections;
		this.importer = importer;
		this.plans = plans;
		this.tasks = tasks;
		this.evidence = evidence;
		this.reports = reports;
		this.taskService = taskService;
		this.identityService = identityService;
		this.directory = directory;
		this.deadlines = deadlines;
		this.units = units;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	@Transactional
	public void load() throws IOException {
		if (this.inspections.count() > 0) {
			return;
		}
		String text;
		try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Feedback reference = shiftToToday(this.importer.fromReport(text));
		nameTheUnit(reference.unitName());
		Inspection hunan = this.plans.register(reference);
		walkThroughExecution(hunan.getId());
		for (String rule : this.importer.institutionalRules(text)) {
			this.reports.addRule(hunan.getId(), null, rule, rule.contains("修订") ? "REVISED" : "CREATED", null);
		}
		Inspection atApproval = this.plans.register(copy(reference, "（演示副本：党委会审议）"));
		draftAndConsult(atApproval.getId());
		Inspection atFiling = this.plans.register(copy(reference, "（演示副本：报巡察办备案）"));
		draftAndConsult(atFiling.getId());
		complete(RectificationProcess.PROCESS_KEY, atFiling.getId(), RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
				DemoAccounts.SECRETARY, Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		Inspection second = secondUnit();
		log.info("Demo data loaded: reference case {} in rectification, two copies at approval and filing; the second "
				+ "unit's inspection {} at its Party committee's approval", hunan.getId(), second.getId());
	}

	/**
	 * The second unit, onboarded from its directory workbook, and its inspection: a few problems broken down into
	 * tasks of its own departments (总务处, 学生工作处…, found by name) and leaders, the plan drafted by its
	 * rectification office and consulted on with its leaders, now at its Party committee's approval.
	 */
	private Inspection secondUnit() throws IOException {
		byte[] workbook;
		try (InputStream in = new ClassPathResource(SECOND_UNIT_DIRECTORY).getInputStream()) {
			workbook = in.readAllBytes();
		}
		Onboarding.Onboarded onboarded = this.onboarding.onboardWorkbookWithPassword(workbook, DemoAccounts.PASSWORD);
		Map<String, String> department = new HashMap<>();
		onboarded.departments().forEach((d) -> department.put(d.name(), d.groupId()));
		LocalDate today = LocalDate.now(this.clock);
		LocalDate feedback = today.minusDays(10);
		LocalDate deadline = feedback.plusMonths(3);
		Feedback f = new Feedback("省委教育工委第六巡察组巡察" + onboarded.unit().getName() + "反馈意见", "省委教育工委第六巡察组",
				onboarded.unit().getName(), feedback.minusDays(60), feedback.minusDays(20), feedback,
				List.of("湘教巡反〔" + feedback.getYear() + "〕6号"), 3, "0731-00000000",
				List.of(new Feedback.Category("贯彻落实党的路线方针政策和上级决策部署方面", List.of(
						new Feedback.ProblemItem("产教融合、校企合作推进不力，订单班培养流于形式", false, List.of(
								task("修订校企合作管理办法，清理停办的订单班", SECOND_PRESIDENT, department.get("教务处"),
										deadline, "全面排查现有订单班运行情况", "修订校企合作管理办法并印发"),
								task("建立毕业生就业质量跟踪反馈机制", SECOND_PRESIDENT, department.get("招生就业处"),
										deadline, "开展毕业生就业质量调查", "形成年度就业质量报告"))),
						new Feedback.ProblemItem("学生资助工作不规范，困难学生认定程序不严", false, List.of(
								task("规范家庭经济困难学生认定程序", SECOND_VICE_PRESIDENT, department.get("学生工作处"),
										deadline, "逐一复核本学年认定名单", "完善认定办法并公示"))))),
						new Feedback.Category("全面从严治党方面", List.of(
								new Feedback.ProblemItem("后勤服务外包监管缺位，食堂食品安全管理存在隐患", false, List.of(
										task("加强食堂外包服务监管", SECOND_VICE_PRESIDENT, department.get("总务处"),
												deadline, "建立外包服务考核评价制度", "开展食品安全专项检查"),
										task("规范后勤维修工程结算", SECOND_VICE_PRESIDENT, department.get("财务处"),
												deadline, "清查近三年维修工程结算", "健全结算审核流程"))),
								new Feedback.ProblemItem("监督执纪“四种形态”运用不充分", false, List.of(
										task("强化日常监督和提醒谈话", SECOND_DISCIPLINE_SECRETARY, department.get("纪检监察室"),
												deadline, "制定年度谈心谈话计划", "建立廉政档案")))))));
		Inspection inspection = this.plans.register(f);
		complete(RectificationProcess.PROCESS_KEY, inspection.getId(), RectificationProcess.USER_TASK_DRAFT_PLAN,
				SECOND_CLERK, Map.of(RectificationProcess.VAR_PLAN_SUMMARY,
						"对照巡察反馈的问题，逐项明确整改任务、责任领导、牵头部门和完成时限。"));
		for (Task t : open(RectificationProcess.PROCESS_KEY, inspection.getId(),
				RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			completeAs(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意，建议细化分管领域的整改措施。"));
		}
		return inspection;
	}

	private static Feedback.TaskItem task(String title, String leader, String department, LocalDate deadline,
			String... measures) {
		return new Feedback.TaskItem(title, TaskKind.CONCENTRATED, leader, department, List.of(), null, deadline,
				List.of(measures), false);
	}

	/**
	 * The demo unit is the reference case's: the first unit (created at start-up with the demo accounts as its
	 * people, see identity/IdentityBootstrap) takes the name of the reference inspection's unit, so the reference
	 * case and its two copies belong to it.
	 */
	private void nameTheUnit(String unitName) {
		List<Unit> all = this.units.all();
		if (all.size() == 1 && !all.get(0).getName().equals(unitName.trim())) {
			this.units.rename(all.get(0).getId(), unitName.trim());
		}
	}

	/**
	 * Moves every date by the same amount so that the feedback came 30 days ago; then, so that 即将到期 and 已逾期
	 * have something to show, the tasks of problem 1.5 fall due in two days and those of problem 2.3 three days ago;
	 * those of problem 2.4 are twelve days late, past the grace period, so the discipline committee is asked to decide
	 * on criticism notices as soon as the engine's timers run.
	 */
	private Feedback shiftToToday(Feedback f) {
		LocalDate today = LocalDate.now(this.clock);
		long days = ChronoUnit.DAYS.between(f.feedbackDate(), today.minusDays(30));
		return new Feedback(f.title(), f.inspectingBody(), f.unitName(), plus(f.onSiteFrom(), days),
				plus(f.onSiteTo(), days), plus(f.feedbackDate(), days), f.documentNumbers(), f.concentratedMonths(),
				f.contactLine(), f.categoriesWith((problem, t) -> t.withDeadline(demoDeadline(problem,
						plus(t.deadline(), days), today))));
	}

	private static LocalDate demoDeadline(String problemCode, LocalDate shifted, LocalDate today) {
		return switch (problemCode) {
			case "1.5" -> today.plusDays(2);
			case "2.3" -> today.minusDays(3);
			case "2.4" -> today.minusDays(12);
			default -> shifted;
		};
	}

	private static Feedback copy(Feedback f, String suffix) {
		return new Feedback(f.title() + suffix, f.inspectingBody(), f.unitName(), f.onSiteFrom(), f.onSiteTo(),
				f.feedbackDate(), f.documentNumbers(), f.concentratedMonths(), f.contactLine(), f.categories());
	}

	private static LocalDate plus(LocalDate date, long days) {
		return (date == null) ? null : date.plusDays(days);
	}

	private void draftAndConsult(Long id) {
		complete(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_DRAFT_PLAN,
				DemoAccounts.RECTIFICATION_CLERK, Map.of(RectificationProcess.VAR_PLAN_SUMMARY,
						"照单全收巡察反馈意见，按问题清单、任务清单、责任清单逐项细化整改任务，明确责任领导、牵头部门和整改时限。"));
		for (Task t : open(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			completeAs(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意整改落实方案，建议按时间节点倒排工期。"));
		}
	}

	/**
	 * The reference case as it stood in mid-November: category (一) problems 1–2 closed off, problem 3 awaiting the
	 * leaders' review, category (二) problem 1 at on-site supervision, problem 2 at close-off, the rest with the
	 * departments; half of the self-checks in.
	 */
	private void walkThroughExecution(Long id) {
		draftAndConsult(id);
		complete(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
				DemoAccounts.SECRETARY, Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		complete(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
				DemoAccounts.INSPECTOR, Map.of(RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
		// The tasks start in a job (asyncBefore); run it here, in this transaction, to walk on from the started tasks.
		this.plans.launchNow(id);
		for (RectificationTask task : this.tasks.tasksOf(id)) {
			String problem = task.getCode().substring(0, task.getCode().lastIndexOf('.'));
			switch (problem) {
				case "1.1", "1.2" -> advance(task, 4);
				case "1.3" -> advance(task, 1);
				case "2.1" -> advance(task, 2);
				case "2.2" -> advance(task, 3);
				default -> {
				}
			}
		}
		deadlinesAtWork(id);
		List<Task> selfChecks = open(SupervisionProcess.PROCESS_KEY, id, SupervisionProcess.USER_TASK_SELF_CHECK);
		for (Task t : selfChecks.subList(0, selfChecks.size() / 2)) {
			String department = (String) this.taskService.getVariable(t.getId(), SupervisionProcess.VAR_DEPARTMENT);
			completeAs(t, DemoAccounts.staffOf(Department.byGroupId(department).orElseThrow()), Map.of(SupervisionProcess.VAR_SELF_CHECK_REPORT,
					"对照任务清单逐项自查，已完成的任务均有佐证材料，未完成任务已明确时间节点。"));
		}
	}

	/**
	 * Deadlines at work: a task of problem 1.4 was granted an extension, one of problem 1.5 (due in two days) waits
	 * for its leader to decide an extension request, and one of problem 1.3 was sent back by its leader.
	 */
	private void deadlinesAtWork(Long id) {
		for (RectificationTask task : this.tasks.tasksOf(id)) {
			String staff = DemoAccounts.staffOf(Department.byGroupId(task.getLeadDepartment()).orElseThrow());
			List<String> groups = this.directory.groupIds(staff);
			switch (task.getCode()) {
				case "1.4.1" -> {
					this.deadlines.requestExtension(task.getId(), task.getDeadline().plusDays(30),
							"涉及制度修订需提交党委会审议，会期安排在下月初，申请延期一个月。", staff, groups);
					this.deadlines.decideExtensionAs(task.getId(), RectificationTaskProcess.APPROVE, "同意，务必在新期限内完成。",
							task.getResponsibleLeader());
				}
				case "1.5.1" -> this.deadlines.requestExtension(task.getId(), task.getDeadline().plusDays(20),
						"需待寒假学生离校后集中开展宿舍维修，申请延期至寒假结束前。", staff, groups);
				case "1.3.1" -> complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
						RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
						Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.RETURN,
								RectificationTaskProcess.VAR_LEADER_REASON, "佐证材料不完整，请补充制度印发文件和学习记录。"));
				default -> {
				}
			}
		}
	}

	/** Takes a task through {@code steps} of: submit, leader accepts, discipline signs off, close-off as completed. */
	private void advance(RectificationTask task, int steps) {
		String key = RectificationTaskProcess.PROCESS_KEY;
		String staff = DemoAccounts.staffOf(Department.byGroupId(task.getLeadDepartment()).orElseThrow());
		this.evidence.upload(task.getId(), new EvidenceService.Upload(task.getCode() + "-整改佐证材料.txt", "text/plain",
				("细化任务 " + task.getCode() + " 整改佐证：" + task.getTitle()).getBytes(StandardCharsets.UTF_8), "整改落实情况说明"),
				staff);
		complete(key, task.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, staff,
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按整改措施逐项落实，相关制度已印发，佐证材料已上传。"));
		if (steps > 1) {
			complete(key, task.getId(), RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
					Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
		}
		if (steps > 2) {
			complete(key, task.getId(), RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, DemoAccounts.DISCIPLINE_OFFICER,
					Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION, RectificationTaskProcess.ACCEPT,
							RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查佐证材料，整改措施已落实。"));
		}
		if (steps > 3) {
			complete(key, task.getId(), RectificationTaskProcess.USER_TASK_CLOSE_OFF, DemoAccounts.RECTIFICATION_CLERK,
					Map.of(RectificationTaskProcess.VAR_OUTCOME, "COMPLETED"));
		}
	}

	private List<Task> open(String processKey, Long businessKey, String taskKey) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(String.valueOf(businessKey))
			.taskDefinitionKey(taskKey)
			.list();
	}

	private void complete(String processKey, Long businessKey, String taskKey, String userId, Map<String, Object> variables) {
		for (Task t : open(processKey, businessKey, taskKey)) {
			completeAs(t, userId, variables);
		}
	}

	private void completeAs(Task task, String userId, Map<String, Object> variables) {
		this.identityService.setAuthentication(userId, this.directory.groupIds(userId), this.units.tenantIds(userId));
		try {
			this.taskService.claim(task.getId(), userId);
			this.taskService.complete(task.getId(), variables);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}

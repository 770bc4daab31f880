package org.rectiflow;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.unit.Units;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives processes in tests the way people do: finds the open task by business key and definition key, completes it
 * as a named person with the variables a form would submit. Timers and jobs are executed by hand.
 */
@Component
public class ProcessDriver {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	private final PlanService plans;

	private final RectificationTaskService tasks;

	private final EvidenceService evidence;

	private final Directory directory;

	private final WorkingDays workingDays;

	private final Units units;

	ProcessDriver(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			IdentityService identityService, PlanService plans, RectificationTaskService tasks,
			EvidenceService evidence, Directory directory, WorkingDays workingDays, Units units) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.identityService = identityService;
		this.plans = plans;
		this.tasks = tasks;
		this.evidence = evidence;
		this.directory = directory;
		this.workingDays = workingDays;
		this.units = units;
	}

	/** The application's working-day calendar, as deadlines and lights use it. */
	public WorkingDays workingDays() {
		return this.workingDays;
	}

	public Inspection register(Feedback feedback) {
		return this.plans.register(feedback);
	}

	public ProcessInstance rectification(Long inspectionId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.singleResult();
	}

	public ProcessInstance instance(String processKey, Object businessKey) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(String.valueOf(businessKey))
			.singleResult();
	}

	public List<Task> open(String processKey, Object businessKey, String taskKey) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(String.valueOf(businessKey))
			.taskDefinitionKey(taskKey)
			.list();
	}

	public Task one(String processKey, Object businessKey, String taskKey) {
		List<Task> found = open(processKey, businessKey, taskKey);
		assertThat(found).as("open %s of %s %s", taskKey, processKey, businessKey).hasSize(1);
		return found.get(0);
	}

	/** Completes a task as {@code userId}, who is authenticated to the engine for the call, with their groups and units. */
	public void complete(Task task, String userId, Map<String, Object> variables) {
		this.identityService.setAuthentication(userId, this.directory.groupIds(userId), this.units.tenantIds(userId));
		try {
			this.taskService.claim(task.getId(), userId);
			this.taskService.complete(task.getId(), variables);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/** Completes a department's task (e.g. a self-check) as that department's clerk. */
	public void completeAsDepartment(Task task, Map<String, Object> variables) {
		String department = (String) this.taskService.getVariable(task.getId(), "department");
		complete(task, staffOf(department), variables);
	}

	public void complete(String processKey, Object businessKey, String taskKey, String userId,
			Map<String, Object> variables) {
		complete(one(processKey, businessKey, taskKey), userId, variables);
	}

	/** Drafts, consults on, approves and files the plan: the tasks start. */
	public void filePlan(Long inspectionId) {
		approvePlan(inspectionId);
		fileApprovedPlan(inspectionId);
	}

	/** The inspection office accepts the approved plan's filing, and the launch job starts the tasks. */
	public void fileApprovedPlan(Long inspectionId) {
		acceptFiling(inspectionId);
		launch(inspectionId);
	}

	/** The inspection office accepts the approved plan's filing: the launch of the tasks waits as a job. */
	public void acceptFiling(Long inspectionId) {
		complete(RectificationProcess.PROCESS_KEY, inspectionId,
				RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE, DemoAccounts.INSPECTOR,
				Map.of(RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
	}

	/** The job that launches a filed plan's tasks (asyncBefore {@code serviceTask_startRectificationTasks}). */
	public Job launchJob(Long inspectionId) {
		List<Job> jobs = this.managementService.createJobQuery()
			.processInstanceId(rectification(inspectionId).getId())
			.activityId(RectificationProcess.SERVICE_TASK_START_RECTIFICATION_TASKS)
			.list();
		assertThat(jobs).as("launch job of inspection %s", inspectionId).hasSize(1);
		return jobs.get(0);
	}

	/** Executes the launch job of a filed plan, as the job executor would once the filing is committed. */
	public void launch(Long inspectionId) {
		this.managementService.executeJob(launchJob(inspectionId).getId());
	}

	/** Drafts, consults on and approves the plan: it waits to be filed with the inspection office. */
	public void approvePlan(Long inspectionId) {
		String key = RectificationProcess.PROCESS_KEY;
		complete(key, inspectionId, RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "按照三个清单逐项细化整改任务，明确责任领导和期限"));
		for (Task t : open(key, inspectionId, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			complete(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意方案，建议细化时间节点"));
		}
		complete(key, inspectionId, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
	}

	public void uploadEvidence(RectificationTask task) {
		this.evidence.upload(task.getId(), new EvidenceService.Upload("宿舍维修考核办法.pdf", "application/pdf",
				"%PDF-1.4 evidence".getBytes(StandardCharsets.UTF_8), "考核办法"), "logisticsDepartmentStaff");
	}

	/**
	 * Carries one task from submission to close-off with the given outcome; the department's account says it did
	 * what its measures said.
	 */
	public void settle(RectificationTask task, String outcome) {
		List<String> measures = this.tasks.measuresOf(task.getId()).stream().map((m) -> m.getContent()).toList();
		settle(task, outcome, (measures.isEmpty() ? "" : String.join("；", measures) + "。") + "已按措施完成整改并上传佐证材料",
				Map.of());
	}

	/**
	 * Carries one task from submission to close-off with the given outcome, the department's account of what it
	 * did, and more close-off fields (e.g. the effectiveness evaluation).
	 */
	public void settle(RectificationTask task, String outcome, String account, Map<String, Object> closeOff) {
		String key = RectificationTaskProcess.PROCESS_KEY;
		uploadEvidence(task);
		complete(key, task.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
				staffOf(task.getLeadDepartment()),
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, account));
		complete(key, task.getId(), RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
		complete(key, task.getId(), RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION,
				DemoAccounts.DISCIPLINE_OFFICER, Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION,
						RectificationTaskProcess.ACCEPT, RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查材料齐全，措施落实到位"));
		Map<String, Object> closing = new java.util.HashMap<>(closeOff);
		closing.put(RectificationTaskProcess.VAR_OUTCOME, outcome);
		complete(key, task.getId(), RectificationTaskProcess.USER_TASK_CLOSE_OFF, DemoAccounts.RECTIFICATION_CLERK,
				closing);
	}

	/** A clerk of the department: the demo's for the first unit's departments, else the department's first member. */
	public String staffOf(String department) {
		return Department.byGroupId(department)
			.map(DemoAccounts::staffOf)
			.orElseGet(() -> this.identityService.createUserQuery()
				.memberOfGroup(department)
				.orderByUserId()
				.asc()
				.listPage(0, 1)
				.stream()
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("nobody in department " + department))
				.getId());
	}

	public List<RectificationTask> tasksOf(Long inspectionId) {
		return this.tasks.tasksOf(inspectionId);
	}

	public RectificationTask task(Long inspectionId, String code) {
		return tasksOf(inspectionId).stream().filter((t) -> t.getCode().equals(code)).findFirst().orElseThrow();
	}

	/** Executes the single timer job of an instance, as the job executor would when it falls due. */
	public void fireTimer(String processKey, Object businessKey) {
		ProcessInstance instance = instance(processKey, businessKey);
		List<Job> jobs = this.managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
		assertThat(jobs).as("timers of %s %s", processKey, businessKey).hasSize(1);
		this.managementService.executeJob(jobs.get(0).getId());
	}

	/** Fires the one timer waiting at the given BPMN element (a boundary or intermediate timer event). */
	public void fireTimer(String processKey, Object businessKey, String activityId) {
		this.managementService.executeJob(timer(processKey, businessKey, activityId).getId());
	}

	/** The one timer job waiting at the given BPMN element. */
	public Job timer(String processKey, Object businessKey, String activityId) {
		ProcessInstance instance = instance(processKey, businessKey);
		List<Job> jobs = this.managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.timers()
			.list();
		assertThat(jobs).as("timers of %s %s at %s", processKey, businessKey, activityId).hasSize(1);
		return jobs.get(0);
	}

	/** How many timers wait at the given BPMN element. */
	public long timers(String processKey, Object businessKey, String activityId) {
		ProcessInstance instance = instance(processKey, businessKey);
		return this.managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.timers()
			.count();
	}

}

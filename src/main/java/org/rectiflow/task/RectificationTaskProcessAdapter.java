package org.rectiflow.task;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.engine.EngineCommands;
import org.rectiflow.engine.GrantInstanceReads;
import org.rectiflow.engine.Unauthenticated;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Units;
import org.springframework.stereotype.Component;

/**
 * The only class that talks to the engine about {@code rectificationTaskProcess} instances (business key = task id).
 */
@Component
public class RectificationTaskProcessAdapter {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final RepositoryService repositoryService;

	private final EngineCommands commands;

	private final AuditLog auditLog;

	private final Units units;

	private final AuthorizationService authorizationService;

	RectificationTaskProcessAdapter(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
			RepositoryService repositoryService, EngineCommands commands, AuditLog auditLog, Units units,
			AuthorizationService authorizationService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.repositoryService = repositoryService;
		this.commands = commands;
		this.auditLog = auditLog;
		this.units = units;
		this.authorizationService = authorizationService;
	}

	/** What a task instance needs to explain itself to the people working on it. */
	public record StartContext(String inspectionTitle, String problemTitle, String measures, String leadDepartmentName,
			String responsibleLeaderName, DeadlineTimes.Times times, String stageReportPeriod, String evidenceSummary) {
	}

	/** A task to start, with what its instance shows. */
	public record Start(RectificationTask task, StartContext context) {
	}

	/**
	 * Starts one instance per task, in the caller's transaction, and lets those the task is theirs read its instance
	 * (the variables Tasklist shows with their steps): the lead and cooperating departments and the responsible
	 * leader. Nobody else but oversight does (see AuthorizationBootstrap). The latest definition is looked up once, and
	 * the grants are written together by {@link GrantInstanceReads} and audited as one entry: a filed plan of 70 tasks
	 * is one launch, not 280 separate permission changes.
	 */
	public List<ProcessInstance> startAll(List<Start> starts) {
		if (starts.isEmpty()) {
			return List.of();
		}
		String definitionId = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.latestVersion()
			.singleResult()
			.getId();
		List<ProcessInstance> instances = new ArrayList<>(starts.size());
		List<GrantInstanceReads.Grant> grants = new ArrayList<>();
		for (Start start : starts) {
			RectificationTask task = start.task();
			ProcessInstance instance = this.runtimeService.startProcessInstanceById(definitionId,
					String.valueOf(task.getId()), variables(task, start.context()));
			instances.add(instance);
			List<String> groups = new ArrayList<>(task.getCooperatingDepartments());
			groups.add(task.getLeadDepartment());
			grants.add(new GrantInstanceReads.Grant(instance.getId(), groups, task.getResponsibleLeader()));
		}
		this.commands.grantInstanceReads(grants);
		this.auditLog.record(AuditKind.PERMISSION_CHANGE, "GrantInstanceRead", GrantInstanceReads.describe(grants));
		return instances;
	}

	private static Map<String, Object> variables(RectificationTask task, StartContext context) {
		return Variables.createVariables()
			.putValue(RectificationTaskProcess.VAR_INSPECTION_ID, task.getInspectionId())
			.putValue(RectificationTaskProcess.VAR_INSPECTION_TITLE, context.inspectionTitle())
			.putValue(RectificationTaskProcess.VAR_TASK_ID, task.getId())
			.putValue(RectificationTaskProcess.VAR_TASK_CODE, task.getCode())
			.putValue(RectificationTaskProcess.VAR_TASK_TITLE, task.getTitle())
			.putValue(RectificationTaskProcess.VAR_PROBLEM_TITLE, context.problemTitle())
			.putValue(RectificationTaskProcess.VAR_MEASURES, context.measures())
			.putValue(RectificationTaskProcess.VAR_LEAD_DEPARTMENT, task.getLeadDepartment())
			.putValue(RectificationTaskProcess.VAR_LEAD_DEPARTMENT_NAME, context.leadDepartmentName())
			.putValue(RectificationTaskProcess.VAR_RESPONSIBLE_LEADER, task.getResponsibleLeader())
			.putValue(RectificationTaskProcess.VAR_RESPONSIBLE_LEADER_NAME, context.responsibleLeaderName())
			.putValue(RectificationTaskProcess.VAR_DEADLINE, task.getDeadline().toString())
			.putValue(RectificationTaskProcess.VAR_DUE_AT, Date.from(context.times().dueAt()))
			.putValue(RectificationTaskProcess.VAR_REMIND_AT, Date.from(context.times().remindAt()))
			.putValue(RectificationTaskProcess.VAR_GRACE_ENDS_AT, Date.from(context.times().graceEndsAt()))
			.putValue(RectificationTaskProcess.VAR_STAGE_REPORT_PERIOD, context.stageReportPeriod())
			.putValue(RectificationTaskProcess.VAR_EVIDENCE_SUMMARY, context.evidenceSummary())
			.putValue(RectificationTaskProcess.VAR_LAST_RETURN_REASON, "")
			.putValue(RectificationTaskProcess.VAR_CRITICISM_DECISION, RectificationTaskProcess.UNDECIDED);
	}

	public boolean isRunning(Long taskId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.count() > 0;
	}

	/** Ends a running instance, e.g. a long-term cycle that the inspection office reopened. */
	public void cancel(Long taskId, String reason) {
		this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.forEach((pi) -> this.runtimeService.deleteProcessInstance(pi.getId(), reason));
	}

	/** Keeps the evidence summary shown in the forms current after an upload. */
	public void updateEvidenceSummary(Long taskId, String summary) {
		instanceIds(taskId).forEach((id) -> this.runtimeService.setVariable(id,
				RectificationTaskProcess.VAR_EVIDENCE_SUMMARY, summary));
	}

	/** Raises the priority of the task's open user tasks once its deadline has passed. */
	public void raisePriority(Long taskId) {
		this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.forEach((t) -> this.taskService.setPriority(t.getId(), RectificationTaskProcess.OVERDUE_PRIORITY));
	}

	/**
	 * The definition key of the main-line user task the instance waits at, if any: what the ledger shows as "where
	 * it is". Side steps (an extension or a criticism to decide) run beside it and are left out.
	 */
	public Optional<String> currentStep(Long taskId) {
		return openSteps(taskId).stream().filter((s) -> !RectificationTaskProcess.SIDE_STEPS.contains(s)).findFirst();
	}

	/** Every user task open on the task: the main step and any side steps. */
	public List<String> openSteps(Long taskId) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
	}

	/**
	 * Hands a department's extension request to the process, which opens the responsible leader's decision beside
	 * the department's step. No waiting step (handed in meanwhile, or already asking) is a conflict.
	 */
	public void requestExtension(Long taskId, Map<String, Object> variables) {
		List<String> ids = instanceIds(taskId);
		if (ids.isEmpty()) {
			throw new RectiflowException.Conflict("error.extension.notNow");
		}
		try {
			this.runtimeService.createMessageCorrelation(RectificationTaskProcess.MESSAGE_EXTENSION_REQUESTED)
				.processInstanceId(ids.get(0))
				.setVariables(variables)
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new RectiflowException.Conflict("error.extension.notNow");
		}
	}

	private List<String> instanceIds(Long taskId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
	}

	/** A step a task waits at, as found by {@link #waiting}; completed by {@link #complete(Step, String, List, Map)}. */
	public record Step(String engineTaskId, String assignee) {
	}

	/** The step the task waits at, if it is this one: one query. */
	public Optional<Step> waiting(Long taskId, String step) {
		Task task = this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.taskDefinitionKey(step)
			.singleResult();
		return Optional.ofNullable(task).map((t) -> new Step(t.getId(), t.getAssignee()));
	}

	/**
	 * Completes the step the task waits at as this person, with the engine checking that they may (they claim it
	 * first if nobody has, as in Tasklist). Runs in the caller's transaction, so the caller's own changes and the
	 * engine's stand or fall together. Someone else having done the step first is a conflict, not an error.
	 */
	public void complete(Long taskId, String step, String userId, List<String> groupIds, Map<String, Object> variables) {
		complete(awaited(taskId, step, userId, () -> new RectiflowException.Conflict("error.step.gone")), userId,
				groupIds, variables);
	}

	/**
	 * The step the task waits at, for this person to complete. If it waits no longer because this very person
	 * completed it (a retry after a lost answer, a second click), {@link RectiflowException.AlreadyDone} says when;
	 * otherwise the caller's refusal. The history is read only when the step is not waiting.
	 */
	public Step awaited(Long taskId, String step, String userId, Supplier<? extends RectiflowException> otherwise) {
		Optional<Step> waiting = waiting(taskId, step);
		if (waiting.isPresent()) {
			return waiting.get();
		}
		this.commands.refuseIfDoneBy(userId, RectificationTaskProcess.PROCESS_KEY, String.valueOf(taskId), step);
		throw otherwise.get();
	}

	/** As {@link #complete(Long, String, String, List, Map)}, for a step the caller has just found waiting. */
	public void complete(Step step, String userId, List<String> groupIds, Map<String, Object> variables) {
		this.commands.completeAs(step.engineTaskId(), step.assignee(), userId, groupIds, this.units.tenantIds(userId),
				variables);
	}

	/**
	 * Tells the department why the task runs again when it was not sent back by a step of its own process (a failed
	 * re-check): the running instance keeps the reason where the task page shows a return reason.
	 */
	public void keepReturnReason(Long taskId, String reason) {
		instanceIds(taskId).forEach((id) -> this.runtimeService.setVariable(id,
				RectificationTaskProcess.VAR_LAST_RETURN_REASON, reason));
	}

	/** Why the task was last sent back to the department (by the leader or on site), or empty. */
	public String lastReturnReason(Long taskId) {
		List<String> ids = instanceIds(taskId);
		if (ids.isEmpty()) {
			return "";
		}
		Object reason = this.runtimeService.getVariable(ids.get(0), RectificationTaskProcess.VAR_LAST_RETURN_REASON);
		return (reason == null) ? "" : reason.toString();
	}

	/**
	 * Hands a task over from its responsible leader to a successor (工作交接), in the caller's transaction so that the
	 * ledger row and the engine change together: the instance's {@code responsibleLeader} variables name the successor,
	 * who may read the instance; every open step assigned to the predecessor (the leader's review, an extension to
	 * decide) is assigned to the successor, and the predecessor's own grant on it goes, so they can no longer work it
	 * through Tasklist or the REST API; a candidacy of the predecessor becomes the successor's. Steps created later
	 * name the successor by themselves ({@link RectificationTasks#responsibleLeader} reads the ledger row). Runs with
	 * nobody authenticated: it is the office's decision, carried out by the application, not a person's step.
	 */
	public void handOver(Long taskId, String from, String to, String toName) {
		Unauthenticated.call(this.identityService, () -> {
			for (String instanceId : instanceIds(taskId)) {
				this.runtimeService.setVariable(instanceId, RectificationTaskProcess.VAR_RESPONSIBLE_LEADER, to);
				this.runtimeService.setVariable(instanceId, RectificationTaskProcess.VAR_RESPONSIBLE_LEADER_NAME, toName);
				boolean reads = this.authorizationService.createAuthorizationQuery()
					.userIdIn(to)
					.resourceType(Resources.PROCESS_INSTANCE)
					.resourceId(instanceId)
					.count() > 0;
				if (!reads) {
					this.commands.grantInstanceReads(List.of(new GrantInstanceReads.Grant(instanceId, List.of(), to)));
				}
			}
			for (Task step : this.taskService.createTaskQuery()
				.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
				.processInstanceBusinessKey(String.valueOf(taskId))
				.list()) {
				if (from.equals(step.getAssignee())) {
					this.taskService.setAssignee(step.getId(), to);
					this.authorizationService.createAuthorizationQuery()
						.userIdIn(from)
						.resourceType(Resources.TASK)
						.resourceId(step.getId())
						.list()
						.forEach((grant) -> this.authorizationService.deleteAuthorization(grant.getId()));
				}
				for (IdentityLink link : this.taskService.getIdentityLinksForTask(step.getId())) {
					if (IdentityLinkType.CANDIDATE.equals(link.getType()) && from.equals(link.getUserId())) {
						this.taskService.deleteCandidateUser(step.getId(), from);
						this.taskService.addCandidateUser(step.getId(), to);
					}
				}
			}
			return null;
		});
	}

}

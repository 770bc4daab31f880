package org.rectiflow.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.rectiflow.engine.EngineCommands;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Units;
import org.springframework.stereotype.Component;

/**
 * The only class that talks to the engine about {@code rectificationProcess} instances (business key = inspection id).
 */
@Component
public class RectificationProcessAdapter {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final ManagementService managementService;

	private final RepositoryService repositoryService;

	private final EngineCommands commands;

	private final Units units;

	RectificationProcessAdapter(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
			ManagementService managementService, RepositoryService repositoryService, EngineCommands commands,
			Units units) {
		this.commands = commands;
		this.units = units;
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
		this.managementService = managementService;
	}

	/**
	 * A filed plan whose tasks are still to start: the job before {@code serviceTask_startRectificationTasks} waits
	 * for the job executor, or has {@code failed} (its retries are used up and Cockpit shows an incident).
	 */
	public record Launch(Long inspectionId, int taskCount, boolean failed) {
	}

	/** The launches that wait or have failed, by inspection id; empty, after one query, when there are none. */
	public Map<Long, Launch> launches() {
		return launches(this.managementService.createJobQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.activityId(RectificationProcess.SERVICE_TASK_START_RECTIFICATION_TASKS)
			.list());
	}

	/** The inspection's launch if it waits or has failed. */
	public Optional<Launch> launch(Long inspectionId) {
		return instance(inspectionId).map((pi) -> launches(launchJobs(pi.getId())).get(inspectionId));
	}

	/**
	 * Runs the inspection's waiting launch now, in the caller's transaction, as the job executor would: the demo
	 * data walks on from a filed plan at once. Returns whether there was one to run.
	 */
	public boolean launchNow(Long inspectionId) {
		List<Job> jobs = instance(inspectionId).map((pi) -> launchJobs(pi.getId())).orElse(List.of());
		jobs.forEach((job) -> this.managementService.executeJob(job.getId()));
		return !jobs.isEmpty();
	}

	private List<Job> launchJobs(String processInstanceId) {
		return this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(RectificationProcess.SERVICE_TASK_START_RECTIFICATION_TASKS)
			.list();
	}

	private Map<Long, Launch> launches(List<Job> jobs) {
		if (jobs.isEmpty()) {
			return Map.of();
		}
		Set<String> instanceIds = new HashSet<>();
		jobs.forEach((job) -> instanceIds.add(job.getProcessInstanceId()));
		Map<String, Integer> taskCounts = new HashMap<>();
		for (VariableInstance v : this.runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(instanceIds.toArray(String[]::new))
			.variableName(RectificationProcess.VAR_TASK_COUNT)
			.list()) {
			if (v.getValue() instanceof Number n) {
				taskCounts.put(v.getProcessInstanceId(), n.intValue());
			}
		}
		Map<String, Long> inspectionIds = new HashMap<>();
		this.runtimeService.createProcessInstanceQuery()
			.processInstanceIds(instanceIds)
			.list()
			.forEach((pi) -> inspectionIds.put(pi.getId(), Long.valueOf(pi.getBusinessKey())));
		Map<Long, Launch> launches = new HashMap<>();
		for (Job job : jobs) {
			Long inspectionId = inspectionIds.get(job.getProcessInstanceId());
			if (inspectionId != null) {
				launches.put(inspectionId, new Launch(inspectionId, taskCounts.getOrDefault(job.getProcessInstanceId(), 0),
						job.getRetries() == 0));
			}
		}
		return launches;
	}

	/** A step of the instance as the engine's history keeps it: the element, when it began and when it was done. */
	public record Step(String activityId, Instant startedAt, Instant endedAt) {
	}

	/**
	 * The steps of the instance that were begun, oldest first, whether the instance still runs or has ended; the
	 * reports date the meetings they describe from these, so nothing is typed twice.
	 */
	public List<Step> history(Long inspectionId) {
		List<String> instanceIds = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		List<Step> steps = new ArrayList<>();
		for (String instanceId : instanceIds) {
			for (HistoricActivityInstance a : this.historyService.createHistoricActivityInstanceQuery()
				.processInstanceId(instanceId)
				.list()) {
				steps.add(new Step(a.getActivityId(), a.getStartTime().toInstant(),
						(a.getEndTime() != null) ? a.getEndTime().toInstant() : null));
			}
		}
		steps.sort(Comparator.comparing(Step::startedAt));
		return steps;
	}

	public ProcessInstance start(Inspection inspection, List<String> leaders, String lookBackPeriod, long problemCount,
			long taskCount) {
		Map<String, Object> variables = Variables.createVariables()
			.putValue(RectificationProcess.VAR_INSPECTION_ID, inspection.getId())
			.putValue(RectificationProcess.VAR_INSPECTION_TITLE, inspection.getTitle())
			.putValue(RectificationProcess.VAR_UNIT_NAME, inspection.getUnitName())
			.putValue(RectificationProcess.VAR_LEADERS, new ArrayList<>(leaders))
			.putValue(RectificationProcess.VAR_LOOK_BACK_PERIOD, lookBackPeriod)
			.putValue(RectificationProcess.VAR_PROBLEM_COUNT, (int) problemCount)
			.putValue(RectificationProcess.VAR_TASK_COUNT, (int) taskCount);
		return this.runtimeService.startProcessInstanceByKey(RectificationProcess.PROCESS_KEY,
				String.valueOf(inspection.getId()), variables);
	}

	/**
	 * Tells the instance that every task is settled. Correlates only where the instance waits for it (after filing,
	 * or after a reopen); at any other time there is nothing to tell, and nothing happens.
	 */
	public void notifyAllTasksSettled(Long inspectionId) {
		this.runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_ALL_TASKS_SETTLED)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.correlateAllWithResult();
	}

	public boolean isRunning(Long inspectionId) {
		return instance(inspectionId).isPresent();
	}

	public Optional<ProcessInstance> instance(Long inspectionId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.list()
			.stream()
			.findFirst();
	}

	/** The user tasks the instance waits at, e.g. one per consulted leader during opinion solicitation. */
	public List<Task> openTasks(Long inspectionId) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.initializeFormKeys()
			.list();
	}

	/**
	 * Whether the plan is being drafted: the instance waits at {@code userTask_draftPlan} (first drafting, or after the
	 * committee sent it back). At opinion solicitation, committee approval and filing it is not, though the inspection
	 * is still in planning.
	 */
	public boolean isDraftingPlan(Long inspectionId) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.taskDefinitionKey(RectificationProcess.USER_TASK_DRAFT_PLAN)
			.count() > 0;
	}

	public void updateCounts(Long inspectionId, long problemCount, long taskCount) {
		instance(inspectionId).ifPresent((pi) -> {
			this.runtimeService.setVariable(pi.getId(), RectificationProcess.VAR_PROBLEM_COUNT, (int) problemCount);
			this.runtimeService.setVariable(pi.getId(), RectificationProcess.VAR_TASK_COUNT, (int) taskCount);
		});
	}

	/**
	 * Completes a step of the inspection's process as this person, with the engine checking that they may (the
	 * portal's step page): the step must be one the instance waits at.
	 */
	public void complete(Long inspectionId, String engineTaskId, String userId, List<String> groupIds,
			Map<String, Object> variables) {
		boolean ours = this.taskService.createTaskQuery()
			.taskId(engineTaskId)
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.count() > 0;
		if (!ours) {
			throw new RectiflowException.Conflict("error.step.gone");
		}
		this.commands.completeAs(engineTaskId, userId, groupIds, this.units.tenantIds(userId), variables);
	}

	/**
	 * A time the plan was sent back (by the Party committee or at filing): who, when, why, and the plan summary and
	 * counts as they stood then; the latest first.
	 */
	public record PlanReturn(String step, String by, Instant at, String reason, String planSummary, Integer problemCount,
			Integer taskCount) {
	}

	/** The plan's returns, latest first, from the engine's history (a few queries, whatever the plan's size). */
	public List<PlanReturn> planReturns(Long inspectionId) {
		Optional<HistoricProcessInstance> instance = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst();
		if (instance.isEmpty()) {
			return List.of();
		}
		String instanceId = instance.get().getId();
		List<HistoricVariableUpdate> updates = this.historyService.createHistoricDetailQuery()
			.processInstanceId(instanceId)
			.variableUpdates()
			.orderByTime()
			.asc()
			.list()
			.stream()
			.map(HistoricVariableUpdate.class::cast)
			.toList();
		List<HistoricTaskInstance> decided = this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(instanceId)
			.taskDefinitionKeyIn(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
					RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.list();
		List<PlanReturn> returns = new ArrayList<>();
		for (HistoricTaskInstance task : decided) {
			boolean committee = RectificationProcess.USER_TASK_COMMITTEE_APPROVAL.equals(task.getTaskDefinitionKey());
			String decision = committee ? RectificationProcess.VAR_COMMITTEE_DECISION : RectificationProcess.VAR_FILING_DECISION;
			String reasonVar = committee ? RectificationProcess.VAR_COMMITTEE_REASON : RectificationProcess.VAR_FILING_OPINION;
			Instant end = task.getEndTime().toInstant();
			if (!RectificationProcess.RETURN.equals(valueAt(updates, decision, end))) {
				continue;
			}
			Object reason = valueAt(updates, reasonVar, end);
			Object summary = valueAt(updates, RectificationProcess.VAR_PLAN_SUMMARY, end);
			returns.add(new PlanReturn(task.getTaskDefinitionKey(), task.getAssignee(), end,
					(reason == null) ? "" : reason.toString(), (summary == null) ? "" : summary.toString(),
					intOrNull(valueAt(updates, RectificationProcess.VAR_PROBLEM_COUNT, end)),
					intOrNull(valueAt(updates, RectificationProcess.VAR_TASK_COUNT, end))));
		}
		return returns;
	}

	/** The last value a variable was given up to this moment (a decision written by the step that ended then). */
	private static Object valueAt(List<HistoricVariableUpdate> updates, String name, Instant at) {
		Object value = null;
		for (HistoricVariableUpdate update : updates) {
			if (name.equals(update.getVariableName()) && !update.getTime().toInstant().isAfter(at)) {
				value = update.getValue();
			}
		}
		return value;
	}

	private static Integer intOrNull(Object value) {
		return (value instanceof Number n) ? n.intValue() : null;
	}

	/** The current plan summary and counts of the inspection's running process (empty values when none runs). */
	public Map<String, Object> planVariables(Long inspectionId) {
		return instance(inspectionId)
			.map((pi) -> this.runtimeService.getVariables(pi.getId(), List.of(RectificationProcess.VAR_PLAN_SUMMARY,
					RectificationProcess.VAR_PROBLEM_COUNT, RectificationProcess.VAR_TASK_COUNT)))
			.orElse(Map.of());
	}

	/** A step waiting in an inspection's rectification process: for the office's views across units (issue 18). */
	public record WaitingStep(Long inspectionId, String taskId, String activityId, String name, Instant since,
			String unitId) {
	}

	/**
	 * The user tasks the rectification processes of these units wait at, of the given elements (all when none are
	 * given): two queries whatever the number of units, the engine's tenant filter doing the cut.
	 */
	public List<WaitingStep> waitingSteps(Collection<String> unitIds, String... activityIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		TaskQuery query = this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.tenantIdIn(unitIds.toArray(String[]::new));
		if (activityIds.length > 0) {
			query.taskDefinitionKeyIn(activityIds);
		}
		List<Task> tasks = query.orderByTaskCreateTime().asc().list();
		Map<String, Long> inspections = businessKeys(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
		List<WaitingStep> steps = new ArrayList<>();
		for (Task task : tasks) {
			Long inspectionId = inspections.get(task.getProcessInstanceId());
			if (inspectionId != null) {
				steps.add(new WaitingStep(inspectionId, task.getId(), task.getTaskDefinitionKey(), task.getName(),
						(task.getCreateTime() == null) ? null : task.getCreateTime().toInstant(), task.getTenantId()));
			}
		}
		return steps;
	}

	/**
	 * When each inspection's plan of these units was filed (the office accepted it; the last time, after a relapse),
	 * by inspection id, from the engine's history: two queries (and one per version of the process) whatever the
	 * number of units.
	 */
	public Map<Long, Instant> filedAt(Collection<String> unitIds) {
		if (unitIds.isEmpty()) {
			return Map.of();
		}
		// By definition (every version of the process), then element and units: the engine's index on the definition
		// leads to this process's few rows, where a cut by tenant alone would read every task process's history too.
		List<HistoricActivityInstance> filings = new ArrayList<>();
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.list()) {
			filings.addAll(this.historyService.createHistoricActivityInstanceQuery()
				.processDefinitionId(definition.getId())
				.activityId(RectificationProcess.GATEWAY_START_RECTIFICATION)
				.tenantIdIn(unitIds.toArray(String[]::new))
				.list());
		}
		Set<String> instanceIds = filings.stream().map(HistoricActivityInstance::getProcessInstanceId).collect(Collectors.toSet());
		Map<String, Long> inspections = new HashMap<>();
		if (!instanceIds.isEmpty()) {
			this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceIds(instanceIds)
				.list()
				.forEach((pi) -> inspections.put(pi.getId(), Long.valueOf(pi.getBusinessKey())));
		}
		Map<Long, Instant> filed = new HashMap<>();
		for (HistoricActivityInstance a : filings) {
			Long inspectionId = inspections.get(a.getProcessInstanceId());
			if (inspectionId != null) {
				filed.merge(inspectionId, a.getStartTime().toInstant(), (x, y) -> x.isAfter(y) ? x : y);
			}
		}
		return filed;
	}

	private Map<String, Long> businessKeys(Set<String> processInstanceIds) {
		Map<String, Long> keys = new HashMap<>();
		if (!processInstanceIds.isEmpty()) {
			this.runtimeService.createProcessInstanceQuery()
				.processInstanceIds(processInstanceIds)
				.list()
				.forEach((pi) -> keys.put(pi.getId(), Long.valueOf(pi.getBusinessKey())));
		}
		return keys;
	}

}

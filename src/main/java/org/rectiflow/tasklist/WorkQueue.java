package org.rectiflow.tasklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/**
 * A person's work across every process, as Tasklist shows it, for the portal's home page: what waits for them
 * (assigned to them or offered to one of their groups) and what was done recently within their reach. Reads only;
 * the process adapters do the work. A fixed number of queries per page, whatever the number of tasks.
 */
@Component
public class WorkQueue {

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final RepositoryService repositoryService;

	WorkQueue(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
			RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
	}

	/**
	 * One engine task waiting for the person; {@code rectificationTaskId} is set when it belongs to a rectification
	 * task, whose portal page is where it is done.
	 */
	public record Todo(String id, String taskDefinitionKey, String name, Instant created, Instant due,
			boolean assignedToMe, Long rectificationTaskId) {
	}

	/** One step someone finished. */
	public record Activity(String taskDefinitionKey, String name, String doneBy, Instant at, Long rectificationTaskId) {
	}

	public record Page<T>(List<T> items, long total) {
	}

	/**
	 * What waits for the person, soonest due first, then what has no due date (newest first): the same order on H2
	 * and PostgreSQL, which disagree on where a null due date sorts. At most three queries.
	 */
	public Page<Todo> todos(String userId, Collection<String> groupIds, int limit) {
		return todos(userId, groupIds, null, limit);
	}

	/**
	 * The same, within these units (tenant ids; {@code null}: every unit): the role groups are global, so a step
	 * offered to the rectification office is the office's of its unit only (issue 18).
	 */
	public Page<Todo> todos(String userId, Collection<String> groupIds, Collection<String> units, int limit) {
		if (units != null && units.isEmpty()) {
			return new Page<>(List.of(), 0);
		}
		Supplier<TaskQuery> mine = () -> mine(userId, groupIds, units);
		List<Task> tasks = new ArrayList<>(mine.get()
			.dueAfter(new Date(0))
			.orderByDueDate()
			.asc()
			.orderByTaskCreateTime()
			.desc()
			.listPage(0, limit));
		if (tasks.size() < limit) {
			tasks.addAll(mine.get().withoutDueDate().orderByTaskCreateTime().desc().listPage(0, limit - tasks.size()));
		}
		Map<String, String> businessKeys = rectificationBusinessKeys(
				tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
		List<Todo> todos = tasks.stream()
			.map((t) -> new Todo(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getCreateTime().toInstant(),
					(t.getDueDate() == null) ? null : t.getDueDate().toInstant(), userId.equals(t.getAssignee()),
					taskId(businessKeys.get(t.getProcessInstanceId()))))
			.toList();
		return new Page<>(todos, mine.get().count());
	}

	/**
	 * The most recent steps finished by the person or offered to their department; everything for those who follow
	 * the whole rectification ({@code seeAll}).
	 */
	public List<Activity> recent(String userId, String department, boolean seeAll, int limit) {
		return recent(userId, department, seeAll, null, limit);
	}

	/** The same, within these units (tenant ids; {@code null}: every unit). */
	public List<Activity> recent(String userId, String department, boolean seeAll, Collection<String> units, int limit) {
		if (units != null && units.isEmpty()) {
			return List.of();
		}
		HistoricTaskInstanceQuery query = this.historyService.createHistoricTaskInstanceQuery().finished();
		if (units != null) {
			query = query.tenantIdIn(units.toArray(String[]::new));
		}
		if (!seeAll) {
			query = query.or().taskAssignee(userId);
			if (department != null) {
				query = query.taskHadCandidateGroup(department);
			}
			query = query.endOr();
		}
		List<HistoricTaskInstance> done = query.orderByHistoricTaskInstanceEndTime().desc().listPage(0, limit);
		Set<String> instanceIds = done.stream().map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet());
		Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
				: this.historyService.createHistoricProcessInstanceQuery()
					.processInstanceIds(instanceIds)
					.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
					.list()
					.stream()
					.collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
		return done.stream()
			.filter((t) -> "completed".equals(t.getDeleteReason()))
			.map((t) -> new Activity(t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getEndTime().toInstant(),
					taskId(businessKeys.get(t.getProcessInstanceId()))))
			.toList();
	}

	/**
	 * What "mine" means, here and in Tasklist's 我的待办 filter ({@code TasklistFilters}): assigned to me, or offered
	 * to one of my groups and taken by nobody yet, in my units.
	 */
	private TaskQuery mine(String userId, Collection<String> groupIds, Collection<String> units) {
		return inUnits(groupIds.isEmpty() ? this.taskService.createTaskQuery().taskAssignee(userId)
				: this.taskService.createTaskQuery()
					.or()
					.taskAssignee(userId)
					.taskCandidateGroupIn(List.copyOf(groupIds))
					.endOr(), units);
	}

	/**
	 * One step waiting for the person, as the portal's step page shows it: which process and which of its
	 * instances (business key), and the Camunda Form it links ({@code camunda:formRef}).
	 */
	public record OpenStep(String id, String taskDefinitionKey, String name, String processKey, String businessKey,
			String formRef, String assignee, Instant created, Instant due) {
	}

	/** The step, if it waits for this person (see {@link #mine}); empty for anyone else or a step no longer open. */
	public Optional<OpenStep> openStep(String taskId, String userId, Collection<String> groupIds,
			Collection<String> units) {
		if (units != null && units.isEmpty()) {
			return Optional.empty();
		}
		Task task = mine(userId, groupIds, units).taskId(taskId).initializeFormKeys().singleResult();
		if (task == null) {
			return Optional.empty();
		}
		String processKey = this.repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
		ProcessInstance instance = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult();
		String formRef = (task.getCamundaFormRef() == null) ? null : task.getCamundaFormRef().getKey();
		return Optional.of(new OpenStep(task.getId(), task.getTaskDefinitionKey(), task.getName(), processKey,
				(instance == null) ? null : instance.getBusinessKey(), formRef, task.getAssignee(),
				task.getCreateTime().toInstant(), (task.getDueDate() == null) ? null : task.getDueDate().toInstant()));
	}

	/** A step the person completed: its process and instance, and when. */
	public record DoneStep(String id, String taskDefinitionKey, String name, String processKey, String businessKey,
			Instant at) {
	}

	/** The step, if this very person completed it; empty otherwise (nothing is told of others' steps). */
	public Optional<DoneStep> doneStep(String taskId, String userId) {
		HistoricTaskInstance task = this.historyService.createHistoricTaskInstanceQuery()
			.taskId(taskId)
			.taskAssignee(userId)
			.finished()
			.singleResult();
		if (task == null || !"completed".equals(task.getDeleteReason())) {
			return Optional.empty();
		}
		HistoricProcessInstance instance = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult();
		return Optional.of(new DoneStep(task.getId(), task.getTaskDefinitionKey(), task.getName(),
				task.getProcessDefinitionKey(), (instance == null) ? null : instance.getBusinessKey(),
				task.getEndTime().toInstant()));
	}

	private static TaskQuery inUnits(TaskQuery query, Collection<String> units) {
		return (units == null) ? query : query.tenantIdIn(units.toArray(String[]::new));
	}

	private Map<String, String> rectificationBusinessKeys(Set<String> instanceIds) {
		if (instanceIds.isEmpty()) {
			return Map.of();
		}
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceIds(instanceIds)
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
	}

	private static Long taskId(String businessKey) {
		return (businessKey == null) ? null : Long.valueOf(businessKey);
	}

}

package org.rectiflow.recheck;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.engine.EngineCommands;
import org.rectiflow.engine.Unauthenticated;
import org.rectiflow.identity.Groups;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Units;
import org.springframework.stereotype.Component;

/**
 * The only class that talks to the engine about {@code reCheckProcess} instances (business key = re-check id). Each
 * instance carries the drawn task's inspection in {@code inspectionId}, which gives it the unit's tenant.
 */
@Component
public class ReCheckProcessAdapter {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final EngineCommands commands;

	private final Units units;

	ReCheckProcessAdapter(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
			EngineCommands commands, Units units) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.commands = commands;
		this.units = units;
	}

	/** Starts the re-check's instance in the caller's transaction. */
	public void start(Long reCheckId, Map<String, Object> variables) {
		this.runtimeService.startProcessInstanceByKey(ReCheckProcess.PROCESS_KEY, String.valueOf(reCheckId), variables);
	}

	/** The definition key of the user task the re-check waits at, if any. */
	public Optional<String> currentStep(Long reCheckId) {
		return waitingTask(reCheckId).map(Task::getTaskDefinitionKey);
	}

	/**
	 * Completes the re-check step as this person, with the engine checking that they may (a candidate, of the
	 * task's unit). A retried completion by the same person is {@link RectiflowException.AlreadyDone}; someone having
	 * done it first is a conflict ({@link EngineCommands#completeAs}).
	 */
	public void complete(Long reCheckId, String userId, List<String> groupIds, Map<String, Object> variables) {
		Task task = awaited(reCheckId, userId, () -> new RectiflowException.Conflict("error.step.gone"));
		this.commands.completeAs(task.getId(), task.getAssignee(), userId, groupIds, this.units.tenantIds(userId),
				variables);
	}

	/**
	 * The re-check step, if it waits. If it waits no longer because this very person completed it (a retry, a second
	 * click), {@link RectiflowException.AlreadyDone} says when; otherwise the caller's refusal.
	 */
	private Task awaited(Long reCheckId, String userId, Supplier<? extends RectiflowException> otherwise) {
		Optional<Task> waiting = waitingTask(reCheckId);
		if (waiting.isPresent()) {
			return waiting.get();
		}
		refuseIfDoneBy(reCheckId, userId);
		throw otherwise.get();
	}

	/**
	 * If this person completed the re-check, {@link RectiflowException.AlreadyDone} (they are retrying what they did);
	 * otherwise nothing. For a caller that finds the re-check recorded before asking the engine.
	 */
	public void refuseIfDoneBy(Long reCheckId, String userId) {
		this.commands.refuseIfDoneBy(userId, ReCheckProcess.PROCESS_KEY, String.valueOf(reCheckId),
				ReCheckProcess.USER_TASK_RE_CHECK);
	}

	/** The people of the unit's rectification office (the role group is global: only those of the unit). */
	public List<String> rectificationOfficeOf(String unitId) {
		return Unauthenticated.call(this.identityService, () -> this.identityService.createUserQuery()
			.memberOfGroup(Groups.RECTIFICATION_OFFICE)
			.memberOfTenant(unitId)
			.list()
			.stream()
			.map(User::getId)
			.toList());
	}

	private Optional<Task> waitingTask(Long reCheckId) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(ReCheckProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(reCheckId))
			.taskDefinitionKey(ReCheckProcess.USER_TASK_RE_CHECK)
			.list()
			.stream()
			.findFirst();
	}

}

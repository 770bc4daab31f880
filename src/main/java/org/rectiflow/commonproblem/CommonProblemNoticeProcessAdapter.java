package org.rectiflow.commonproblem;

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
 * The only class that talks to the engine about {@code commonProblemNoticeProcess} instances (business key = the
 * unit's answer id). Each instance carries its unit in the start variable {@code unitId}, which gives it the unit's
 * tenant (engine/UnitTenantsPlugin): the engine keeps the unit's step to the unit.
 */
@Component
public class CommonProblemNoticeProcessAdapter {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final EngineCommands commands;

	private final Units units;

	CommonProblemNoticeProcessAdapter(RuntimeService runtimeService, TaskService taskService,
			IdentityService identityService, EngineCommands commands, Units units) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.commands = commands;
		this.units = units;
	}

	/** Starts the unit's instance in the caller's transaction. */
	public void start(Long answerId, Map<String, Object> variables) {
		this.runtimeService.startProcessInstanceByKey(CommonProblemNoticeProcess.PROCESS_KEY, String.valueOf(answerId),
				variables);
	}

	/** The definition key of the user task the answer's instance waits at, if any. */
	public Optional<String> currentStep(Long answerId) {
		return waitingTask(answerId, null).map(Task::getTaskDefinitionKey);
	}

	/**
	 * Completes the step the answer waits at as this person, with the engine checking that they may: a candidate of
	 * the step, of the instance's unit (their tenant ids go with the authentication). A retried completion by the same
	 * person is {@link RectiflowException.AlreadyDone}; someone having done the step first is a conflict
	 * ({@link EngineCommands#completeAs}).
	 */
	public void complete(Long answerId, String step, String userId, List<String> groupIds, Map<String, Object> variables) {
		Task task = awaited(answerId, step, userId, () -> new RectiflowException.Conflict("error.step.gone"));
		this.commands.completeAs(task.getId(), task.getAssignee(), userId, groupIds, this.units.tenantIds(userId),
				variables);
	}

	/**
	 * The step the answer waits at, if it is this one. If it waits no longer because this very person completed it
	 * last (a retry, a second click), {@link RectiflowException.AlreadyDone} says when; otherwise the caller's refusal.
	 */
	private Task awaited(Long answerId, String step, String userId, Supplier<? extends RectiflowException> otherwise) {
		Optional<Task> waiting = waitingTask(answerId, step);
		if (waiting.isPresent()) {
			return waiting.get();
		}
		refuseIfDoneBy(answerId, step, userId);
		throw otherwise.get();
	}

	/**
	 * If this person completed the answer's step last, {@link RectiflowException.AlreadyDone} (they are retrying what
	 * they did); otherwise nothing. For a caller that finds the answer past the step before asking the engine.
	 */
	public void refuseIfDoneBy(Long answerId, String step, String userId) {
		this.commands.refuseIfDoneBy(userId, CommonProblemNoticeProcess.PROCESS_KEY, String.valueOf(answerId), step);
	}

	/**
	 * The people of the unit's rectification office: members of the (global) role group who belong to the unit. A
	 * notice to the whole group would reach every unit's office.
	 */
	public List<String> rectificationOfficeOf(String unitId) {
		return Unauthenticated.call(this.identityService, () -> this.identityService.createUserQuery()
			.memberOfGroup(Groups.RECTIFICATION_OFFICE)
			.memberOfTenant(unitId)
			.list()
			.stream()
			.map(User::getId)
			.toList());
	}

	private Optional<Task> waitingTask(Long answerId, String step) {
		var query = this.taskService.createTaskQuery()
			.processDefinitionKey(CommonProblemNoticeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(answerId));
		if (step != null) {
			query.taskDefinitionKey(step);
		}
		return query.list().stream().findFirst();
	}

}

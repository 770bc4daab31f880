package org.rectiflow.commonproblem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.engine.EngineCommands;
import org.rectiflow.engine.Unauthenticated;
import org.rectiflow.identity.Groups;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.TaskTakenException;
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
	 * the step, of the instance's unit (their tenant ids go with the authentication). Someone having done the step
	 * first is a conflict.
	 */
	public void complete(Long answerId, String step, String userId, List<String> groupIds, Map<String, Object> variables) {
		Task task = waitingTask(answerId, step).orElseThrow(() -> new RectiflowException.Conflict("error.step.gone"));
		if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
			throw new RectiflowException.Conflict("error.step.claimedByOther");
		}
		this.identityService.setAuthentication(userId, groupIds, this.units.tenantIds(userId));
		try {
			this.commands.claimAndComplete(task.getId(), userId, variables);
		}
		catch (TaskTakenException | TaskAlreadyClaimedException | OptimisticLockingException | NullValueException ex) {
			throw new RectiflowException.Conflict("error.step.gone");
		}
		catch (AuthorizationException ex) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		finally {
			this.identityService.clearAuthentication();
		}
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

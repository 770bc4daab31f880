package org.rectiflow.recheck;

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
	 * task's unit). Someone having done it first is a conflict.
	 */
	public void complete(Long reCheckId, String userId, List<String> groupIds, Map<String, Object> variables) {
		Task task = waitingTask(reCheckId).orElseThrow(() -> new RectiflowException.Conflict("error.step.gone"));
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

package org.rectiflow.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.StepAlreadyDoneException;
import org.rectiflow.system.TaskTakenException;
import org.springframework.stereotype.Component;

/**
 * Our own engine commands, run in the caller's transaction: what the process adapters use instead of reaching into
 * the engine's configuration themselves.
 */
@Component
public class EngineCommands {

	private final ProcessEngineConfigurationImpl configuration;

	EngineCommands(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	/** Writes the READ grants on freshly started instances in one command ({@link GrantInstanceReads}). */
	public void grantInstanceReads(List<GrantInstanceReads.Grant> grants) {
		this.configuration.getCommandExecutorTxRequired().execute(new GrantInstanceReads(grants));
	}

	/** Claims a task for the person and completes it in one command ({@link ClaimingCompleteTaskCmd}). */
	public void claimAndComplete(String taskId, String userId, Map<String, Object> variables) {
		this.configuration.getCommandExecutorTxRequired().execute(new ClaimingCompleteTaskCmd(taskId, userId, variables));
	}

	/** {@link #completeAs(String, String, String, List, List, Map)} for a step whose assignee the caller did not read. */
	public void completeAs(String engineTaskId, String userId, List<String> groupIds, List<String> tenantIds,
			Map<String, Object> variables) {
		completeAs(engineTaskId, null, userId, groupIds, tenantIds, variables);
	}

	/**
	 * Completes a waiting step as this person, with the engine checking that they may (they claim it first if nobody
	 * has, as in Tasklist): what every process adapter does when a person completes a step on our pages or API. The
	 * authentication carries the person's groups and units (tenant ids): the engine's tenant check hides every step of
	 * a unit from an authentication without its unit. Runs in the caller's transaction, so the caller's own changes
	 * and the engine's stand or fall together. How a race ends, the same for every process:
	 * <ul>
	 * <li>the step is assigned to someone else: {@link RectiflowException.Conflict} {@code error.step.claimedByOther};
	 * <li>the same person's first completion committed a moment ago (a double click, a retry after a lost answer):
	 * {@link RectiflowException.AlreadyDone}, saying when — not an error;
	 * <li>someone else completed it first, or the instance moved on: {@link RectiflowException.Conflict}
	 * {@code error.step.gone};
	 * <li>the engine refuses the person: {@link RectiflowException.Forbidden}.
	 * </ul>
	 * @param assignee the step's assignee when it was found waiting, or {@code null}
	 */
	public void completeAs(String engineTaskId, String assignee, String userId, List<String> groupIds,
			List<String> tenantIds, Map<String, Object> variables) {
		if (assignee != null && !assignee.equals(userId)) {
			throw new RectiflowException.Conflict("error.step.claimedByOther");
		}
		IdentityService identityService = this.configuration.getIdentityService();
		identityService.setAuthentication(userId, groupIds, tenantIds);
		try {
			claimAndComplete(engineTaskId, userId, variables);
		}
		catch (StepAlreadyDoneException ex) {
			throw alreadyDone(ex.getCompletedAt());
		}
		catch (TaskTakenException | TaskAlreadyClaimedException | OptimisticLockingException | NullValueException ex) {
			throw new RectiflowException.Conflict("error.step.gone");
		}
		catch (AuthorizationException ex) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/**
	 * For a step that no longer waits: if this very person completed it last (a retry after a lost answer, a second
	 * click), {@link RectiflowException.AlreadyDone} says when; otherwise nothing happens and the caller refuses as it
	 * would. One history query (by the instance's business key and the step's definition key), read only when the
	 * step is not waiting.
	 */
	public void refuseIfDoneBy(String userId, String processKey, String businessKey, String step) {
		if (userId == null) {
			return;
		}
		List<HistoricTaskInstance> last = this.configuration.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(step)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1);
		if (!last.isEmpty() && userId.equals(last.get(0).getAssignee())
				&& "completed".equals(last.get(0).getDeleteReason())) {
			throw alreadyDone(last.get(0).getEndTime().toInstant());
		}
	}

	private static RectiflowException.AlreadyDone alreadyDone(Instant at) {
		return new RectiflowException.AlreadyDone("step.alreadyDone", Messages.dateTime(at));
	}

	/**
	 * Turns the grants of UPDATE on open steps into TASK_WORK, except the given group's, in a transaction of its own
	 * ({@link TaskWorkInsteadOfUpdate}); returns how many changed.
	 */
	public int taskWorkInsteadOfUpdate(String adminGroup) {
		return this.configuration.getCommandExecutorTxRequiresNew().execute(new TaskWorkInsteadOfUpdate(adminGroup));
	}

}

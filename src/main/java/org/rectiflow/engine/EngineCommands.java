package org.rectiflow.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
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

	/**
	 * Completes a step as this person, authenticated to the engine with their groups and units (tenant ids), so that
	 * the engine checks that they may ({@link ClaimingCompleteTaskCmd}: they claim it first if nobody has, as in
	 * Tasklist). The usual races become our refusals: the same person's completion a moment ago is
	 * {@link RectiflowException.AlreadyDone}, someone else's a conflict; the engine's validation
	 * ({@code NotValidException}, {@code FormFieldValidationException}) passes through with its message.
	 */
	public void completeAs(String taskId, String userId, List<String> groupIds, List<String> tenantIds,
			Map<String, Object> variables) {
		IdentityService identity = this.configuration.getIdentityService();
		identity.setAuthentication(userId, groupIds, tenantIds);
		try {
			claimAndComplete(taskId, userId, variables);
		}
		catch (StepAlreadyDoneException ex) {
			throw new RectiflowException.AlreadyDone("step.alreadyDone", Messages.dateTime(ex.getCompletedAt()));
		}
		catch (TaskTakenException | TaskAlreadyClaimedException | OptimisticLockingException | NullValueException ex) {
			throw new RectiflowException.Conflict("error.step.gone");
		}
		catch (AuthorizationException ex) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * Turns the grants of UPDATE on open steps into TASK_WORK, except the given group's, in a transaction of its own
	 * ({@link TaskWorkInsteadOfUpdate}); returns how many changed.
	 */
	public int taskWorkInsteadOfUpdate(String adminGroup) {
		return this.configuration.getCommandExecutorTxRequiresNew().execute(new TaskWorkInsteadOfUpdate(adminGroup));
	}

}

package org.rectiflow.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
	 * Turns the grants of UPDATE on open steps into TASK_WORK, except the given group's, in a transaction of its own
	 * ({@link TaskWorkInsteadOfUpdate}); returns how many changed.
	 */
	public int taskWorkInsteadOfUpdate(String adminGroup) {
		return this.configuration.getCommandExecutorTxRequiresNew().execute(new TaskWorkInsteadOfUpdate(adminGroup));
	}

}

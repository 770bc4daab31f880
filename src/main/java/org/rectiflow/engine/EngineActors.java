package org.rectiflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rectiflow.system.Actors;
import org.springframework.stereotype.Component;

/**
 * Tells {@link Actors} how to find who the engine says is acting inside the command running on this thread (the
 * user a timer, job or REST call runs as when no one is signed in to Spring Security). A plugin, so that it is in
 * place before the engine runs its first command.
 */
@Component
class EngineActors extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		Actors.commandUserFrom(EngineActors::commandUser);
	}

	static String commandUser() {
		if (Context.getCommandContext() != null) {
			Authentication engineUser = Context.getCommandContext().getAuthentication();
			if (engineUser != null && engineUser.getUserId() != null) {
				return engineUser.getUserId();
			}
		}
		return null;
	}

}

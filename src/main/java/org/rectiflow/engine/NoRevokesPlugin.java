package org.rectiflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.rectiflow.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rectiflow grants; it never revokes. Who may do what is given by grants alone (AuthorizationBootstrap, each
 * instance's and step's own), so a REVOKE authorization, which Camunda Admin would let an administrator create, is
 * refused with a message saying to remove the grant instead. With none in the database the engine need not look for
 * them before each permission check ({@code authorizationCheckRevokes=never}, one query less per step,
 * docs/PERFORMANCE.md). A database that holds revokes from before keeps them in force: the engine then checks for
 * them as it did ({@code auto}), and the start-up log says so.
 */
@Component
public class NoRevokesPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(NoRevokesPlugin.class);

	private final Messages messages;

	public NoRevokesPlugin(Messages messages) {
		this.messages = messages;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.NO_REVOKES, () -> new RefuseRevokes(this.messages));
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		long revokes = engine.getAuthorizationService()
			.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.count();
		ProcessEngineConfiguration configuration = engine.getProcessEngineConfiguration();
		if (revokes == 0) {
			configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
		}
		else {
			configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
			log.warn("The database holds {} REVOKE authorizations; they stay in force and every permission check looks"
					+ " for them. Rectiflow creates none and refuses new ones: replace them by removing the grants"
					+ " they cancel, then restart.", revokes);
		}
	}

	static final class RefuseRevokes extends CommandInterceptor {

		private final Messages messages;

		RefuseRevokes(Messages messages) {
			this.messages = messages;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof SaveAuthorizationCmd save) {
				Authorization authorization = EngineInternals.authorization(save);
				if (authorization != null && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
					throw new GuardRefusalException(this.messages.get("error.authorization.revokeUnsupported"));
				}
			}
			return this.next.execute(command);
		}

	}

}

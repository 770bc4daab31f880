package org.rectiflow.engine;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link IdentityChangeListener}s (identity's {@code Directory}, which then forgets the groups it remembers,
 * and unit's {@code Units}, the tenants) whenever the engine changes users, groups, tenants or memberships, whoever asked (Camunda Admin, the REST API, our bootstrap).
 */
@Component
class IdentityChangesPlugin extends AbstractProcessEnginePlugin {

	/** The engine commands that change who belongs where, in groups and in tenants (units). */
	static final Set<String> IDENTITY_COMMANDS = Set.of("SaveUserCmd", "DeleteUserCmd", "SaveGroupCmd", "DeleteGroupCmd",
			"CreateMembershipCmd", "DeleteMembershipCmd", "SaveTenantCmd", "DeleteTenantCmd",
			"CreateTenantUserMembershipCmd", "DeleteTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd",
			"DeleteTenantGroupMembershipCmd");

	private final ObjectProvider<IdentityChangeListener> listeners;

	IdentityChangesPlugin(ObjectProvider<IdentityChangeListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.IDENTITY_CHANGES, Forget::new);
	}

	final class Forget extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return this.next.execute(command);
			}
			finally {
				if (IDENTITY_COMMANDS.contains(command.getClass().getSimpleName())) {
					IdentityChangesPlugin.this.listeners.orderedStream().forEach(IdentityChangeListener::identityChanged);
				}
			}
		}

	}

}

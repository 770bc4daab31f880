package org.rectiflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares every permission check a read of the whole authorization table. Before its first check in a command, the
 * engine reads every group that holds any authorization ({@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION})
 * and leaves the person's other groups out of the check. That table grows with every task instance (its READ grants,
 * the grants of each open step's candidates), so a province's steps each read about a hundred thousand rows, and
 * PostgreSQL has no index skip scan to make that cheap. The person's groups are few, and a group without
 * authorizations matches no row, so checking against all of them gives the same answer
 * ({@code AuthorizedGroupsTests}).
 */
@Component
class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = new ArrayList<>(
				(configuration.getCustomSessionFactories() != null) ? configuration.getCustomSessionFactories() : List.of());
		factories.add(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new AllGroupsAuthorizationManager();
			}
		});
		configuration.setCustomSessionFactories(factories);
	}

	/** The engine's authorization manager, checking a person's groups as they are. */
	static final class AllGroupsAuthorizationManager extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
				return EMPTY_LIST;
			}
			List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
			groups.removeIf(Objects::isNull);
			return groups;
		}

	}

}

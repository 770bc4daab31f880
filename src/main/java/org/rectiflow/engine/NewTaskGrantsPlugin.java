package org.rectiflow.engine;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's own grants on a step for its candidates and assignee, written without first asking the database for
 * a grant on a step that this very command created. Camunda looks one up before each grant it writes, to add to it
 * rather than write a second; for a step created a moment ago none can be there (its id is new), and one written
 * earlier in the same command is still in the engine's cache, where Camunda merges with it as before. A filed plan of
 * 65 tasks asked the database 65 such questions, every one answered "none"; on PostgreSQL they were a seventh of what
 * the launch costs beyond the bare engine (docs/PERFORMANCE.md). A grant on a step that already existed is looked up
 * as before.
 */
@Component
public class NewTaskGrantsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new NewTaskAuthorizationProvider());
	}

	static final class NewTaskAuthorizationProvider extends DefaultAuthorizationProvider {

		@Override
		protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId,
				Resource resource) {
			if (createdInThisCommand(taskId, resource)) {
				return null;
			}
			return super.getGrantAuthorization(taskId, userId, groupId, resource);
		}

		static boolean createdInThisCommand(String taskId, Resource resource) {
			boolean onTask = resource.resourceType() == Resources.TASK.resourceType()
					|| resource.resourceType() == Resources.HISTORIC_TASK.resourceType();
			CommandContext context = Context.getCommandContext();
			if (!onTask || taskId == null || context == null) {
				return false;
			}
			DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
			TaskEntity task = cache.get(TaskEntity.class, taskId);
			return task != null && cache.isTransient(task);
		}

	}

}

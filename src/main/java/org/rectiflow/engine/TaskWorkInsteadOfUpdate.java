package org.rectiflow.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * One engine command: every grant of UPDATE on a single step, except the administrators' group's, becomes
 * TASK_WORK (identity's {@code AuthorizationBootstrap}, through {@link EngineCommands#taskWorkInsteadOfUpdate}).
 */
final class TaskWorkInsteadOfUpdate implements Command<Integer> {

	private final String adminGroup;

	TaskWorkInsteadOfUpdate(String adminGroup) {
		this.adminGroup = adminGroup;
	}

	@Override
	public Integer execute(CommandContext context) {
		AuthorizationQueryImpl query = new AuthorizationQueryImpl();
		query.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.TASK)
			.hasPermission(Permissions.UPDATE);
		int tightened = 0;
		for (Authorization grant : context.getAuthorizationManager().selectAuthorizationByQueryCriteria(query)) {
			if (Authorization.ANY.equals(grant.getResourceId()) || this.adminGroup.equals(grant.getGroupId())) {
				continue;
			}
			AuthorizationEntity entity = (AuthorizationEntity) grant;
			entity.removePermission(Permissions.UPDATE);
			entity.addPermission(TaskPermissions.TASK_WORK);
			tightened++;
		}
		return tightened;
	}

}

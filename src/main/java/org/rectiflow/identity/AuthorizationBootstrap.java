package org.rectiflow.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda authorizations our roles need, granted at start-up when missing (idempotent, safe on several nodes
 * sharing one database). Tasks themselves need no grant: the engine authorizes each task's assignee and candidate
 * groups when it creates the task, so people see and complete only their own work.
 * <ul>
 * <li>administrators ({@code camunda-admin}): everything;</li>
 * <li>everyone: Tasklist, the shared filters, and reading process definitions and instances (names, diagrams, the
 * context variables the task list and forms show; the same ledger is open to all in our portal);</li>
 * <li>the rectification office, the discipline committee, the Party committee and the inspection office: Cockpit
 * and reading every instance and its history, to follow the whole rectification.</li>
 * </ul>
 */
@Component
class AuthorizationBootstrap {

	private static final String ANY = Authorization.ANY;

	private final AuthorizationService authorizations;

	AuthorizationBootstrap(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(IdentityBootstrap.ORDER + 1)
	@Transactional
	public void grant() {
		// Administrators may do everything, as Camunda's own setup grants its admin group.
		for (Resources resource : Resources.values()) {
			grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}
		List<String> everyone = new ArrayList<>(List.of(Groups.PARTY_COMMITTEE, Groups.LEADERS, Groups.DISCIPLINE,
				Groups.RECTIFICATION_OFFICE, Groups.INSPECTION_OFFICE));
		Arrays.stream(Department.values()).map(Department::groupId).forEach(everyone::add);
		for (String group : everyone) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.FILTER, ANY, Permissions.READ);
			grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE);
			grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
		}
		for (String group : List.of(Groups.RECTIFICATION_OFFICE, Groups.DISCIPLINE, Groups.PARTY_COMMITTEE,
				Groups.INSPECTION_OFFICE)) {
			grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_HISTORY,
					ProcessDefinitionPermissions.READ_TASK);
		}
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
			// Unchanged: saving it again would only add a permission change to the audit log at every start.
			return;
		}
		Authorization authorization = (existing != null) ? existing
				: this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizations.saveAuthorization(authorization);
	}

}

package org.rectiflow.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.engine.EngineCommands;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda authorizations our roles need, granted at start-up when missing (idempotent, safe on several nodes
 * sharing one database). Tasks themselves need no grant: the engine authorizes each task's assignee and candidate
 * groups when it creates the task, so people see and complete only their own work. It grants them {@code TASK_WORK}
 * ({@code default-user-permission-name-for-task} in application.yaml): claim and complete, no delegating, reassigning,
 * identity links, renaming or variable writes. Grants of {@code UPDATE} that an earlier version left on open tasks are
 * turned into {@code TASK_WORK} at start-up, so old steps are as tight as new ones.
 * <ul>
 * <li>administrators ({@code camunda-admin}): everything;</li>
 * <li>everyone: Tasklist, the shared filters, and reading process definitions (names, diagrams, forms); the
 * variables a task's form shows come with the task itself;</li>
 * <li>the rectification office, the discipline committee and the Party secretary: Cockpit and reading every
 * instance and its history, to follow the whole rectification;</li>
 * <li>the rectification office: reassigning any step ({@code TASK_ASSIGN}: assignee, delegation, candidates), e.g.
 * when someone is away; the office still completes only its own steps.</li>
 * </ul>
 * Everyone reads the instances of the inspection's own process and of its supervision (what Tasklist shows beside
 * their tasks). A rectification task's instance is read only by oversight and by those the task is theirs: its
 * lead and cooperating departments and its leader, granted when the instance starts
 * ({@code RectificationTaskProcessAdapter}); one department's progress reports and evidence summaries are not
 * another's to read over the engine's REST API. Grants of an earlier version that allowed more are taken back at
 * start-up.
 */
@Component
public class AuthorizationBootstrap {

	private static final String ANY = Authorization.ANY;

	/** Keys of processes/rectification.bpmn and processes/supervision.bpmn (docs/processes.md). */
	static final String INSPECTION_PROCESS = "rectificationProcess";

	static final String SUPERVISION_PROCESS = "supervisionProcess";

	private final AuthorizationService authorizations;

	private final EngineCommands engine;

	private final AuditLog auditLog;

	private final Directory directory;

	private static final List<String> OVERSIGHT = List.of(Groups.RECTIFICATION_OFFICE, Groups.DISCIPLINE,
			Groups.PARTY_SECRETARY);

	AuthorizationBootstrap(AuthorizationService authorizations, EngineCommands engine,
			AuditLog auditLog, Directory directory) {
		this.directory = directory;
		this.authorizations = authorizations;
		this.engine = engine;
		this.auditLog = auditLog;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(IdentityBootstrap.ORDER + 1)
	@Transactional
	public void grant() {
		// Administrators may do everything, as Camunda's own setup grants its admin group.
		for (Resources resource : Resources.values()) {
			grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}
		List<String> everyone = new ArrayList<>(List.of(Groups.PARTY_COMMITTEE, Groups.LEADERS, Groups.PARTY_SECRETARY,
				Groups.DISCIPLINE, Groups.RECTIFICATION_OFFICE, Groups.INSPECTION_OFFICE));
		// Every unit's departments: the first unit's seed and those onboarded since (their grants were made then too).
		Arrays.stream(Department.values()).map(Department::groupId).forEach(everyone::add);
		this.directory.allDepartments().stream().map(UnitDepartment::groupId).filter((g) -> !everyone.contains(g)).forEach(everyone::add);
		for (String group : everyone) {
			grantEveryone(group);
		}
		for (String group : OVERSIGHT) {
			grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
			grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
		}
		grant(Groups.RECTIFICATION_OFFICE, Resources.TASK, ANY, TaskPermissions.TASK_ASSIGN);
		tightenOpenTasks();
	}

	/**
	 * What every role and department gets: Tasklist, the shared filters, the process definitions; a department, not
	 * overseeing, no instances beyond its own tasks' (see the class comment).
	 */
	private void grantEveryone(String group) {
		grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(group, Resources.FILTER, ANY, Permissions.READ);
		grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
		// The inspection's own process and its supervision hold nothing of one department's work.
		grant(group, Resources.PROCESS_DEFINITION, INSPECTION_PROCESS, Permissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE);
		grant(group, Resources.PROCESS_DEFINITION, SUPERVISION_PROCESS, Permissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE);
		if (!OVERSIGHT.contains(group)) {
			revoke(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
			revoke(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
			revoke(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		}
	}

	/**
	 * A department onboarded with its unit's directory gets, in the onboarding's transaction, what every department
	 * got at start-up.
	 */
	public void grantDepartment(String groupId) {
		grantEveryone(groupId);
	}

	/**
	 * Turns the engine's {@code UPDATE} grants on open steps, written before it granted {@code TASK_WORK}, into
	 * {@code TASK_WORK}, in a transaction of its own. Idempotent; when another node starting at the same moment
	 * changed a grant first, its optimistic lock makes this one look again and find nothing left to do.
	 */
	private void tightenOpenTasks() {
		for (int attempt = 1;; attempt++) {
			try {
				int tightened = this.engine.taskWorkInsteadOfUpdate(Groups.CAMUNDA_ADMIN);
				if (tightened > 0) {
					this.auditLog.record(AuditKind.PERMISSION_CHANGE, "TaskWorkInsteadOfUpdate",
							"REVOKE UPDATE, GRANT TASK_WORK on " + tightened + " open tasks to their candidates and assignees");
				}
				return;
			}
			catch (OptimisticLockingException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/** Takes permissions back from a grant an earlier version made. */
	private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = existing(groupId, resource, resourceId);
		if (existing == null) {
			return;
		}
		boolean changed = false;
		for (Permission permission : permissions) {
			if (existing.isPermissionGranted(permission)) {
				existing.removePermission(permission);
				changed = true;
			}
		}
		if (changed) {
			this.authorizations.saveAuthorization(existing);
		}
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = existing(groupId, resource, resourceId);
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

	private Authorization existing(String groupId, Resource resource, String resourceId) {
		return this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
	}

}

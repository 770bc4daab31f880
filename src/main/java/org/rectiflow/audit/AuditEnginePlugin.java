package org.rectiflow.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.rectiflow.system.Actors;
import org.rectiflow.system.DecisionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Feeds the audit log from inside the engine, whoever drives it (the portal, Tasklist, Cockpit, Admin, the REST API,
 * our own code):
 * <ul>
 * <li>every user task completion, with its decision and reason where it takes one, through a {@code complete} task
 * listener added to every user task at parse time (after the model's own listeners, so a decision they refuse is not
 * recorded);</li>
 * <li>every change to users, groups, memberships, tenants and authorizations, through a command interceptor that
 * runs inside the engine's transaction and command context, after the command has done its work.</li>
 * </ul>
 * Both write in the engine's transaction: a completion or change that rolls back leaves no entry.
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

	/** The engine commands that change who may do what. */
	static final Set<String> PERMISSION_COMMANDS = Set.of("SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd",
			"SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd", "SaveTenantCmd",
			"DeleteTenantCmd", "CreateTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd",
			"DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd", "SaveAuthorizationCmd",
			"DeleteAuthorizationCmd");

	private static final int MAX_VALUE = 500;

	private final ObjectProvider<AuditLog> auditLog;

	AuditEnginePlugin(ObjectProvider<AuditLog> auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = new ArrayList<>(
				(configuration.getCustomPostBPMNParseListeners() != null) ? configuration.getCustomPostBPMNParseListeners()
						: List.of());
		TaskListener completion = this::completed;
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, completion);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
		configuration.setCustomPostCommandInterceptorsTxRequired(
				withPermissionAudit(configuration.getCustomPostCommandInterceptorsTxRequired()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				withPermissionAudit(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
	}

	private List<CommandInterceptor> withPermissionAudit(List<CommandInterceptor> interceptors) {
		List<CommandInterceptor> result = new ArrayList<>((interceptors != null) ? interceptors : List.of());
		result.add(new PermissionChanges());
		return result;
	}

	void completed(DelegateTask task) {
		StringJoiner detail = new StringJoiner("；");
		detail.add(task.getName() + "（" + task.getTaskDefinitionKey() + "）");
		for (String variable : DecisionListener.decisionVariables(task.getTaskDefinitionKey())) {
			Object value = task.getVariable(variable);
			if (value != null) {
				detail.add(variable + "=" + shorten(String.valueOf(value)));
			}
		}
		String processKey = task.getProcessDefinitionId();
		String businessKey = (task.getExecution() != null) ? task.getExecution().getProcessBusinessKey() : null;
		String subject = ((processKey != null) ? processKey.split(":")[0] : "task") + ":"
				+ ((businessKey != null) ? businessKey : task.getProcessInstanceId()) + "/" + task.getId();
		this.auditLog.getObject()
			.record(Actors.completing(task), AuditLog.clientAddress(), AuditKind.TASK_COMPLETED, subject,
					detail.toString());
	}

	/** Records a permission command once it has done its work, still inside its transaction. */
	final class PermissionChanges extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			T result = this.next.execute(command);
			String name = command.getClass().getSimpleName();
			if (PERMISSION_COMMANDS.contains(name)) {
				AuditEnginePlugin.this.auditLog.getObject()
					.record(AuditKind.PERMISSION_CHANGE, name.substring(0, name.length() - "Cmd".length()),
							describe(command));
			}
			return result;
		}

	}

	/** The command's arguments (ids, the user, group or authorization it saves); never a password. */
	static String describe(Object command) {
		StringJoiner text = new StringJoiner("；");
		for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.getName().toLowerCase().contains("password")) {
					continue;
				}
				try {
					field.setAccessible(true);
					String value = describeValue(field.get(command));
					if (value != null) {
						text.add(field.getName() + "=" + value);
					}
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					// A field we cannot read is left out; the kind and command are still recorded.
				}
			}
		}
		return text.toString();
	}

	private static String describeValue(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return shorten(value.toString());
		}
		if (value instanceof User user) {
			return "user " + user.getId() + " " + nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName());
		}
		if (value instanceof Group group) {
			return "group " + group.getId() + " " + nullToEmpty(group.getName());
		}
		if (value instanceof Tenant tenant) {
			return "tenant " + tenant.getId();
		}
		if (value instanceof Authorization authorization) {
			return authorization(authorization);
		}
		return null;
	}

	static String authorization(Authorization a) {
		String type = switch (a.getAuthorizationType()) {
			case Authorization.AUTH_TYPE_GLOBAL -> "GLOBAL";
			case Authorization.AUTH_TYPE_REVOKE -> "REVOKE";
			default -> "GRANT";
		};
		String resource = Arrays.stream(Resources.values())
			.filter((r) -> r.resourceType() == a.getResourceType())
			.map(Resources::name)
			.findFirst()
			.orElse(Integer.toString(a.getResourceType()));
		Permission[] permissions = a.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(a.getResourceType()));
		return type + " " + ((a.getUserId() != null) ? "user " + a.getUserId() : "group " + a.getGroupId()) + " "
				+ resource + " " + a.getResourceId() + " "
				+ Arrays.stream(permissions).map(Permission::getName).toList();
	}

	private static String nullToEmpty(String s) {
		return (s != null) ? s : "";
	}

	private static String shorten(String value) {
		return (value.length() <= MAX_VALUE) ? value : value.substring(0, MAX_VALUE) + "…";
	}

}

package org.rectiflow.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.system.Actors;
import org.rectiflow.system.DecisionListener;
import org.rectiflow.system.StepClock;
import org.rectiflow.system.TaskTakenException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Feeds the audit log from inside the engine, whoever drives it (the portal, Tasklist, Cockpit, Admin, the REST API,
 * our own code):
 * <ul>
 * <li>every user task completion, with its decision and reason where it takes one, through a {@code complete} task
 * listener added to every user task at parse time (after the model's own listeners, so a decision they refuse is not
 * recorded);</li>
 * <li>every change to users, groups, memberships, tenants and authorizations, through a command interceptor that
 * runs inside the engine's transaction and command context, after the command has done its work;</li>
 * <li>likewise every change to a task's assignee, owner, delegation or properties, to identity links, deployments
 * and filters, and the variables written through the engine's APIs ({@link EngineChanges});</li>
 * <li>every refusal of such a command, of a completion or a claim ({@link Refusals}).</li>
 * </ul>
 * Changes are written in the engine's transaction: a completion or change that rolls back leaves no entry. A
 * refusal is written in a transaction of its own, as the refused command's rolls back.
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

	/** The engine commands that change who may do what. */
	static final Set<String> PERMISSION_COMMANDS = Set.of("SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd",
			"SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd", "SaveTenantCmd",
			"DeleteTenantCmd", "CreateTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd",
			"DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd", "SaveAuthorizationCmd",
			"DeleteAuthorizationCmd");

	/** Commands that write variables; recorded when they come through the engine's REST API or the webapps. */
	static final Set<String> VARIABLE_COMMANDS = Set.of("SetTaskVariablesCmd", "PatchTaskVariablesCmd",
			"RemoveTaskVariablesCmd", "SetExecutionVariablesCmd", "PatchExecutionVariablesCmd",
			"RemoveExecutionVariablesCmd", "CompleteTaskCmd", "SubmitTaskFormCmd", "ResolveTaskCmd");

	/** Commands that change who does a task, or what it is called and when it is due. */
	static final Set<String> TASK_COMMANDS = Set.of("AssignTaskCmd", "SetTaskOwnerCmd", "DelegateTaskCmd",
			"ResolveTaskCmd", "SaveTaskCmd", "SetTaskNameCmd", "SetTaskDescriptionCmd", "SetTaskPriorityCmd",
			"SetTaskDueDateCmd", "SetTaskFollowUpDateCmd");

	static final Set<String> IDENTITY_LINK_COMMANDS = Set.of("AddGroupIdentityLinkCmd", "AddUserIdentityLinkCmd",
			"DeleteGroupIdentityLinkCmd", "DeleteUserIdentityLinkCmd", "AddIdentityLinkForProcessDefinitionCmd",
			"DeleteIdentityLinkForProcessDefinitionCmd");

	static final Set<String> DEPLOYMENT_COMMANDS = Set.of("DeployCmd", "DeleteDeploymentCmd");

	static final Set<String> FILTER_COMMANDS = Set.of("SaveFilterCmd", "DeleteFilterCmd");

	/** Whose refusal is recorded: every command above, completions, claims and permission changes. */
	static final Set<String> SENSITIVE_COMMANDS = union(VARIABLE_COMMANDS, TASK_COMMANDS, IDENTITY_LINK_COMMANDS,
			DEPLOYMENT_COMMANDS, FILTER_COMMANDS, PERMISSION_COMMANDS, Set.of("ClaimTaskCmd", "DeleteTaskCmd"));

	private static final int MAX_VALUE = 500;

	private final ObjectProvider<AuditLog> auditLog;

	private final ObjectProvider<DecisionListener> decisions;

	AuditEnginePlugin(ObjectProvider<AuditLog> auditLog, ObjectProvider<DecisionListener> decisions) {
		this.auditLog = auditLog;
		this.decisions = decisions;
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
		EngineInterceptors.add(configuration, EngineInterceptors.Post.PERMISSION_CHANGES, PermissionChanges::new);
		EngineInterceptors.add(configuration, EngineInterceptors.Post.ENGINE_CHANGES, EngineChanges::new);
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.REFUSALS, Refusals::new);
		this.configuration = configuration;
	}

	private ProcessEngineConfigurationImpl configuration;

	void completed(DelegateTask task) {
		StringJoiner detail = new StringJoiner("；");
		detail.add(task.getName() + "（" + task.getTaskDefinitionKey() + "）");
		for (String variable : this.decisions.getObject().decisionVariables(task.getTaskDefinitionKey())) {
			Object value = task.getVariable(variable);
			if (value != null) {
				detail.add(variable + "=" + shorten(String.valueOf(value)));
			}
		}
		// The day the step took effect (issue 19), when it is not the day it is typed.
		if (StepClock.bound() != null && !StepClock.bound().equals(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))) {
			detail.add(StepClock.VARIABLE + "=" + StepClock.bound());
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

	/**
	 * Records, inside the command's transaction once it has done its work, the changes to tasks, identity links,
	 * deployments and filters from any entry point, and variable writes made through the engine's REST API or the
	 * webapps (the portal's own writes are recorded as what the person did: an upload, a decision). Each entry is
	 * filed under the task it changed ({@code task:<id>}) with its process instance and business key in the detail,
	 * or under the instance, deployment or filter.
	 */
	final class EngineChanges extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			T result = this.next.execute(command);
			String name = command.getClass().getSimpleName();
			AuditKind kind = kindOf(name);
			if (kind != null) {
				CommandContext context = Context.getCommandContext();
				String subject = (result instanceof DeploymentWithDefinitions deployment)
						? "deployment:" + deployment.getId() : subjectOf(command, context);
				AuditEnginePlugin.this.auditLog.getObject()
					.record(kind, subject, detailOf(name, command, result, context));
			}
			return result;
		}

		private AuditKind kindOf(String name) {
			if (TASK_COMMANDS.contains(name)) {
				return AuditKind.TASK_CHANGED;
			}
			if (IDENTITY_LINK_COMMANDS.contains(name)) {
				return AuditKind.IDENTITY_LINK_CHANGED;
			}
			if (DEPLOYMENT_COMMANDS.contains(name)) {
				return AuditKind.DEPLOYMENT;
			}
			if (FILTER_COMMANDS.contains(name)) {
				return AuditKind.FILTER_CHANGED;
			}
			if (VARIABLE_COMMANDS.contains(name) && fromEngineApi()) {
				return AuditKind.VARIABLES_CHANGED;
			}
			return null;
		}

	}

	/**
	 * Records a sensitive command the engine refused — no authorization, or input refused by the engine or by our
	 * rules ({@link NotValidException}, or the {@link FormFieldValidationException} of a field that is not on the step's
	 * form, whichever command interceptor or listener threw it) — once per request
	 * (nested commands are not recorded again), in a transaction of its own: the refused command's rolls back. A
	 * lost race ({@code TaskTakenException}) is not a refusal.
	 */
	final class Refusals extends CommandInterceptor implements EngineInterceptors.Outermost {

		private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

		@Override
		public <T> T execute(Command<T> command) {
			int level = this.depth.get();
			this.depth.set(level + 1);
			try {
				return this.next.execute(command);
			}
			catch (RuntimeException ex) {
				String name = command.getClass().getSimpleName();
				Throwable reason = refusal(ex);
				if (level == 0 && reason != null && (SENSITIVE_COMMANDS.contains(name) || byGuard(reason))) {
					String arguments = describeArguments(command);
					AuditEnginePlugin.this.auditLog.getObject()
						.recordRefusal(actor(), AuditLog.clientAddress(), AuditKind.REFUSED, refusedSubject(command),
								name.substring(0, name.length() - "Cmd".length())
										+ (arguments.isEmpty() ? "" : "；" + shorten(arguments)) + "；"
										+ reason.getClass().getSimpleName() + "：" + shorten(reason.getMessage()));
				}
				throw ex;
			}
			finally {
				if (level == 0) {
					this.depth.remove();
				}
				else {
					this.depth.set(level);
				}
			}
		}

	}

	/**
	 * Who was refused: the signed-in person, or whoever our code authenticated to the engine (outside the command,
	 * where its context is gone).
	 */
	private String actor() {
		String current = Actors.current();
		if (Actors.SYSTEM.equals(current) && this.configuration != null
				&& this.configuration.getIdentityService().getCurrentAuthentication() != null) {
			return this.configuration.getIdentityService().getCurrentAuthentication().getUserId();
		}
		return current;
	}

	/** The authorization or validation refusal in an exception's causes, unless it is a lost race. */
	static Throwable refusal(Throwable ex) {
		Throwable found = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TaskTakenException) {
				return null;
			}
			if (found == null && (cause instanceof AuthorizationException || cause instanceof NotValidException
					|| cause instanceof FormFieldValidationException || byGuard(cause))) {
				found = cause;
			}
		}
		return found;
	}

	/**
	 * Refused by one of our engine guards (a query carrying an expression, a REVOKE authorization): recorded whatever
	 * the command, a query included.
	 */
	static boolean byGuard(Throwable cause) {
		return cause.getClass().getSimpleName().equals("GuardRefusalException");
	}

	/** Whether the current request came through the engine's REST API or the webapps' API. */
	static boolean fromEngineApi() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			String path = attributes.getRequest().getRequestURI()
				.substring(attributes.getRequest().getContextPath().length());
			return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
		}
		return false;
	}

	/** {@code task:<id>}, {@code instance:<id>}, {@code deployment:<id>}, {@code filter:<id>} or the command. */
	static String subjectOf(Command<?> command, CommandContext context) {
		Object taskId = field(command, "taskId");
		if (taskId == null && field(command, "task") instanceof Task task) {
			taskId = task.getId();
		}
		if (taskId != null) {
			return "task:" + taskId;
		}
		String name = command.getClass().getSimpleName();
		Object entityId = field(command, "entityId");
		if (entityId != null) {
			return (name.contains("Task") ? "task:" : "instance:") + entityId;
		}
		if (field(command, "filter") instanceof Filter filter) {
			return "filter:" + filter.getId();
		}
		Object filterId = field(command, "filterId");
		if (filterId != null) {
			return "filter:" + filterId;
		}
		Object deploymentId = field(command, "deploymentId");
		if (deploymentId != null) {
			return "deployment:" + deploymentId;
		}
		Object processDefinitionId = field(command, "processDefinitionId");
		if (processDefinitionId != null) {
			return "process-definition:" + processDefinitionId;
		}
		return name.substring(0, name.length() - "Cmd".length());
	}

	private static String refusedSubject(Command<?> command) {
		try {
			return subjectOf(command, null);
		}
		catch (RuntimeException ex) {
			return command.getClass().getSimpleName();
		}
	}

	/** What changed: the command, its arguments (variable names, never values), the task's instance, or the deployment. */
	static String detailOf(String name, Command<?> command, Object result, CommandContext context) {
		StringJoiner detail = new StringJoiner("；");
		detail.add(name.substring(0, name.length() - "Cmd".length()));
		if (result instanceof DeploymentWithDefinitions deployment && context != null) {
			detail.add("deployment " + deployment.getId() + " " + Objects.toString(deployment.getName(), "") + " "
					+ deployment.getDeploymentTime());
			// The new deployment's resources are not in the database until the command ends: read them from it.
			DeploymentEntity entity = context.getDeploymentManager().findDeploymentById(deployment.getId());
			if (entity != null && entity.getResources() != null) {
				for (ResourceEntity resource : new TreeMap<>(entity.getResources()).values()) {
					detail.add(resource.getName() + " sha256=" + sha256(resource.getBytes()));
				}
			}
			return detail.toString();
		}
		detail.add(describeArguments(command));
		Object taskId = field(command, "taskId");
		if (taskId == null && field(command, "task") instanceof Task task) {
			taskId = task.getId();
		}
		if (taskId == null && name.contains("Task")) {
			taskId = field(command, "entityId");
		}
		String instanceId = null;
		if (taskId != null && context != null) {
			TaskEntity task = context.getTaskManager().findTaskById(String.valueOf(taskId));
			instanceId = (task != null) ? task.getProcessInstanceId() : null;
			if (task != null && task.getName() != null) {
				detail.add(task.getName() + "（" + task.getTaskDefinitionKey() + "）");
			}
		}
		else if (field(command, "entityId") != null && !name.contains("Task")) {
			instanceId = String.valueOf(field(command, "entityId"));
		}
		if (instanceId != null && context != null) {
			ExecutionEntity execution = context.getExecutionManager().findExecutionById(instanceId);
			ExecutionEntity instance = (execution != null) ? execution.getProcessInstance() : null;
			if (instance != null) {
				detail.add("instance " + instance.getId() + "（" + instance.getProcessDefinitionKey() + ":"
						+ instance.getBusinessKey() + "）");
			}
		}
		return detail.toString();
	}

	/** The arguments, with the names of variables instead of their values. */
	static String describeArguments(Command<?> command) {
		StringJoiner text = new StringJoiner("；");
		for (String field : new String[] { "variables", "modifications", "variablesLocal" }) {
			if (field(command, field) instanceof Map<?, ?> variables && !variables.isEmpty()) {
				text.add(field + "=" + new TreeSet<>(variables.keySet().stream().map(String::valueOf).toList()));
			}
		}
		for (String field : new String[] { "deletions", "variableNames" }) {
			if (field(command, field) instanceof Collection<?> names && !names.isEmpty()) {
				text.add(field + "=" + names);
			}
		}
		if (field(command, "task") instanceof Task task) {
			text.add("task " + task.getId() + " name=" + task.getName() + " assignee=" + task.getAssignee() + " owner="
					+ task.getOwner());
		}
		if (field(command, "filter") instanceof Filter filter) {
			text.add("filter " + filter.getName() + " " + filter.getResourceType() + " owner=" + filter.getOwner());
		}
		for (String field : new String[] { "userId", "groupId", "type", "value", "deploymentId", "cascade" }) {
			Object value = field(command, field);
			if (value != null && describeValue(value) != null) {
				text.add(field + "=" + describeValue(value));
			}
		}
		return text.toString();
	}

	/** A field of the command or its superclasses, or null. */
	static Object field(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// look further up
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}
		return null;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((bytes != null) ? bytes
					: new byte[0]));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> all = new HashSet<>();
		for (Set<String> set : sets) {
			all.addAll(set);
		}
		return Set.copyOf(all);
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

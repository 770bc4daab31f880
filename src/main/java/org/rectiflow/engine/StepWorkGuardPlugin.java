package org.rectiflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.rectiflow.system.Messages;
import org.springframework.stereotype.Component;

/**
 * A person does exactly what their step allows, whichever way they reach the engine (the REST API, the webapps' API,
 * Tasklist, our portal's adapters): the step's own form, nothing else.
 * <p>
 * With {@code defaultUserPermissionNameForTask: TASK_WORK} (application.yaml) the engine lets a step's candidates and
 * assignee claim and complete it, but no longer delegate it, reassign it, change its identity links, rename it or
 * write its variables ({@code AuthorizationCommandChecker}: those need {@code TASK_ASSIGN}, {@code UPDATE_VARIABLE} or
 * {@code UPDATE}). Completing still carries variables, and the engine would write any of them into the process; so,
 * for every command a person who is not an administrator sends:
 * <ul>
 * <li>completing a step (also from a form, by resolving it, and our claiming completion) and writing or removing its
 * variables accept only the fields of the step's own form ({@link StepFormFields}); anything else is refused naming
 * the field, in the person's language, and nothing is written: a completion with the engine's
 * {@link FormFieldValidationException} (the REST APIs answer 400), a variable write with {@link NotValidException}
 * once the engine's own permission check has passed (it does not for participants: 403). A participant cannot name
 * the responsible leader, point the step at another task or take a decision that belongs to another step;</li>
 * <li>variables of a process instance or an execution are not theirs to write at all (403, as the engine answers
 * them too: they hold no UPDATE on instances);</li>
 * <li>a step's name, description, dates and priority come from its process (Tasklist's naming, the deadlines): nobody
 * but an administrator edits them (403); reassigning, delegating and candidates are the rectification office's
 * ({@code TASK_ASSIGN}, AuthorizationBootstrap);</li>
 * <li>a step is left by completing its form, not by a BPMN error (which, uncaught, would end it and skip the review)
 * or an escalation, and processes are not moved on by messages or signals a person sends (403);</li>
 * <li>giving back a step one claimed from one's group (Tasklist's unclaim) stays possible, though it is an assignment
 * in the engine's terms.</li>
 * </ul>
 * Only the command a person sends is checked, not those our listeners and delegates run inside it; our own code that
 * runs without an engine authentication, jobs and timers are not concerned. The check reads the step in the command's
 * own context, where the engine reads it a moment later: it adds no database statement to a step.
 */
@Component
public class StepWorkGuardPlugin extends AbstractProcessEnginePlugin {

	private final Messages messages;

	/** The command a person sent, while it runs: the inner check concerns that one only, not nested commands. */
	private final ThreadLocal<Command<?>> personal = new ThreadLocal<>();

	public StepWorkGuardPlugin(Messages messages) {
		this.messages = messages;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>((configuration.getCustomPostBPMNParseListeners() != null)
				? configuration.getCustomPostBPMNParseListeners() : List.of());
		listeners.add(new StepFormFields());
		configuration.setCustomPostBPMNParseListeners(listeners);
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.PERSONAL_COMMANDS,
				() -> new PersonalCommands(configuration));
		EngineInterceptors.add(configuration, EngineInterceptors.Post.STEP_CHECK, StepCheck::new);
	}

	/**
	 * In front of the engine, before any command context: refuses what no participant may do at all, and marks the
	 * commands that need a look at their step.
	 */
	final class PersonalCommands extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		PersonalCommands(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (Context.getCommandContext() != null || !byParticipant()) {
				// Run by our code inside a command, or with nobody or an administrator authenticated.
				return this.next.execute(command);
			}
			refuseOutright(command);
			if (!concernsStep(command)) {
				return this.next.execute(command);
			}
			StepWorkGuardPlugin.this.personal.set(command);
			try {
				return this.next.execute(command);
			}
			finally {
				StepWorkGuardPlugin.this.personal.remove();
			}
		}

		private boolean byParticipant() {
			Authentication authentication = this.configuration.getIdentityService().getCurrentAuthentication();
			if (authentication == null || authentication.getUserId() == null) {
				return false;
			}
			List<String> adminUsers = this.configuration.getAdminUsers();
			List<String> adminGroups = this.configuration.getAdminGroups();
			if (adminUsers != null && adminUsers.contains(authentication.getUserId())) {
				return false;
			}
			List<String> groups = authentication.getGroupIds();
			return groups == null || adminGroups == null || groups.stream().noneMatch(adminGroups::contains);
		}

		/**
		 * Nothing a participant's work needs: refused as the engine refuses what a person lacks the permission for
		 * (403 on the REST APIs, which pass the engine's authorization refusals on as they are).
		 */
		private void refuseOutright(Command<?> command) {
			if (command instanceof SetExecutionVariablesCmd || command instanceof RemoveExecutionVariablesCmd
					|| command instanceof PatchExecutionVariablesCmd) {
				List<String> names = EngineInternals.variableNames(command);
				throw new AuthorizationException(StepWorkGuardPlugin.this.messages.get("error.step.processVariable",
						names.isEmpty() ? "" : names.get(0)));
			}
			if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd
					|| command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd
					|| command instanceof MessageEventReceivedCmd || command instanceof SignalEventReceivedCmd
					|| command instanceof SignalCmd) {
				throw new AuthorizationException(StepWorkGuardPlugin.this.messages.get("error.step.onlyByForm"));
			}
			boolean changesStep = (command instanceof SaveTaskCmd save && EngineInternals.savedTask(save) != null
					&& EngineInternals.savedTask(save).getRevision() > 0)
					|| (command instanceof AbstractSetTaskPropertyCmd<?>
							&& !(command instanceof AbstractAddIdentityLinkCmd));
			if (changesStep) {
				throw new AuthorizationException(StepWorkGuardPlugin.this.messages.get("error.step.notEditable"));
			}
		}

		private boolean concernsStep(Command<?> command) {
			return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
					|| command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
					|| command instanceof PatchTaskVariablesCmd
					|| (command instanceof AssignTaskCmd assign && EngineInternals.linkedUser(assign) == null);
		}

	}

	/** Inside the command's context, just before it runs: the step it is for is read where the engine reads it. */
	final class StepCheck extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (StepWorkGuardPlugin.this.personal.get() != command) {
				return this.next.execute(command);
			}
			CommandContext context = Context.getCommandContext();
			if (command instanceof AssignTaskCmd unclaim) {
				TaskEntity task = context.getTaskManager().findTaskById(EngineInternals.taskId(unclaim));
				if (task != null && givesBackOwnClaim(task)) {
					// TASK_WORK lets a candidate claim a step but not give it back; the engine counts an unclaim as
					// an assignment. Giving back one's own claim to one's group reassigns nothing.
					return context.runWithoutAuthorization(() -> this.next.execute(command));
				}
				return this.next.execute(command);
			}
			TaskEntity task = context.getTaskManager().findTaskById(taskId(command));
			List<String> names = EngineInternals.variableNames(command);
			if (task == null || names.isEmpty()) {
				return this.next.execute(command);
			}
			String refused = firstNotOnForm(task, names);
			if (refused == null) {
				return this.next.execute(command);
			}
			String message = StepWorkGuardPlugin.this.messages.get("error.step.fieldNotOnForm", refused,
					StepFormFields.stepName(task));
			// Whoever may not work the step, or write its variables, at all is told so first, as the command itself
			// would tell them: a step outside someone's reach says nothing about its form. Checked only on the way to
			// a refusal, so a step done right costs no statement more.
			boolean completes = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				if (completes) {
					checker.checkTaskWork(task);
				}
				else {
					checker.checkUpdateTaskVariable(task);
				}
			}
			if (completes) {
				// What the engine throws for a form field it refuses: the REST APIs answer it with 400.
				throw new FormFieldValidationException(refused, message);
			}
			throw new NotValidException(message);
		}

		private String taskId(Command<?> command) {
			if (command instanceof CompleteTaskCmd completion) {
				return EngineInternals.taskId(completion);
			}
			if (command instanceof SubmitTaskFormCmd submission) {
				return EngineInternals.taskId(submission);
			}
			if (command instanceof AbstractVariableCmd variables) {
				return EngineInternals.scopeId(variables);
			}
			return EngineInternals.scopeId((AbstractPatchVariablesCmd) command);
		}

		private String firstNotOnForm(TaskEntity task, List<String> names) {
			Set<String> fields = StepFormFields.of(task);
			for (String name : names) {
				if (fields == null || !fields.contains(name)) {
					return name;
				}
			}
			return null;
		}

		private boolean givesBackOwnClaim(TaskEntity task) {
			Authentication authentication = Context.getCommandContext().getAuthentication();
			if (authentication == null || !authentication.getUserId().equals(task.getAssignee())) {
				return false;
			}
			List<String> groups = (authentication.getGroupIds() != null) ? authentication.getGroupIds() : List.of();
			for (IdentityLinkEntity link : task.getIdentityLinks()) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (authentication.getUserId()
					.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
					return true;
				}
			}
			return false;
		}

	}

}

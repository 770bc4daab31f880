package org.rectiflow.engine;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserOperationLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.StepAlreadyDoneException;
import org.rectiflow.system.TaskTakenException;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * How the engine's REST API answers what is not a server fault. Two people completing the same step at once: one succeeds, the other is told plainly that someone else did it.
 * In the engine, a completion, form submission or claim that loses the race (optimistic lock, task already gone or
 * already claimed) becomes {@link TaskTakenException}; on the engine's REST API that is 409 with our message in the
 * person's language, where the engine would have answered 500. A completion the asker had already made themselves
 * (a retry after a lost answer) becomes {@link StepAlreadyDoneException}: 200, with when they did it. The portal's own steps already say so
 * ({@code RectiflowException.Conflict}).
 */
@Component
class ConflictingCompletionPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.RACE, () -> new RaceInterceptor(configuration));
	}

	@Bean
	static ResourceConfigCustomizer conflictMappers(Messages messages) {
		return (config) -> {
			config.register(new RestConflictMapper(messages));
			config.register(new EngineConflictMapper(messages));
			config.register(new MissingBodyMapper(messages));
		};
	}

	static final class RaceInterceptor extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		RaceInterceptor(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			String taskId = taskOf(command);
			if (taskId == null) {
				return this.next.execute(command);
			}
			try {
				return this.next.execute(command);
			}
			catch (OptimisticLockingException | TaskAlreadyClaimedException ex) {
				throw taken(command, taskId, ex);
			}
			catch (NullValueException ex) {
				// "Cannot find task with id …": completed and removed by the other person a moment ago.
				throw taken(command, taskId, ex);
			}
			catch (AuthorizationException ex) {
				// Read the task just before the other person's completion committed, then found its grants gone with
				// it: a lost race too, if the task no longer exists but once did. Anything else stays a refusal.
				if (goneAfterExisting(taskId)) {
					throw taken(command, taskId, ex);
				}
				throw ex;
			}
		}

		private boolean goneAfterExisting(String taskId) {
			return this.next.execute((context) -> context.getTaskManager().findTaskById(taskId) == null
					&& context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId) != null);
		}

		/**
		 * Someone else was first, or — for a completion the asker made themselves (a retry after a lost answer, a
		 * second click) — {@link StepAlreadyDoneException}: the step's history says completed, by the person now
		 * authenticated. Read only on this path, never on a successful completion.
		 */
		private TaskTakenException taken(Command<?> command, String taskId, RuntimeException ex) {
			if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
				try {
					// In a transaction of its own: the failed completion's own rows (its operation-log entry is
					// written before the update that lost) may still sit in the caller's transaction (a portal
					// step), and only what others committed tells who completed the step.
					StepAlreadyDoneException done = this.configuration.getCommandExecutorTxRequiresNew()
						.execute((context) -> {
						String user = context.getAuthenticatedUserId();
						if (user == null || context.getTaskManager().findTaskById(taskId) != null) {
							return null;
						}
						HistoricTaskInstanceEntity history = context.getHistoricTaskInstanceManager()
							.findHistoricTaskInstanceById(taskId);
						if (history == null || history.getEndTime() == null
								|| !"completed".equals(history.getDeleteReason())) {
							return null;
						}
						// Who completed it: the completion's operation-log row (a Tasklist completion leaves the
						// step's assignee empty when nobody had claimed it).
						UserOperationLogQueryImpl completion = new UserOperationLogQueryImpl();
						completion.taskId(taskId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
						completion.orderByTimestamp().desc();
						context.disableAuthorizationCheck();
						context.disableTenantCheck();
						List<UserOperationLogEntry> entries;
						try {
							entries = context.getOperationLogManager()
								.findOperationLogEntriesByQueryCriteria(completion, new Page(0, 1));
						}
						finally {
							context.enableTenantCheck();
							context.enableAuthorizationCheck();
						}
						String by = entries.isEmpty() ? history.getAssignee() : entries.get(0).getUserId();
						return user.equals(by)
								? new StepAlreadyDoneException(taskId, user, history.getEndTime().toInstant(), ex)
								: null;
					});
					if (done != null) {
						return done;
					}
				}
				catch (RuntimeException unreadable) {
					ex.addSuppressed(unreadable);
				}
			}
			return new TaskTakenException(taskId, ex);
		}

		private static String taskOf(Command<?> command) {
			if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
					|| command instanceof ClaimTaskCmd) {
				return String.valueOf(taskIdOf(command));
			}
			return null;
		}

	}

	/** The task id the engine's task commands keep in a field of that name; empty if a version renamed it. */
	static Object taskIdOf(Command<?> command) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField("taskId");
				field.setAccessible(true);
				return field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// look further up
			}
			catch (IllegalAccessException ex) {
				return "";
			}
		}
		return "";
	}

	static Response conflict(Messages messages) {
		return Response.status(Response.Status.CONFLICT)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", TaskTakenException.class.getSimpleName(), "message",
					messages.get("error.step.gone")))
			.build();
	}

	/** 200 and what happened, for a completion the asker had made already. */
	static Response alreadyDone(Messages messages, StepAlreadyDoneException done) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "StepAlreadyDone");
		body.put("message", messages.get("step.alreadyDone", Messages.dateTime(done.getCompletedAt())));
		body.put("completedBy", done.getCompletedBy());
		body.put("completedAt", done.getCompletedAt().toString());
		return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
	}

	static StepAlreadyDoneException alreadyDoneIn(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StepAlreadyDoneException done) {
				return done;
			}
		}
		return null;
	}

	static boolean isTaken(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TaskTakenException) {
				return true;
			}
		}
		return false;
	}

	/** Replaces the engine's mapper of {@link RestException}: the same answers, except 409 for a lost race. */
	@Priority(1)
	record RestConflictMapper(Messages messages) implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException ex) {
			StepAlreadyDoneException done = alreadyDoneIn(ex);
			if (done != null) {
				return alreadyDone(this.messages, done);
			}
			return isTaken(ex) ? conflict(this.messages) : ExceptionHandlerHelper.getInstance().getResponse(ex);
		}

	}

	/**
	 * A request without the body an engine REST call needs ({@code null}, nothing) ends in a NullPointerException
	 * inside the engine's REST resources, which it answers with 500 and its class names. It is the caller's mistake:
	 * 400 and a sentence. Logged, so that a real defect would still be seen.
	 */
	@Priority(1)
	record MissingBodyMapper(Messages messages) implements ExceptionMapper<NullPointerException> {

		@Override
		public Response toResponse(NullPointerException ex) {
			LoggerFactory.getLogger(ConflictingCompletionPlugin.class)
				.warn("Engine REST request without the content it needs: {}", ex.getMessage());
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", "InvalidRequestException", "message", this.messages.get("error.request.unreadable")))
				.build();
		}

	}

	/** Replaces the engine's mapper of {@link ProcessEngineException}, likewise. */
	@Priority(1)
	record EngineConflictMapper(Messages messages) implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException ex) {
			StepAlreadyDoneException done = alreadyDoneIn(ex);
			if (done != null) {
				return alreadyDone(this.messages, done);
			}
			return isTaken(ex) ? conflict(this.messages) : ExceptionHandlerHelper.getInstance().getResponse(ex);
		}

	}

}

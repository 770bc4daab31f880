package org.rectiflow.engine;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;
import org.rectiflow.system.Messages;
import org.springframework.stereotype.Component;

/**
 * Closes the task-query expression injection of Camunda 7.24 CE (remote command execution, fixed only in enterprise
 * patches). The engine refuses expressions in an adhoc query ({@code AdhocQueryValidator}) but checks only the
 * top-level query: the or-queries ({@code orQueries} over REST, {@code query.or()} in Java) are created without
 * validators and their expressions are evaluated, so {@code ${''.getClass().forName('java.lang.Runtime')...}} ran
 * as the server for any logged-in person.
 * <p>
 * This plugin puts the check where the engine's own is, in front of every command, whoever sends it (the REST API,
 * the webapps' API, Tasklist, our own code):
 * <ul>
 * <li>an adhoc query and the adhoc query that extends a filter are validated at every nesting depth the way the
 * engine validates the top-level query;</li>
 * <li>a filter may be saved only when every expression in it, at every depth, is one of
 * {@link StoredQueryExpressions the allowed ones};</li>
 * <li>a stored filter whose query holds any other expression (saved before this guard, or written to the database
 * by other means) is refused when it is run, instead of evaluated.</li>
 * </ul>
 * Who may save filters at all is a matter of Camunda authorizations: only administrators hold CREATE and UPDATE on
 * filters ({@code AuthorizationBootstrap}).
 */
@Component
public class QueryExpressionGuardPlugin extends AbstractProcessEnginePlugin {

	private final Messages messages;

	public QueryExpressionGuardPlugin(Messages messages) {
		this.messages = messages;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.QUERY_EXPRESSIONS,
				() -> new Guard(configuration, this.messages));
	}

	static final class Guard extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		private final Messages messages;

		Guard(ProcessEngineConfigurationImpl configuration, Messages messages) {
			this.configuration = configuration;
			this.messages = messages;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof AbstractQuery<?, ?> query) {
				// Queries run through a command executor are the adhoc ones (the engine adds its adhoc validator then).
				checkAdhoc(query);
			}
			else if (command instanceof AbstractExecuteFilterCmd execution) {
				if (EngineInternals.extendingQuery(execution) instanceof AbstractQuery<?, ?> extending) {
					checkAdhoc(extending);
				}
				return this.next.execute(new CheckedFilterExecution<>(command, EngineInternals.filterId(execution)));
			}
			else if (command instanceof SaveFilterCmd save) {
				Filter filter = EngineInternals.filter(save);
				if (filter != null) {
					checkStored(filter.getQuery());
				}
			}
			return this.next.execute(command);
		}

		private void checkAdhoc(AbstractQuery<?, ?> query) {
			if (this.configuration.isEnableExpressionsInAdhocQueries()) {
				return;
			}
			for (AbstractQuery<?, ?> part : EngineInternals.queryParts(query)) {
				if (!part.getExpressions().isEmpty()) {
					throw new GuardRefusalException(this.messages.get("error.query.expressionForbidden"));
				}
			}
		}

		void checkStored(Query<?, ?> query) {
			if (!(query instanceof AbstractQuery<?, ?> stored)) {
				return;
			}
			for (AbstractQuery<?, ?> part : EngineInternals.queryParts(stored)) {
				for (String expression : part.getExpressions().values()) {
					if (!StoredQueryExpressions.isAllowed(expression)) {
						throw new GuardRefusalException(
								this.messages.get("error.filter.expressionForbidden", abbreviate(expression)));
					}
				}
			}
		}

		private static String abbreviate(String expression) {
			return (expression.length() <= 60) ? expression : expression.substring(0, 60) + "…";
		}

		/**
		 * Runs a filter only once its stored query has passed the allow-list; the filter is read in the same command
		 * context, so the engine's own read of it comes from the context's cache.
		 */
		private final class CheckedFilterExecution<T> implements Command<T> {

			private final Command<T> execution;

			private final String filterId;

			CheckedFilterExecution(Command<T> execution, String filterId) {
				this.execution = execution;
				this.filterId = filterId;
			}

			@Override
			public T execute(CommandContext commandContext) {
				if (this.filterId != null) {
					FilterEntity filter = commandContext.getFilterManager().findFilterById(this.filterId);
					if (filter != null) {
						checkStored(filter.getQuery());
					}
				}
				return this.execution.execute(commandContext);
			}

		}

	}

}

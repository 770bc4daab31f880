package org.rectiflow.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener or delegate throws into a generic exception, which its REST API answers
 * with 500. Our listeners reject bad input with {@link NotValidException} (see {@link ValidatingTaskListener}); this
 * interceptor, outside the engine's transaction, lets that reach the caller as it is: the REST APIs and Tasklist
 * answer 400 with the message in the person's language, and the rolled-back transaction loses nothing.
 */
@Component
class ValidationUnwrappingPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.UNWRAP_VALIDATION, UnwrapValidation::new);
	}

	static final class UnwrapValidation extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return this.next.execute(command);
			}
			catch (ProcessEngineException ex) {
				for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
					if (cause instanceof NotValidException notValid) {
						throw notValid;
					}
				}
				throw ex;
			}
		}

	}

}

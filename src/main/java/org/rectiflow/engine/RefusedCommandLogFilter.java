package org.rectiflow.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;

/**
 * Keeps a person's refused input out of the error log. The engine logs every exception that ends a command at ERROR
 * with its whole stack (ENGINE-16004, logger {@code org.camunda.bpm.engine.context}) unless it is one of the few it
 * knows as the caller's mistake. Our refusals are the caller's mistake too: a field a step's form does not have
 * ({@link StepWorkGuardPlugin}, {@link FormFieldValidationException}) and input our task listeners refuse
 * ({@link NotValidException}). They are answered with a 400 in the person's language and recorded in the audit log;
 * as ERROR stacks of some 170 lines each they buried real failures and let anyone flood the log with one request.
 * Every other failure is logged as before. Installed by {@code logback-spring.xml}.
 */
public class RefusedCommandLogFilter extends TurboFilter {

	static final String COMMAND_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (logger == null || level != Level.ERROR || !COMMAND_CONTEXT_LOGGER.equals(logger.getName())) {
			return FilterReply.NEUTRAL;
		}
		Throwable thrown = (t != null) ? t : lastThrowable(params);
		return isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

	private static Throwable lastThrowable(Object[] params) {
		if (params == null || params.length == 0) {
			return null;
		}
		return (params[params.length - 1] instanceof Throwable thrown) ? thrown : null;
	}

	static boolean isRefusal(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof FormFieldValidationException || cause instanceof NotValidException) {
				return true;
			}
		}
		return false;
	}

}

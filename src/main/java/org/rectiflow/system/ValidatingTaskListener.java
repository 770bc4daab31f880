package org.rectiflow.system;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;

/**
 * Base of the task listeners that check what a person submitted. A broken rule becomes Camunda's
 * {@link NotValidException} with the reason in the person's language: the REST API answers 400 with that message,
 * Tasklist shows it, the task stays open and nothing is lost.
 */
public abstract class ValidatingTaskListener implements TaskListener {

	private final Messages messages;

	protected ValidatingTaskListener(Messages messages) {
		this.messages = messages;
	}

	@Override
	public final void notify(DelegateTask task) {
		try {
			onComplete(task);
		}
		catch (RectiflowException ex) {
			throw new NotValidException(this.messages.get(ex));
		}
	}

	protected abstract void onComplete(DelegateTask task);

	protected static String text(DelegateTask task, String variable) {
		Object value = task.getVariable(variable);
		return (value == null) ? "" : value.toString().trim();
	}

	/** A text the person had to fill in; the error names the field as the form labels it. */
	protected String required(DelegateTask task, String variable) {
		String value = text(task, variable);
		if (value.isEmpty()) {
			throw new RectiflowException("error.field.required", this.messages.get("field." + variable));
		}
		return value;
	}

	protected static Long longValue(DelegateTask task, String variable) {
		Object value = task.getVariable(variable);
		return (value instanceof Number n) ? n.longValue() : Long.valueOf(String.valueOf(value));
	}

}

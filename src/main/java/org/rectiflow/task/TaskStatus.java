package org.rectiflow.task;

/**
 * The outcome of a task as the reports count it (整改结果). A task is {@link #NOT_COMPLETED} until close-off gives
 * it an outcome; a {@link #LONG_TERM} task stays open and reports stage results until it is closed off again.
 */
public enum TaskStatus {

	COMPLETED, BASICALLY_COMPLETED, NOT_COMPLETED, LONG_TERM;

	/** The outcomes a close-off may give. */
	public boolean isCloseOffOutcome() {
		return this != NOT_COMPLETED;
	}

}

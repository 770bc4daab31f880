package org.rectiflow.system;

import java.time.Instant;

/**
 * The person asks to complete a step they completed themselves already: a retry after a lost answer, a second click.
 * Nothing is done again; unlike {@link TaskTakenException} (someone else was first) the answer says what happened —
 * done, by you, at — as a success: 200 on the engine's REST API ({@code engine/ConflictingCompletionPlugin}), a
 * confirmation on our pages.
 */
public class StepAlreadyDoneException extends TaskTakenException {

	private static final long serialVersionUID = 1L;

	private final String completedBy;

	private final transient Instant completedAt;

	public StepAlreadyDoneException(String taskId, String completedBy, Instant completedAt, Throwable cause) {
		super(taskId, cause);
		this.completedBy = completedBy;
		this.completedAt = completedAt;
	}

	public String getCompletedBy() {
		return this.completedBy;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

}

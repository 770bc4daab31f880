package org.rectiflow.system;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Someone else completed or claimed the step a moment earlier: the engine's optimistic lock fired, or the task is
 * gone. Not an error of the system, a conflict the person resolves by looking again; the engine's REST API answers
 * it with 409 and our message ({@code engine/ConflictingCompletionPlugin}).
 */
public class TaskTakenException extends ProcessEngineException {

	private static final long serialVersionUID = 1L;

	public TaskTakenException(String taskId, Throwable cause) {
		super("Task " + taskId + " was completed or claimed by someone else", cause);
	}

}

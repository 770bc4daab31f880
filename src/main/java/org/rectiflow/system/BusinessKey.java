package org.rectiflow.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The domain id a process instance is about: its business key, which the adapter that starts the instance sets (a
 * rectification task's id for {@code rectificationTaskProcess}, the inspection's id for {@code rectificationProcess}
 * and {@code supervisionProcess}) and which nobody can change afterwards. Listeners and delegates find their ledger row
 * by it, never by a variable such as {@code rectificationTaskId} or {@code inspectionId}: those are kept for Tasklist
 * to show, and a variable is what a person's request writes.
 */
public final class BusinessKey {

	private BusinessKey() {
	}

	public static Long of(DelegateExecution execution) {
		return Long.valueOf(execution.getProcessBusinessKey());
	}

	public static Long of(DelegateTask task) {
		return of(task.getExecution());
	}

}

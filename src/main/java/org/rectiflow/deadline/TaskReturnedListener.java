package org.rectiflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/**
 * {@code take} listener of the two return flows (leader, on-site supervision): the return is counted for the
 * department's assessment and the department is told the reason the decision task recorded.
 */
@Component("taskReturnedListener")
class TaskReturnedListener implements ExecutionListener {

	private final DeadlineService deadlines;

	TaskReturnedListener(DeadlineService deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Object reason = execution.getVariable(RectificationTaskProcess.VAR_LAST_RETURN_REASON);
		this.deadlines.recordReturn(BusinessKey.of(execution),
				(reason == null) ? null : reason.toString());
	}

}

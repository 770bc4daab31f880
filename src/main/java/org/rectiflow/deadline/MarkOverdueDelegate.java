package org.rectiflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_markOverdue}: the deadline passed with no evidence submitted; flag it, raise priority and tell
 * the responsible leader and the discipline committee.
 */
@Component("markOverdueDelegate")
class MarkOverdueDelegate implements JavaDelegate {

	private final DeadlineService deadlines;

	MarkOverdueDelegate(DeadlineService deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.deadlines.escalateOverdue(BusinessKey.of(execution));
	}

}

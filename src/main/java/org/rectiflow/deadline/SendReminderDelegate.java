package org.rectiflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_sendReminder}: the deadline is a few working days away; the department and leader are told. */
@Component("sendReminderDelegate")
class SendReminderDelegate implements JavaDelegate {

	private final DeadlineService deadlines;

	SendReminderDelegate(DeadlineService deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.deadlines.remind(BusinessKey.of(execution));
	}

}

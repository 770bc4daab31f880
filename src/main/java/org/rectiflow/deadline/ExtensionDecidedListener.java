package org.rectiflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_decideExtension} complete: records the leader's answer; on approval, sets the new deadline and
 * the timer dates, which the department's step picks up when the process restarts it.
 */
@Component("extensionDecidedListener")
class ExtensionDecidedListener extends ValidatingTaskListener {

	private final DeadlineService deadlines;

	ExtensionDecidedListener(Messages messages, DeadlineService deadlines) {
		super(messages);
		this.deadlines = deadlines;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		boolean approved = RectificationTaskProcess.APPROVE.equals(text(task, RectificationTaskProcess.VAR_EXTENSION_DECISION));
		this.deadlines
			.decideExtension(longValue(task, RectificationTaskProcess.VAR_EXTENSION_ID), approved,
					text(task, RectificationTaskProcess.VAR_EXTENSION_OPINION), Actors.completing(task))
			.ifPresent((next) -> {
				DelegateExecution execution = task.getExecution();
				execution.setVariable(RectificationTaskProcess.VAR_DEADLINE, next.deadline().toString());
				execution.setVariable(RectificationTaskProcess.VAR_DUE_AT, next.dueAt());
				execution.setVariable(RectificationTaskProcess.VAR_REMIND_AT, next.remindAt());
				execution.setVariable(RectificationTaskProcess.VAR_GRACE_ENDS_AT, next.graceEndsAt());
			});
	}

}

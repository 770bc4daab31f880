package org.rectiflow.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_submitEvidence} complete: progress is only submitted with a report and at least one file. */
@Component("evidenceSubmittedListener")
class EvidenceSubmittedListener extends ValidatingTaskListener {

	private final RectificationTaskService tasks;

	private final EvidenceService evidence;

	EvidenceSubmittedListener(Messages messages, RectificationTaskService tasks, EvidenceService evidence) {
		super(messages);
		this.tasks = tasks;
		this.evidence = evidence;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		Long taskId = longValue(task, RectificationTaskProcess.VAR_TASK_ID);
		String progress = required(task, RectificationTaskProcess.VAR_PROGRESS_REPORT);
		if (this.evidence.countOf(taskId) == 0) {
			throw new RectiflowException("error.evidence.missing");
		}
		this.tasks.recordProgress(taskId, progress);
		this.evidence.markSubmitted(taskId);
		this.tasks.withdrawPendingExtension(taskId);
	}

}

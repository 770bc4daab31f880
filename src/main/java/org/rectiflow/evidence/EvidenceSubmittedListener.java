package org.rectiflow.evidence;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.ValidatingTaskListener;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
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
		Long taskId = BusinessKey.of(task);
		String progress = required(task, RectificationTaskProcess.VAR_PROGRESS_REPORT);
		// Files just stamped prove there is evidence; only a resubmission without new files needs counting. A refusal
		// rolls the stamps back with the rest.
		if (this.evidence.markSubmitted(taskId) == 0 && this.evidence.countOf(taskId) == 0) {
			throw new RectiflowException("error.evidence.missing");
		}
		this.tasks.recordProgress(taskId, progress);
		this.tasks.withdrawPendingExtension(taskId);
	}

}

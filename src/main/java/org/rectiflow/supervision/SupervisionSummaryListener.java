package org.rectiflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_supervisionSummary} complete: keeps the discipline committee's summary of the supervision. */
@Component("supervisionSummaryListener")
class SupervisionSummaryListener extends ValidatingTaskListener {

	private final SupervisionService supervision;

	SupervisionSummaryListener(Messages messages, SupervisionService supervision) {
		super(messages);
		this.supervision = supervision;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.supervision.record(BusinessKey.of(task), SupervisionStage.SUMMARY,
				required(task, SupervisionProcess.VAR_SUPERVISION_SUMMARY), Actors.completing(task));
	}

}

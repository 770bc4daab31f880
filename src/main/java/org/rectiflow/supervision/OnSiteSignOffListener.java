package org.rectiflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/** {@code userTask_onSiteSupervision} (rectification task) complete: keeps the sign-off or the findings. */
@Component("onSiteSignOffListener")
class OnSiteSignOffListener extends ValidatingTaskListener {

	private final SupervisionService supervision;

	OnSiteSignOffListener(Messages messages, SupervisionService supervision) {
		super(messages);
		this.supervision = supervision;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.supervision.recordSignOff(longValue(task, RectificationTaskProcess.VAR_INSPECTION_ID),
				longValue(task, RectificationTaskProcess.VAR_TASK_ID),
				text(task, RectificationTaskProcess.VAR_SUPERVISION_DECISION),
				required(task, RectificationTaskProcess.VAR_SUPERVISION_FINDINGS), Actors.completing(task));
	}

}

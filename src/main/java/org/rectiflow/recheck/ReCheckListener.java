package org.rectiflow.recheck;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_reCheck} complete, after {@code ${decisionListener}} checked outcome and finding: keeps them. */
@Component("reCheckListener")
class ReCheckListener extends ValidatingTaskListener {

	private final ReCheckService service;

	ReCheckListener(Messages messages, ReCheckService service) {
		super(messages);
		this.service = service;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.service.recordOutcome(BusinessKey.of(task), text(task, ReCheckProcess.VAR_OUTCOME),
				required(task, ReCheckProcess.VAR_FINDING), Actors.completing(task));
	}

}

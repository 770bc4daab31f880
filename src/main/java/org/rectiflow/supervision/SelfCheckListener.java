package org.rectiflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_selfCheck} complete: keeps one lead department's self-check report. */
@Component("selfCheckListener")
class SelfCheckListener extends ValidatingTaskListener {

	private final SupervisionService supervision;

	SelfCheckListener(Messages messages, SupervisionService supervision) {
		super(messages);
		this.supervision = supervision;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		String report = required(task, SupervisionProcess.VAR_SELF_CHECK_REPORT);
		this.supervision.recordSelfCheck(BusinessKey.of(task),
				text(task, SupervisionProcess.VAR_DEPARTMENT), report, Actors.completing(task));
		task.getExecution().removeVariable(SupervisionProcess.VAR_SELF_CHECK_REPORT);
	}

}

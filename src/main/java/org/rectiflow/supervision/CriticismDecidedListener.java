package org.rectiflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/** {@code userTask_decideCriticism} complete: the committee's criticism notice is issued, or its waiver kept. */
@Component("criticismDecidedListener")
class CriticismDecidedListener extends ValidatingTaskListener {

	private final SupervisionService supervision;

	CriticismDecidedListener(Messages messages, SupervisionService supervision) {
		super(messages);
		this.supervision = supervision;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.supervision.decideOverdueCriticism(BusinessKey.of(task),
				RectificationTaskProcess.ISSUE.equals(text(task, RectificationTaskProcess.VAR_CRITICISM_DECISION)),
				text(task, RectificationTaskProcess.VAR_CRITICISM_REASON), Actors.completing(task));
	}

}

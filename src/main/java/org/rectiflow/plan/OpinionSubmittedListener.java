package org.rectiflow.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_solicitOpinions} complete: keeps each leader's comment on the draft plan. */
@Component("opinionSubmittedListener")
class OpinionSubmittedListener extends ValidatingTaskListener {

	private final PlanService plans;

	OpinionSubmittedListener(Messages messages, PlanService plans) {
		super(messages);
		this.plans = plans;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		String opinion = required(task, RectificationProcess.VAR_OPINION);
		String leader = (task.getAssignee() != null) ? task.getAssignee() : text(task, RectificationProcess.VAR_LEADER);
		this.plans.recordOpinion(BusinessKey.of(task), leader, opinion);
		// Each leader's answer is kept in the domain; the shared variable must not leak into the next leader's form.
		task.getExecution().removeVariable(RectificationProcess.VAR_OPINION);
	}

}

package org.rectiflow.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_draftPlan} complete: the plan leaves drafting only with every problem broken down in full. */
@Component("planDraftedListener")
class PlanDraftedListener extends ValidatingTaskListener {

	private final PlanService plans;

	PlanDraftedListener(Messages messages, PlanService plans) {
		super(messages);
		this.plans = plans;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		Long inspectionId = BusinessKey.of(task);
		String summary = required(task, RectificationProcess.VAR_PLAN_SUMMARY);
		this.plans.checkBreakdown(inspectionId);
		this.plans.recordPlanSummary(inspectionId, summary);
	}

}

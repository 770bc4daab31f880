package org.rectiflow.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_startRectificationTasks}: the plan is filed, so every task starts its own instance. */
@Component("startRectificationTasksDelegate")
class StartRectificationTasksDelegate implements JavaDelegate {

	private final PlanService plans;

	StartRectificationTasksDelegate(PlanService plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long inspectionId = BusinessKey.of(execution);
		this.plans.startRectification(inspectionId);
	}

}

package org.rectiflow.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_closeInspection}: the concentrated rectification is over; long-term tasks keep running. */
@Component("closeInspectionDelegate")
class CloseInspectionDelegate implements JavaDelegate {

	private final PlanService plans;

	CloseInspectionDelegate(PlanService plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.plans.close(BusinessKey.of(execution));
	}

}

package org.rectiflow.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_reopenTasks} and {@code serviceTask_reopenAfterLookBack}: the named tasks run again. The codes
 * were checked by the listener of the task that named them.
 */
@Component("reopenTasksDelegate")
class ReopenTasksDelegate implements JavaDelegate {

	private final PlanService plans;

	ReopenTasksDelegate(PlanService plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.plans.reopen(BusinessKey.of(execution),
				(String) execution.getVariable(RectificationProcess.VAR_REOPEN_TASK_CODES));
	}

}

package org.rectiflow.task;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_markOverdue}: the deadline passed with no evidence submitted; flag it and raise priority. */
@Component("markOverdueDelegate")
class MarkOverdueDelegate implements JavaDelegate {

	private final RectificationTaskService tasks;

	MarkOverdueDelegate(RectificationTaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.tasks.markOverdue(((Number) execution.getVariable(RectificationTaskProcess.VAR_TASK_ID)).longValue());
	}

}

package org.rectiflow.task;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_recordOutcome}: the close-off decision becomes the task's outcome in the ledger, with the
 * effectiveness evaluation the office recorded.
 */
@Component("recordOutcomeDelegate")
class RecordOutcomeDelegate implements JavaDelegate {

	private final RectificationTaskService tasks;

	RecordOutcomeDelegate(RectificationTaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.tasks.recordEffectiveness(BusinessKey.of(execution),
				(String) execution.getVariable(RectificationTaskProcess.VAR_EFFECTIVENESS_GRADE),
				(String) execution.getVariable(RectificationTaskProcess.VAR_EFFECTIVENESS_BASIS));
		this.tasks.recordOutcome(BusinessKey.of(execution),
				TaskStatus.valueOf((String) execution.getVariable(RectificationTaskProcess.VAR_OUTCOME)));
	}

}

package org.rectiflow.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_reportStageResults} complete: keeps the long-term task's staged measures and results. */
@Component("stageReportListener")
class StageReportListener extends ValidatingTaskListener {

	private final RectificationTaskService tasks;

	StageReportListener(Messages messages, RectificationTaskService tasks) {
		super(messages);
		this.tasks = tasks;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		String measures = required(task, RectificationTaskProcess.VAR_STAGE_MEASURES);
		String results = required(task, RectificationTaskProcess.VAR_STAGE_RESULTS);
		boolean claimed = Boolean.TRUE.equals(task.getVariable(RectificationTaskProcess.VAR_COMPLETION_CLAIMED));
		// The gateway after this task reads the flag; make it a boolean even when a client left it out.
		task.getExecution().setVariable(RectificationTaskProcess.VAR_COMPLETION_CLAIMED, claimed);
		this.tasks.recordStageReport(BusinessKey.of(task), measures, results, claimed,
				Actors.completing(task));
	}

}

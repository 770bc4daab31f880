package org.rectiflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.stereotype.Component;

/** {@code userTask_lookBack} complete: keeps the findings; a relapse must name the tasks to do again. */
@Component("lookBackListener")
class LookBackListener extends ValidatingTaskListener {

	private final SupervisionService supervision;

	private final RectificationTaskService tasks;

	LookBackListener(Messages messages, SupervisionService supervision, RectificationTaskService tasks) {
		super(messages);
		this.supervision = supervision;
		this.tasks = tasks;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		Long inspectionId = BusinessKey.of(task);
		String findings = required(task, RectificationProcess.VAR_LOOK_BACK_FINDINGS);
		if (RectificationProcess.RELAPSED.equals(text(task, RectificationProcess.VAR_LOOK_BACK_DECISION))) {
			this.tasks.findByCodes(inspectionId, text(task, RectificationProcess.VAR_REOPEN_TASK_CODES));
		}
		this.supervision.record(inspectionId, SupervisionStage.LOOK_BACK, findings, Actors.completing(task));
	}

}

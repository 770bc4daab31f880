package org.rectiflow.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_reviewReport} complete: keeps the inspection office's review opinion; checks reopened codes. */
@Component("reviewOpinionListener")
class ReviewOpinionListener extends ValidatingTaskListener {

	private final ReportService reports;

	ReviewOpinionListener(Messages messages, ReportService reports) {
		super(messages);
		this.reports = reports;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.reports.recordReviewOpinion(BusinessKey.of(task),
				text(task, RectificationProcess.VAR_REVIEW_DECISION),
				required(task, RectificationProcess.VAR_REVIEW_OPINION),
				text(task, RectificationProcess.VAR_REOPEN_TASK_CODES), Actors.completing(task));
	}

}

package org.rectiflow.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_draftSummaryReport} complete: keeps this round's draft of the rectification report. */
@Component("summaryReportListener")
class SummaryReportListener extends ValidatingTaskListener {

	private final ReportService reports;

	SummaryReportListener(Messages messages, ReportService reports) {
		super(messages);
		this.reports = reports;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.reports.draftSummary(BusinessKey.of(task),
				required(task, RectificationProcess.VAR_SUMMARY_REPORT), Actors.completing(task));
	}

}

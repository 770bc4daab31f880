package org.rectiflow.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_draftSummaryReport} complete: keeps this round's draft of the rectification report; the latest
 * version of the office's words goes to the committee, its number to the committee's form.
 */
@Component("summaryReportListener")
class SummaryReportListener extends ValidatingTaskListener {

	private final ReportService reports;

	private final ReportDrafts drafts;

	SummaryReportListener(Messages messages, ReportService reports, ReportDrafts drafts) {
		super(messages);
		this.reports = reports;
		this.drafts = drafts;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.reports.draftSummary(BusinessKey.of(task),
				required(task, RectificationProcess.VAR_SUMMARY_REPORT), Actors.completing(task));
		this.drafts.requested(BusinessKey.of(task), ReportKind.SUBMITTED)
			.ifPresent((v) -> task.getExecution().setVariable(ReportDrafts.VAR_SUMMARY_REPORT_VERSION, v.getNumber()));
	}

}

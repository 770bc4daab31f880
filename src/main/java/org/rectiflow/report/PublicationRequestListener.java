package org.rectiflow.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_publishPublicReport} complete: the rectification office confirms it checked the text and gives the
 * contact line, before the report goes to the Party committee for approval; the latest version of the draft is the
 * one sent up, and its number goes to the committee's form. Refused (400) without the confirmation,
 * for REST clients as for the form.
 */
@Component("publicationRequestListener")
class PublicationRequestListener extends ValidatingTaskListener {

	private final ReportService reports;

	private final ReportDrafts drafts;

	PublicationRequestListener(Messages messages, ReportService reports, ReportDrafts drafts) {
		super(messages);
		this.reports = reports;
		this.drafts = drafts;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.reports.requestPublication(BusinessKey.of(task),
				text(task, RectificationProcess.VAR_CONTACT_LINE),
				Boolean.TRUE.equals(task.getVariable(RectificationProcess.VAR_PUBLIC_REPORT_CONFIRMED)),
				Actors.completing(task));
		// The committee's form names the version it is asked to approve.
		this.drafts.requested(BusinessKey.of(task), ReportKind.PUBLIC)
			.ifPresent((v) -> task.getExecution().setVariable(ReportDrafts.VAR_PUBLIC_REPORT_VERSION, v.getNumber()));
	}

}

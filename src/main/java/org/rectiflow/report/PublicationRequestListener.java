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
 * contact line, before the report goes to the Party committee for approval. Refused (400) without the confirmation,
 * for REST clients as for the form.
 */
@Component("publicationRequestListener")
class PublicationRequestListener extends ValidatingTaskListener {

	private final ReportService reports;

	PublicationRequestListener(Messages messages, ReportService reports) {
		super(messages);
		this.reports = reports;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.reports.requestPublication(BusinessKey.of(task),
				text(task, RectificationProcess.VAR_CONTACT_LINE),
				Boolean.TRUE.equals(task.getVariable(RectificationProcess.VAR_PUBLIC_REPORT_CONFIRMED)),
				Actors.completing(task));
	}

}

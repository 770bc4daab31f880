package org.rectiflow.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_publishPublicReport}: freezes and publishes the public report. Runs in the transaction of the
 * publishing person's task completion, so a missing confirmation is refused (400) and the task stays open.
 */
@Component("publishPublicReportDelegate")
class PublishPublicReportDelegate implements JavaDelegate {

	private final ReportService reports;

	private final Messages messages;

	PublishPublicReportDelegate(ReportService reports, Messages messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (!Boolean.TRUE.equals(execution.getVariable(RectificationProcess.VAR_PUBLIC_REPORT_CONFIRMED))) {
			throw new NotValidException(this.messages.get("error.report.notConfirmed"));
		}
		this.reports.publish(((Number) execution.getVariable(RectificationProcess.VAR_INSPECTION_ID)).longValue(),
				(String) execution.getVariable(RectificationProcess.VAR_CONTACT_LINE), Actors.current());
	}

}

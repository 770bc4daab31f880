package org.rectiflow.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_publishPublicReport}: after the Party committee approved publication, freezes the public report
 * as the ledger stands and opens it to the public at its stable address.
 */
@Component("publishPublicReportDelegate")
class PublishPublicReportDelegate implements JavaDelegate {

	private final ReportService reports;

	PublishPublicReportDelegate(ReportService reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reports.publish(BusinessKey.of(execution),
				Actors.current());
	}

}

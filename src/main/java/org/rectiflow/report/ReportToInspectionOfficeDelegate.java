package org.rectiflow.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_reportToInspectionOffice}: the approved draft goes out with the counts as they stand. */
@Component("reportToInspectionOfficeDelegate")
class ReportToInspectionOfficeDelegate implements JavaDelegate {

	private final ReportService reports;

	ReportToInspectionOfficeDelegate(ReportService reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reports.submitToInspectionOffice(
				BusinessKey.of(execution), Actors.current());
	}

}

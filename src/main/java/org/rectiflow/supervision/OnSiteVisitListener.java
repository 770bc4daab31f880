package org.rectiflow.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_recordOnSiteVisit} complete: keeps the record of one on-site supervision visit. */
@Component("onSiteVisitListener")
class OnSiteVisitListener extends ValidatingTaskListener {

	private final SupervisionService supervision;

	OnSiteVisitListener(Messages messages, SupervisionService supervision) {
		super(messages);
		this.supervision = supervision;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		String department = required(task, SupervisionProcess.VAR_VISIT_DEPARTMENT);
		String date = required(task, SupervisionProcess.VAR_VISIT_DATE);
		String record = required(task, SupervisionProcess.VAR_VISIT_RECORD);
		LocalDate visitDate;
		try {
			visitDate = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.field.date", date);
		}
		this.supervision.recordVisit(BusinessKey.of(task), department, visitDate,
				record, Actors.completing(task));
		task.getExecution().setVariable(SupervisionProcess.VAR_MORE_VISITS,
				Boolean.TRUE.equals(task.getVariable(SupervisionProcess.VAR_MORE_VISITS)));
	}

}

package org.rectiflow.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.ValidatingTaskListener;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/** {@code userTask_onSiteSupervision} (rectification task) complete: keeps the sign-off or the findings. */
@Component("onSiteSignOffListener")
class OnSiteSignOffListener extends ValidatingTaskListener {

	private final SupervisionService supervision;

	OnSiteSignOffListener(Messages messages, SupervisionService supervision) {
		super(messages);
		this.supervision = supervision;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		Long taskId = BusinessKey.of(task);
		this.supervision.recordSignOff(this.supervision.inspectionOf(taskId), taskId,
				text(task, RectificationTaskProcess.VAR_SUPERVISION_DECISION),
				required(task, RectificationTaskProcess.VAR_SUPERVISION_FINDINGS), visit(task), Actors.completing(task));
	}

	/** The visit's date, place, participants and checked items: given by the portal's sign-off, optional in Tasklist. */
	private static SignOff.Visit visit(DelegateTask task) {
		String date = text(task, RectificationTaskProcess.VAR_VISIT_DATE);
		if (date.isEmpty()) {
			return null;
		}
		try {
			// form-js gives yyyy-MM-dd; tolerate a date-time from other clients.
			return new SignOff.Visit(LocalDate.parse((date.length() > 10) ? date.substring(0, 10) : date), text(task, RectificationTaskProcess.VAR_VISIT_PLACE),
					text(task, RectificationTaskProcess.VAR_VISIT_PARTICIPANTS),
					text(task, RectificationTaskProcess.VAR_CHECKED_ITEMS));
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.field.date", date);
		}
	}

}

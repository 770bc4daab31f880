package org.rectiflow.dates;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.engine.StepDates;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.inspection.TypedDates;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.StepClock;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The effective date of every step of an inspection's processes (the rectification, its tasks, the supervision),
 * checked and kept in {@code step_date} with who typed it and when (issue 19). The date is the completion's
 * {@value StepClock#VARIABLE} (the forms' 办理日期), or for an on-site visit or sign-off its visit date; none given, it
 * is today — except in recorded history, where every step must say when it happened. It must fall between the
 * inspection's feedback and today ({@link TypedDates#done}). Steps of processes outside an inspection (a 举一反三
 * answer, a re-check) take no date.
 */
@Component
class StepDateRecorder implements StepDates {

	private final InspectionRepository inspections;

	private final RectificationTaskRepository tasks;

	private final TypedDates typedDates;

	private final JdbcTemplate jdbc;

	private final Messages messages;

	private final Clock clock;

	StepDateRecorder(InspectionRepository inspections, RectificationTaskRepository tasks, TypedDates typedDates,
			JdbcTemplate jdbc, Messages messages, Clock clock) {
		this.inspections = inspections;
		this.tasks = tasks;
		this.typedDates = typedDates;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public LocalDate completing(DelegateTask task) {
		try {
			return record(task);
		}
		catch (RectiflowException ex) {
			throw new NotValidException(this.messages.get(ex));
		}
	}

	private LocalDate record(DelegateTask task) {
		String processKey = (task.getProcessDefinitionId() != null) ? task.getProcessDefinitionId().split(":")[0] : "";
		String businessKey = (task.getExecution() != null) ? task.getExecution().getProcessBusinessKey() : null;
		if (businessKey == null) {
			return null;
		}
		Long taskId = null;
		Long inspectionId;
		try {
			switch (processKey) {
				case RectificationProcess.PROCESS_KEY, SupervisionProcess.PROCESS_KEY -> inspectionId = Long.valueOf(businessKey);
				case RectificationTaskProcess.PROCESS_KEY -> {
					taskId = Long.valueOf(businessKey);
					inspectionId = this.tasks.findById(taskId).map(RectificationTask::getInspectionId).orElse(null);
				}
				default -> inspectionId = null;
			}
		}
		catch (NumberFormatException ex) {
			inspectionId = null;
		}
		Inspection inspection = (inspectionId != null) ? this.inspections.findById(inspectionId).orElse(null) : null;
		if (inspection == null) {
			return null;
		}
		Object explicit = task.getVariable(StepClock.VARIABLE);
		boolean dated = explicit != null && !explicit.toString().isBlank();
		LocalDate day = given(task);
		if (day == null) {
			if (inspection.isRecordedHistory()) {
				throw new RectiflowException("error.date.effectiveRequired", task.getName());
			}
			day = this.typedDates.today();
		}
		else {
			this.typedDates.done(inspection, day, isVisit(task) ? "date.field.visitDate" : "date.field.effectiveDate");
		}
		this.jdbc.update("insert into step_date (unit_id, inspection_id, task_id, process_key, step, step_name,"
				+ " engine_task_id, effective_on, entered_at, entered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				inspection.getUnitId(), inspection.getId(), taskId, processKey, task.getTaskDefinitionKey(),
				abbreviated(task.getName()), task.getId(), Date.valueOf(day), Timestamp.from(this.clock.instant()),
				Actors.completing(task));
		// The step's records are dated by its effective day when the person gave one, and always in recorded
		// history; a visit typed days later in a current rectification keeps its records in the order they were made
		// (its own date is the visit's, which the reports print).
		return (dated || inspection.isRecordedHistory()) ? day : null;
	}

	/** The date the completion gives: its 办理日期, or for a visit or a sign-off the visit's date. */
	private static LocalDate given(DelegateTask task) {
		Object value = task.getVariable(StepClock.VARIABLE);
		if ((value == null || value.toString().isBlank()) && isVisit(task)) {
			value = task.getVariable(SupervisionProcess.VAR_VISIT_DATE);
		}
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant().atZone(StepDateRecorder.CHINA).toLocalDate();
		}
		String text = value.toString().trim();
		try {
			// form-js gives yyyy-MM-dd; tolerate a date-time from other clients.
			return LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.field.date", text);
		}
	}

	private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

	private static boolean isVisit(DelegateTask task) {
		return RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION.equals(task.getTaskDefinitionKey())
				|| SupervisionProcess.USER_TASK_RECORD_ON_SITE_VISIT.equals(task.getTaskDefinitionKey());
	}

	private static String abbreviated(String name) {
		return (name == null || name.length() <= 500) ? name : name.substring(0, 500);
	}

}

package org.rectiflow.dates;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * inspection's feedback and today ({@link TypedDates#done}). A task's step done today by its assignee in a current
 * rectification keeps no row: the engine's history says the same (its end time and assignee), and the task page reads
 * it in its place, so the busiest steps (submit, review, sign-off) send no statement more for dates. Steps of processes outside an inspection (a 举一反三
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

	private final Map<Long, Facts> facts = new ConcurrentHashMap<>();

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
		if (inspectionId == null) {
			return null;
		}
		LocalDate day = given(task);
		Facts facts = (taskId != null) ? this.facts.get(inspectionId) : null;
		if (facts == null) {
			Inspection inspection = this.inspections.findById(inspectionId).orElse(null);
			if (inspection == null) {
				return null;
			}
			facts = new Facts(inspection.getId(), inspection.getUnitId(), inspection.getFeedbackDate(),
					inspection.isRecordedHistory());
			if (taskId != null) {
				remember(facts);
			}
		}
		if (day == null) {
			if (facts.recordedHistory()) {
				throw new RectiflowException("error.date.effectiveRequired", task.getName());
			}
			day = this.typedDates.today();
		}
		else {
			this.typedDates.done(facts.feedbackDate(), day,
					isVisit(task) ? "date.field.visitDate" : "date.field.effectiveDate");
		}
		Object explicit = task.getVariable(StepClock.VARIABLE);
		boolean dated = explicit != null && !explicit.toString().isBlank();
		if (taskId != null && !facts.recordedHistory() && day.equals(this.typedDates.today())
				&& Actors.completing(task).equals(task.getAssignee())) {
			// The busiest path: a task's step done today by its assignee, as the engine's history says already (its
			// end time, its assignee), which the task page reads where no row is kept: no row to write.
			return dated ? day : null;
		}
		this.jdbc.update("insert into step_date (unit_id, inspection_id, task_id, process_key, step, step_name,"
				+ " engine_task_id, effective_on, entered_at, entered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				facts.unitId(), facts.inspectionId(), taskId, processKey, task.getTaskDefinitionKey(),
				abbreviated(task.getName()), task.getId(), Date.valueOf(day), Timestamp.from(this.clock.instant()),
				Actors.completing(task));
		// The step's records are dated by its effective day when the person gave one, and always in recorded
		// history; a visit typed days later in a current rectification keeps its records in the order they were made
		// (its own date is the visit's, which the reports print).
		return (dated || facts.recordedHistory()) ? day : null;
	}

	/** What a step's date is checked against and kept with. */
	private record Facts(Long inspectionId, String unitId, LocalDate feedbackDate, boolean recordedHistory) {
	}

	/**
	 * Kept per node for the steps of tasks only: a task runs only once its plan is filed, and by then none of these
	 * can change any more (recorded history is set while the plan is drafted, the feedback when it is registered).
	 * Bounded: cleared when full.
	 */
	private void remember(Facts facts) {
		if (this.facts.size() >= 10_000) {
			this.facts.clear();
		}
		this.facts.put(facts.inspectionId(), facts);
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

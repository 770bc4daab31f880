package org.rectiflow.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.system.RectiflowProperties;
import org.springframework.stereotype.Component;

/**
 * The three moments the task process times against a deadline, counted in working days of the official calendar:
 * the reminder (09:00, some working days before), the deadline itself (end of its day) and the end of the grace
 * after which a missing submission goes to the discipline committee (end of that day).
 */
@Component
public class DeadlineTimes {

	static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private final WorkingDays workingDays;

	private final RectiflowProperties.Deadlines settings;

	DeadlineTimes(WorkingDays workingDays, RectiflowProperties properties) {
		this.workingDays = workingDays;
		this.settings = properties.deadlines();
	}

	public record Times(Instant remindAt, Instant dueAt, Instant graceEndsAt) {
	}

	public Times of(LocalDate deadline) {
		return new Times(at(this.workingDays.minus(deadline, this.settings.reminderWorkingDays()), REMINDER_TIME),
				at(deadline, END_OF_DAY), at(this.workingDays.plus(deadline, this.settings.graceWorkingDays()), END_OF_DAY));
	}

	/**
	 * The times of a task of recorded history (issue 19): its deadline passed before it was recorded, so no reminder,
	 * overdue notice or criticism decision is due; the timers wait for a moment that never comes.
	 */
	public static Times unarmed() {
		return new Times(NEVER, NEVER, NEVER);
	}

	/** The end of the last day the engine and both databases store: a timer set to it never fires. */
	public static final Instant NEVER = LocalDate.of(9999, 12, 31).atTime(END_OF_DAY).atZone(WorkingDays.ZONE).toInstant();

	public int reminderWorkingDays() {
		return this.settings.reminderWorkingDays();
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(WorkingDays.ZONE).toInstant();
	}

}

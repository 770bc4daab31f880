package org.rectiflow.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * When a step happened, as opposed to when it was typed (issue 19, recorded history). A person completing a step
 * may give its effective date ({@code effectiveDate} on the forms, the sign-off's visit date); while the engine runs
 * that completion, the date is bound to the thread ({@code engine/StepDatesPlugin}) and the records the step leaves
 * (supervision records, stage reports, opinions, close-off, reports) are dated by {@link #now()}: the effective day
 * at the current time of day, or the clock's instant when no date was given or it is today. Outside a completion,
 * {@link #now()} is the clock. The audit log and the engine keep the moment the step was typed.
 */
@Component
public class StepClock {

	/** The form field and process variable a step's effective date travels in (yyyy-MM-dd). */
	public static final String VARIABLE = "effectiveDate";

	private static final ThreadLocal<LocalDate> BOUND = new ThreadLocal<>();

	private final Clock clock;

	public StepClock(Clock clock) {
		this.clock = clock;
	}

	public ZoneId zone() {
		return this.clock.getZone();
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The effective day of the step being completed, or today. */
	public LocalDate day() {
		LocalDate bound = BOUND.get();
		return (bound != null) ? bound : today();
	}

	/** The moment a record of the step being completed is dated by. */
	public Instant now() {
		return at(day());
	}

	/** The moment a record of a step done on {@code day} is dated by: now if today, else that day at this time. */
	public Instant at(LocalDate day) {
		if (day == null || day.equals(today())) {
			return this.clock.instant();
		}
		return day.atTime(LocalTime.now(this.clock)).atZone(this.clock.getZone()).toInstant();
	}

	/** Binds the effective day of the step being completed to this thread, until {@link #release()}. */
	public static void bind(LocalDate day) {
		BOUND.set(day);
	}

	public static void release() {
		BOUND.remove();
	}

	public static LocalDate bound() {
		return BOUND.get();
	}

}

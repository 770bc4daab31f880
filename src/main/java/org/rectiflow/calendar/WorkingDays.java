package org.rectiflow.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Working days in China: Monday to Friday, except the public holidays, plus the weekend days worked in exchange
 * (调休), as the {@link CalendarDays official calendar} lists them. Used for due dates, reminders, the "due soon"
 * horizon of the traffic lights and Tasklist's 即将到期 filter ({@code ${workingDays.endOfWorkingDaysFromNow(3)}}).
 * The calendar is read once and again every few minutes, so an administrator's edit reaches every node soon.
 */
@Component("workingDays")
public class WorkingDays {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Duration REFRESH = Duration.ofMinutes(5);

	private final CalendarDays calendar;

	private final Clock clock;

	private volatile Snapshot snapshot;

	/** The listed days as read at one moment. */
	private record Snapshot(Map<LocalDate, Boolean> working, Instant readAt) {
	}

	public WorkingDays(CalendarDays calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	public boolean isWorkingDay(LocalDate date) {
		Boolean listed = overrides().get(date);
		if (listed != null) {
			return listed;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The date {@code days} working days after {@code from} (0 = from itself). */
	public LocalDate plus(LocalDate from, int days) {
		return shift(from, days, 1);
	}

	/** The date {@code days} working days before {@code from}. */
	public LocalDate minus(LocalDate from, int days) {
		return shift(from, days, -1);
	}

	/** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
	public int between(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}

	/** The last deadline that counts as due soon on the given day (yellow light, 即将到期). */
	public LocalDate dueSoonHorizon(LocalDate today) {
		return plus(today, TrafficLight.DUE_SOON_WORKING_DAYS);
	}

	/** How a task stands against its deadline today. */
	public TrafficLight light(LocalDate deadline, boolean settled, boolean markedOverdue, LocalDate today) {
		return TrafficLight.of(deadline, settled, markedOverdue, today, dueSoonHorizon(today));
	}

	/** End of the day {@code days} working days from today: the horizon of the "due soon" filter. */
	public Date endOfWorkingDaysFromNow(int days) {
		return Date.from(plus(LocalDate.now(this.clock.withZone(ZONE)), days).plusDays(1).atStartOfDay(ZONE).toInstant());
	}

	/** Forgets what was read, after an edit on this node. */
	void refresh() {
		this.snapshot = null;
	}

	private LocalDate shift(LocalDate from, int days, int step) {
		LocalDate date = from;
		int left = days;
		while (left > 0) {
			date = date.plusDays(step);
			if (isWorkingDay(date)) {
				left--;
			}
		}
		return date;
	}

	private Map<LocalDate, Boolean> overrides() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current == null || current.readAt().plus(REFRESH).isBefore(now)) {
			current = new Snapshot(this.calendar.all()
				.stream()
				.collect(Collectors.toUnmodifiableMap(CalendarDays.Day::date, CalendarDays.Day::working)), now);
			this.snapshot = current;
		}
		return current.working();
	}

}

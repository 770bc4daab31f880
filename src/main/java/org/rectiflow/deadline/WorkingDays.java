package org.rectiflow.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Working days (Monday to Friday) for reminders and the "due soon" filter. Public holidays and the weekend swaps of
 * the official calendar are not modelled yet: a reminder may come a day early around a holiday, never late.
 */
@Component("workingDays")
public class WorkingDays {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static boolean isWorkingDay(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The date {@code days} working days after {@code from} (0 = from itself). */
	public static LocalDate plus(LocalDate from, int days) {
		return shift(from, days, 1);
	}

	/** The date {@code days} working days before {@code from}. */
	public static LocalDate minus(LocalDate from, int days) {
		return shift(from, days, -1);
	}

	private static LocalDate shift(LocalDate from, int days, int step) {
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

	/** End of the day {@code days} working days from today: the horizon of the "due soon" filter. */
	public Date endOfWorkingDaysFromNow(int days) {
		return Date.from(plus(LocalDate.now(ZONE), days).plusDays(1).atStartOfDay(ZONE).toInstant());
	}

}

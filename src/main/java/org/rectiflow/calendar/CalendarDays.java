package org.rectiflow.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rectiflow.system.RectiflowException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The days of the official calendar that differ from "Monday to Friday": public holidays and weekend working days,
 * shipped for 2025 and 2026 ({@code V4__calendar.sql}) and kept up to date by an administrator.
 */
@Repository
public class CalendarDays {

	/** One listed day: a holiday ({@code working = false}) or a weekend working day ({@code working = true}). */
	public record Day(LocalDate date, boolean working, String name, String updatedBy, Instant updatedAt) {
	}

	static final int MAX_NAME = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarDays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Day> all() {
		return this.jdbc
			.sql("select calendar_date, working, name, updated_by, updated_at from calendar_day order by calendar_date")
			.query((rs, n) -> new Day(rs.getDate("calendar_date").toLocalDate(), rs.getBoolean("working"), rs.getString("name"),
					rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Day> year(int year) {
		return all().stream().filter((d) -> d.date().getYear() == year).toList();
	}

	/** Lists a day as a holiday or a working day, or changes how it is listed. */
	@Transactional
	public void put(LocalDate date, boolean working, String name, String by) {
		if (date == null) {
			throw new RectiflowException("error.calendar.date");
		}
		if (!StringUtils.hasText(name) || name.trim().length() > MAX_NAME) {
			throw new RectiflowException("error.calendar.name", MAX_NAME);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc
			.sql("update calendar_day set working = ?, name = ?, updated_by = ?, updated_at = ? where calendar_date = ?")
			.params(working, name.trim(), by, now, Date.valueOf(date))
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into calendar_day (calendar_date, working, name, updated_by, updated_at) values (?, ?, ?, ?, ?)")
				.params(Date.valueOf(date), working, name.trim(), by, now)
				.update();
		}
	}

	/** Takes a day off the list: it follows the Monday-to-Friday rule again. */
	@Transactional
	public void remove(LocalDate date) {
		this.jdbc.sql("delete from calendar_day where calendar_date = ?").params(Date.valueOf(date)).update();
	}

}

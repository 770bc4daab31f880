package org.rectiflow.dates;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the steps of an inspection took effect, as {@link StepDateRecorder} kept them (issue 19): what the reports,
 * the ledger and the task pages print instead of the moment a step was typed into the engine.
 */
@Component
public class StepDateQueries {

	private final NamedParameterJdbcTemplate jdbc;

	StepDateQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One step's effective day, with who typed it and when. */
	public record StepDate(String engineTaskId, String step, LocalDate effectiveOn, Instant enteredAt,
			String enteredBy) {
	}

	/** The effective day of the last completion of the step in the inspection's processes, if it was completed. */
	public Optional<LocalDate> last(Long inspectionId, String step) {
		return this.jdbc
			.query("select effective_on from step_date where inspection_id = :inspection and step = :step"
					+ " order by entered_at desc, id desc",
					new MapSqlParameterSource("inspection", inspectionId).addValue("step", step),
					(rs, n) -> rs.getDate(1).toLocalDate())
			.stream()
			.findFirst();
	}

	/** The day the inspection's latest step took effect, if any step was completed. */
	public Optional<LocalDate> latest(Long inspectionId) {
		Date latest = this.jdbc.queryForObject(
				"select max(effective_on) from step_date where inspection_id = :inspection",
				new MapSqlParameterSource("inspection", inspectionId), Date.class);
		return Optional.ofNullable(latest).map(Date::toLocalDate);
	}

	/** The steps among these engine task ids that were dated, by engine task id. */
	public Map<String, StepDate> of(Collection<String> engineTaskIds) {
		Map<String, StepDate> dates = new HashMap<>();
		if (engineTaskIds.isEmpty()) {
			return dates;
		}
		List<StepDate> rows = this.jdbc.query(
				"select engine_task_id, step, effective_on, entered_at, entered_by from step_date"
						+ " where engine_task_id in (:ids)",
				new MapSqlParameterSource("ids", engineTaskIds),
				(rs, n) -> new StepDate(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
						rs.getTimestamp(4).toInstant(), rs.getString(5)));
		rows.forEach((r) -> dates.put(r.engineTaskId(), r));
		return dates;
	}

}

package org.rectiflow.repeat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.rectiflow.ledger.OutcomeCounts;
import org.rectiflow.task.TaskStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeat problems (屡查屡犯): when an inspection of a unit is registered, each of its problems is compared with the
 * problems of the same unit's earlier inspections, and those that match ({@link RepeatSimilarity}) are stored with
 * the earlier problem, the score and the method. A problem's wording is its title and its tasks' findings, turned
 * into bigrams once at registration ({@code problem_fingerprint}); the comparison reads only the unit's stored
 * bigrams, so it costs one query and a few thousand set lookups per problem, whatever the number of units.
 * <p>
 * "Earlier" is by feedback date: an inspection registered with the same feedback date (a copy, a correction) is the
 * same round, not an earlier one. The templates read the matches as {@code @repeatProblems}.
 */
@Service("repeatProblems")
@Transactional
public class RepeatProblems {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	RepeatProblems(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The wording compared: the problem's title, then the findings of its tasks. */
	public static String text(String title, Collection<String> findings) {
		StringBuilder text = new StringBuilder((title == null) ? "" : title);
		for (String finding : findings) {
			text.append('。').append(finding);
		}
		return text.toString();
	}

	/**
	 * Computes the bigrams of the inspection's problems and flags those that repeat a problem of the unit's earlier
	 * inspections; anything flagged before for these problems is replaced (a plan reworked while drafting). Runs in
	 * the registering transaction. Returns the number of problems flagged.
	 */
	public int flag(Long inspectionId) {
		MapSqlParameterSource params = new MapSqlParameterSource("inspection", inspectionId);
		List<Map<String, Object>> inspection = this.jdbc.queryForList(
				"select unit_id, coalesce(feedback_date, cast(created_at as date)) as round_date from inspection where id = :inspection",
				params);
		if (inspection.isEmpty() || inspection.get(0).get("unit_id") == null) {
			return 0;
		}
		String unitId = (String) inspection.get(0).get("unit_id");
		params.addValue("unit", unitId).addValue("roundDate", inspection.get(0).get("round_date"));
		this.jdbc.update("delete from repeat_problem where problem_id in (select id from problem where inspection_id = :inspection)", params);
		this.jdbc.update("delete from problem_fingerprint where inspection_id = :inspection", params);

		Map<Long, String> titles = new LinkedHashMap<>();
		this.jdbc.query("select id, title from problem where inspection_id = :inspection order by id", params,
				(rs) -> {
					titles.put(rs.getLong("id"), rs.getString("title"));
				});
		Map<Long, List<String>> findings = new HashMap<>();
		this.jdbc.query("select problem_id, title from rectification_task where inspection_id = :inspection order by problem_id, seq",
				params, (rs) -> {
					findings.computeIfAbsent(rs.getLong("problem_id"), (k) -> new ArrayList<>()).add(rs.getString("title"));
				});
		Map<Long, int[]> mine = new LinkedHashMap<>();
		List<MapSqlParameterSource> rows = new ArrayList<>();
		titles.forEach((id, title) -> {
			Set<String> bigrams = ProblemBigrams.of(text(title, findings.getOrDefault(id, List.of())));
			mine.put(id, ProblemBigrams.codes(bigrams));
			rows.add(new MapSqlParameterSource("problem", id).addValue("inspection", inspectionId)
				.addValue("unit", unitId)
				.addValue("bigrams", ProblemBigrams.encode(bigrams)));
		});
		this.jdbc.batchUpdate("insert into problem_fingerprint (problem_id, inspection_id, unit_id, bigrams)"
				+ " values (:problem, :inspection, :unit, :bigrams)", rows.toArray(MapSqlParameterSource[]::new));

		Map<Long, int[]> earlier = new LinkedHashMap<>();
		this.jdbc.query("select f.problem_id, f.bigrams from problem_fingerprint f join inspection i on i.id = f.inspection_id"
				+ " where f.unit_id = :unit and f.inspection_id <> :inspection"
				+ " and coalesce(i.feedback_date, cast(i.created_at as date)) < :roundDate", params, (rs) -> {
					earlier.put(rs.getLong("problem_id"), ProblemBigrams.codes(rs.getString("bigrams")));
				});
		List<MapSqlParameterSource> matches = new ArrayList<>();
		Timestamp now = Timestamp.from(this.clock.instant());
		int flagged = 0;
		for (Map.Entry<Long, int[]> problem : mine.entrySet()) {
			boolean any = false;
			for (Map.Entry<Long, int[]> candidate : earlier.entrySet()) {
				if (RepeatSimilarity.isRepeat(problem.getValue(), candidate.getValue())) {
					matches.add(new MapSqlParameterSource("problem", problem.getKey())
						.addValue("earlier", candidate.getKey())
						.addValue("score", RepeatSimilarity.score(problem.getValue(), candidate.getValue()))
						.addValue("method", RepeatSimilarity.METHOD)
						.addValue("at", now));
					any = true;
				}
			}
			flagged += any ? 1 : 0;
		}
		this.jdbc.batchUpdate("insert into repeat_problem (problem_id, earlier_problem_id, score, method, found_at)"
				+ " values (:problem, :earlier, :score, :method, :at)", matches.toArray(MapSqlParameterSource[]::new));
		return flagged;
	}

	/**
	 * An earlier problem a problem repeats: where it was found ({@code round}: the earlier inspection's place among
	 * the unit's inspections, oldest first, "第N轮"), and how it ended (its tasks' outcomes rolled up, as the ledger
	 * does).
	 */
	public record Match(Long problemId, Long earlierProblemId, String earlierCode, String earlierTitle,
			Long earlierInspectionId, String earlierInspectionTitle, LocalDate earlierFeedbackDate, int round,
			TaskStatus earlierOutcome, double score, String method) {
	}

	/** The matches of every flagged problem of an inspection, best first, by problem id. */
	@Transactional(readOnly = true)
	public Map<Long, List<Match>> matches(Long inspectionId) {
		MapSqlParameterSource params = new MapSqlParameterSource("inspection", inspectionId);
		List<Object[]> rows = this.jdbc.query("select r.problem_id, r.earlier_problem_id, r.score, r.method, ep.code,"
				+ " ep.title, ep.inspection_id, ei.title as inspection_title, ei.feedback_date, ei.unit_id from repeat_problem r"
				+ " join problem p on p.id = r.problem_id join problem ep on ep.id = r.earlier_problem_id"
				+ " join inspection ei on ei.id = ep.inspection_id where p.inspection_id = :inspection"
				+ " order by p.id, r.score desc, ep.id", params, (rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2),
						rs.getDouble(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
						rs.getObject(9, LocalDate.class), rs.getString(10) });
		Map<Long, List<Match>> result = new LinkedHashMap<>();
		if (rows.isEmpty()) {
			return result;
		}
		Map<Long, Integer> rounds = rounds((String) rows.get(0)[9]);
		Map<Long, TaskStatus> outcomes = outcomes(rows.stream().map((r) -> (Long) r[1]).distinct().toList());
		for (Object[] r : rows) {
			Long earlier = (Long) r[1];
			result.computeIfAbsent((Long) r[0], (k) -> new ArrayList<>())
				.add(new Match((Long) r[0], earlier, (String) r[4], (String) r[5], (Long) r[6], (String) r[7],
						(LocalDate) r[8], rounds.getOrDefault((Long) r[6], 0), outcomes.get(earlier), (Double) r[2],
						(String) r[3]));
		}
		return result;
	}

	/** The best match of each flagged problem of an inspection, by problem id: what the lists show. */
	@Transactional(readOnly = true)
	public Map<Long, Match> best(Long inspectionId) {
		Map<Long, Match> best = new LinkedHashMap<>();
		matches(inspectionId).forEach((problem, list) -> best.put(problem, list.get(0)));
		return best;
	}

	/** The unit's inspections by id → their round number, oldest first by feedback date. */
	private Map<Long, Integer> rounds(String unitId) {
		Map<Long, Integer> rounds = new HashMap<>();
		this.jdbc.query("select id from inspection where unit_id = :unit"
				+ " order by coalesce(feedback_date, cast(created_at as date)), id", new MapSqlParameterSource("unit", unitId),
				(rs) -> {
					rounds.put(rs.getLong(1), rounds.size() + 1);
				});
		return rounds;
	}

	private Map<Long, TaskStatus> outcomes(List<Long> problemIds) {
		Map<Long, List<TaskStatus>> byProblem = new HashMap<>();
		problemIds.forEach((id) -> byProblem.put(id, new ArrayList<>()));
		this.jdbc.query("select problem_id, status from rectification_task where problem_id in (:ids)",
				new MapSqlParameterSource("ids", problemIds), (rs) -> {
					byProblem.get(rs.getLong(1)).add(TaskStatus.valueOf(rs.getString(2)));
				});
		Map<Long, TaskStatus> outcomes = new HashMap<>();
		byProblem.forEach((id, statuses) -> outcomes.put(id, OutcomeCounts.rollUp(statuses)));
		return outcomes;
	}

	/** One inspection's share of problems flagged as repeats. */
	public record InspectionRate(Long inspectionId, String title, LocalDate feedbackDate, int round, int problems,
			int repeats) {

		@JsonProperty("rate")
		public double rate() {
			return (this.problems == 0) ? 0 : (double) this.repeats / this.problems;
		}

	}

	/** A unit's repeat rates, per inspection oldest first, and over all of its inspections. */
	public record UnitRate(String unitId, String unitName, List<InspectionRate> inspections) {

		@JsonProperty("problems")
		public int problems() {
			return this.inspections.stream().mapToInt(InspectionRate::problems).sum();
		}

		@JsonProperty("repeats")
		public int repeats() {
			return this.inspections.stream().mapToInt(InspectionRate::repeats).sum();
		}

		/** Over the inspections that had an earlier one to repeat: a unit's first round cannot repeat anything. */
		@JsonProperty("rate")
		public double rate() {
			List<InspectionRate> later = this.inspections.subList(Math.min(1, this.inspections.size()), this.inspections.size());
			int problems = later.stream().mapToInt(InspectionRate::problems).sum();
			return (problems == 0) ? 0 : (double) later.stream().mapToInt(InspectionRate::repeats).sum() / problems;
		}

	}

	/** Every unit's repeat rates, for the inspection office (its dashboard calls this). */
	@Transactional(readOnly = true)
	public List<UnitRate> repeatRates() {
		return repeatRates(null);
	}

	/**
	 * The repeat rates of these units ({@code null}: every unit), in two grouped queries: the share of each
	 * inspection's problems flagged as repeating an earlier round of the same unit.
	 */
	@Transactional(readOnly = true)
	public List<UnitRate> repeatRates(Collection<String> unitIds) {
		if (unitIds != null && unitIds.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = "";
		if (unitIds != null) {
			params.addValue("units", List.copyOf(unitIds));
			where = " where u.id in (:units)";
		}
		Map<String, UnitRate> units = new LinkedHashMap<>();
		this.jdbc.query("select u.id, u.name, i.id as inspection_id, i.title, i.feedback_date,"
				+ " (select count(*) from problem p where p.inspection_id = i.id) as problems,"
				+ " (select count(distinct r.problem_id) from repeat_problem r join problem p on p.id = r.problem_id"
				+ " where p.inspection_id = i.id) as repeats"
				+ " from unit u join inspection i on i.unit_id = u.id" + where
				+ " order by u.created_at, u.id, coalesce(i.feedback_date, cast(i.created_at as date)), i.id", params, (rs) -> {
					String name = rs.getString(2);
					UnitRate unit = units.computeIfAbsent(rs.getString(1), (id) -> new UnitRate(id, name, new ArrayList<>()));
					unit.inspections()
						.add(new InspectionRate(rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
								unit.inspections().size() + 1, rs.getInt(6), rs.getInt(7)));
				});
		return List.copyOf(units.values());
	}

}

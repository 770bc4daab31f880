package org.rectiflow.office;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.plan.RectificationProcessAdapter;
import org.rectiflow.plan.RectificationProcessAdapter.WaitingStep;
import org.rectiflow.round.Oversight;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspecting body's views across the units it oversees (issue 18): the queue of what waits for the inspection
 * office (plans filed for its decision, reports for its review) and the dashboard with one row per inspection. Both
 * are computed for all the person's units at once — a handful of set-based queries, never one per unit — so they
 * stay fast at hundreds of units (docs/PERFORMANCE.md): the engine's waiting steps and filing times through the
 * rectification process's adapter (its tenant filter cuts them to the units), our tables by GROUP BY. The counting
 * rules are the unit dashboard's ({@code dashboard/DashboardService}): settled = closed off or long-term; overdue
 * (red) = not settled and marked overdue or past its deadline today in China; due soon (yellow) = within the
 * working-day horizon.
 */
@Service
@Transactional(readOnly = true)
public class OfficeViews {

	private static final String SETTLED = "(t.closed_off = true or t.status = 'LONG_TERM')";

	private static final String OVERDUE = "(not " + SETTLED + " and (t.overdue = true or t.deadline < :today))";

	private static final String DUE_SOON = "(not " + SETTLED
			+ " and t.overdue = false and t.deadline >= :today and t.deadline <= :horizon)";

	private static final String BY_INSPECTION = """
			select i.id, i.unit_id, u.name as unit_name, i.title, i.status, i.round_id, i.handed_over_at,
			       count(t.id) as total,
			       sum(case when %s then 1 else 0 end) as settled,
			       sum(case when %s then 1 else 0 end) as overdue,
			       sum(case when %s then 1 else 0 end) as due_soon,
			       sum(t.return_count) as returns
			from inspection i
			join unit u on u.id = i.unit_id
			left join rectification_task t on t.inspection_id = i.id
			where i.unit_id in (:units) %s
			group by i.id, i.unit_id, u.name, i.title, i.status, i.round_id, i.handed_over_at
			""";

	private static final String CRITICISM = """
			select c.inspection_id, count(c.id) as notices
			from criticism_notice c
			join inspection i on i.id = c.inspection_id
			where i.unit_id in (:units) %s
			group by c.inspection_id
			""";

	/** What an inspection's plan and rectification stand at, as the office's dashboard names it. */
	public enum PlanState {

		/** In a round, the feedback still with the inspection group. */
		WITH_GROUP, DRAFTING, CONSULTING, COMMITTEE,
		/** Filed with the inspection office, awaiting its decision. */
		FILING, PLANNING, RECTIFYING, REPORTING,
		/** The rectification report awaits the office's review. */
		REVIEW, CLOSED

	}

	/** One row of the office's dashboard: an inspection of a unit and its figures. */
	public record DashboardRow(Long inspectionId, String unitId, String unitName, String title, Long roundId,
			PlanState state, int total, int settled, int overdue, int dueSoon, int returns, int criticismNotices,
			LocalDate filedOn, Integer daysSinceFiling) {
	}

	/** What the office's queue lists: the step, where its inspection is, and how long it has waited. */
	public record QueueRow(Long inspectionId, String unitId, String unitName, String title, String kind, String taskId,
			String stepName, Instant since, long daysWaiting) {

		/** When the step began, in China. */
		public String sinceText() {
			return (this.since == null) ? "" : WHEN.format(this.since);
		}

	}

	private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(WorkingDays.ZONE);

	/** The columns the dashboard sorts by, as {@code ?sort=} names them. */
	public enum Sort {

		UNIT(Comparator.comparing(DashboardRow::unitName).thenComparing(DashboardRow::inspectionId)),
		STATE(Comparator.comparing(DashboardRow::state)),
		TOTAL(Comparator.comparingInt(DashboardRow::total)),
		SETTLED(Comparator.comparingInt(DashboardRow::settled)),
		OVERDUE(Comparator.comparingInt(DashboardRow::overdue)),
		DUE_SOON(Comparator.comparingInt(DashboardRow::dueSoon)),
		RETURNS(Comparator.comparingInt(DashboardRow::returns)),
		CRITICISM(Comparator.comparingInt(DashboardRow::criticismNotices)),
		DAYS(Comparator.comparing(DashboardRow::daysSinceFiling, Comparator.nullsFirst(Comparator.naturalOrder())));

		private final Comparator<DashboardRow> order;

		Sort(Comparator<DashboardRow> order) {
			this.order = order;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT).replace("_", "-");
		}

		/** The sort named by the parameter; by unit for anything else. */
		public static Sort of(String param) {
			for (Sort s : values()) {
				if (s.param().equals(param)) {
					return s;
				}
			}
			return UNIT;
		}

	}

	private final JdbcClient jdbc;

	private final RectificationProcessAdapter process;

	private final WorkingDays workingDays;

	private final Clock clock;

	OfficeViews(JdbcClient jdbc, RectificationProcessAdapter process, WorkingDays workingDays, Clock clock) {
		this.jdbc = jdbc;
		this.process = process;
		this.workingDays = workingDays;
		this.clock = clock;
	}

	/**
	 * The dashboard of the units overseen (of one round when {@code roundId} is given), sorted; an inspection
	 * whose feedback is still with its group counts no task yet.
	 */
	public List<DashboardRow> dashboard(Oversight oversight, Long roundId, Sort sort, boolean descending) {
		Set<String> units = oversight.unitIds();
		if (units.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingDays.ZONE));
		String roundCut = (roundId == null) ? "" : " and i.round_id = :round";
		Map<String, Object> params = new HashMap<>();
		params.put("units", units);
		params.put("today", today);
		params.put("horizon", this.workingDays.dueSoonHorizon(today));
		if (roundId != null) {
			params.put("round", roundId);
		}
		Map<Long, Integer> notices = new HashMap<>();
		this.jdbc.sql(CRITICISM.formatted(roundCut))
			.params(params)
			.query((rs, n) -> notices.put(rs.getLong("inspection_id"), rs.getInt("notices")))
			.list();
		Map<Long, List<String>> waiting = new HashMap<>();
		for (WaitingStep step : this.process.waitingSteps(units)) {
			waiting.computeIfAbsent(step.inspectionId(), (k) -> new ArrayList<>()).add(step.activityId());
		}
		Map<Long, Instant> filed = this.process.filedAt(units);
		List<DashboardRow> rows = this.jdbc.sql(BY_INSPECTION.formatted(SETTLED, OVERDUE, DUE_SOON, roundCut))
			.params(params)
			.query((rs, n) -> row(rs, today, notices, waiting, filed))
			.list();
		Comparator<DashboardRow> order = sort.order.thenComparing(DashboardRow::unitName)
			.thenComparing(DashboardRow::inspectionId);
		return rows.stream().sorted(descending ? order.reversed() : order).toList();
	}

	private static DashboardRow row(ResultSet rs, LocalDate today, Map<Long, Integer> notices,
			Map<Long, List<String>> waiting, Map<Long, Instant> filed) throws SQLException {
		long id = rs.getLong("id");
		Timestamp handedOver = rs.getTimestamp("handed_over_at");
		long roundId = rs.getLong("round_id");
		Long round = rs.wasNull() ? null : roundId;
		PlanState state = state(InspectionStatus.valueOf(rs.getString("status")), round != null && handedOver == null,
				waiting.getOrDefault(id, List.of()));
		Instant filedAt = filed.get(id);
		LocalDate filedOn = (filedAt == null) ? null : filedAt.atZone(WorkingDays.ZONE).toLocalDate();
		return new DashboardRow(id, rs.getString("unit_id"), rs.getString("unit_name"), rs.getString("title"), round,
				state, rs.getInt("total"), rs.getInt("settled"), rs.getInt("overdue"), rs.getInt("due_soon"),
				rs.getInt("returns"), notices.getOrDefault(id, 0), filedOn,
				(filedOn == null) ? null : (int) ChronoUnit.DAYS.between(filedOn, today));
	}

	static PlanState state(InspectionStatus status, boolean withGroup, List<String> waitingAt) {
		if (withGroup) {
			return PlanState.WITH_GROUP;
		}
		return switch (status) {
			case PLANNING -> waitingAt.contains(RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE) ? PlanState.FILING
					: waitingAt.contains(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL) ? PlanState.COMMITTEE
					: waitingAt.contains(RectificationProcess.USER_TASK_SOLICIT_OPINIONS) ? PlanState.CONSULTING
					: waitingAt.contains(RectificationProcess.USER_TASK_DRAFT_PLAN) ? PlanState.DRAFTING : PlanState.PLANNING;
			case RECTIFYING -> PlanState.RECTIFYING;
			case REPORTING -> waitingAt.contains(RectificationProcess.USER_TASK_REVIEW_REPORT) ? PlanState.REVIEW
					: PlanState.REPORTING;
			case CLOSED -> PlanState.CLOSED;
		};
	}

	/**
	 * What waits for the inspection office in the units overseen: plans filed for its decision and rectification
	 * reports for its review, oldest first — the engine's steps of the office across the units' tenants, named with
	 * our tables.
	 */
	public List<QueueRow> queue(Oversight oversight) {
		Set<String> units = oversight.unitIds();
		if (units.isEmpty()) {
			return List.of();
		}
		List<WaitingStep> steps = this.process.waitingSteps(units,
				RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE, RectificationProcess.USER_TASK_REVIEW_REPORT);
		if (steps.isEmpty()) {
			return List.of();
		}
		Map<Long, String[]> inspections = new LinkedHashMap<>();
		this.jdbc.sql("""
				select i.id, i.unit_id, u.name as unit_name, i.title from inspection i join unit u on u.id = i.unit_id
				where i.id in (:ids) and i.unit_id in (:units)
				""")
			.param("ids", steps.stream().map(WaitingStep::inspectionId).distinct().toList())
			.param("units", units)
			.query((rs, n) -> inspections.put(rs.getLong("id"),
					new String[] { rs.getString("unit_id"), rs.getString("unit_name"), rs.getString("title") }))
			.list();
		Instant now = this.clock.instant();
		List<QueueRow> rows = new ArrayList<>();
		for (WaitingStep step : steps) {
			String[] i = inspections.get(step.inspectionId());
			if (i != null) {
				String kind = RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE.equals(step.activityId()) ? "FILING"
						: "REVIEW";
				rows.add(new QueueRow(step.inspectionId(), i[0], i[1], i[2], kind, step.taskId(), step.name(), step.since(),
						(step.since() == null) ? 0 : ChronoUnit.DAYS.between(step.since(), now)));
			}
		}
		return rows;
	}

}

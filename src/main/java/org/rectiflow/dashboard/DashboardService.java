package org.rectiflow.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.rectiflow.dashboard.Dashboard.Completion;
import org.rectiflow.dashboard.Dashboard.Day;
import org.rectiflow.dashboard.Dashboard.DepartmentRow;
import org.rectiflow.dashboard.Dashboard.Headline;
import org.rectiflow.dashboard.Dashboard.ProblemRow;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.ledger.OutcomeCounts;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the dashboard with three GROUP BY queries, whatever the number of tasks: a unit with hundreds of tasks
 * opens its dashboard in every progress meeting, and the ledger (which loads every task with its measures) is too
 * heavy for that. The SQL is plain enough for H2 and PostgreSQL alike. The rules match the ledger's:
 * <ul>
 * <li>settled = closed off, or declared long-term ({@code RectificationTask#isSettled});</li>
 * <li>overdue = not settled, and marked overdue by the deadline timer or past its deadline today in China (the
 * timer may not have fired yet: the job executor can lag, and it is off in tests);</li>
 * <li>due soon = not settled, not overdue, deadline within {@link WorkingDays#dueSoonHorizon(LocalDate)} (the
 * yellow light).</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

	private static final String SETTLED = "(t.closed_off = true or t.status = 'LONG_TERM')";

	private static final String OVERDUE = "(not " + SETTLED + " and (t.overdue = true or t.deadline < :today))";

	private static final String DUE_SOON = "(not " + SETTLED
			+ " and t.overdue = false and t.deadline >= :today and t.deadline <= :horizon)";

	private static final String OUTCOME_COLUMNS = """
			count(t.id) as total,
			sum(case when t.status = 'COMPLETED' then 1 else 0 end) as completed,
			sum(case when t.status = 'BASICALLY_COMPLETED' then 1 else 0 end) as basically_completed,
			sum(case when t.status = 'NOT_COMPLETED' then 1 else 0 end) as not_completed,
			sum(case when t.status = 'LONG_TERM' then 1 else 0 end) as long_term,
			sum(case when %s then 1 else 0 end) as overdue,
			sum(case when %s then 1 else 0 end) as due_soon
			""".formatted(OVERDUE, DUE_SOON);

	private static final String BY_PROBLEM = """
			select p.id, p.code, p.title, c.seq as category_seq, p.seq,
			%s
			from problem p
			join problem_category c on c.id = p.category_id
			left join rectification_task t on t.problem_id = p.id
			where p.inspection_id = :inspectionId
			group by p.id, p.code, p.title, c.seq, p.seq
			order by c.seq, p.seq
			""".formatted(OUTCOME_COLUMNS);

	private static final String BY_DEPARTMENT = """
			select t.lead_department,
			%s
			from rectification_task t
			where t.inspection_id = :inspectionId
			group by t.lead_department
			""".formatted(OUTCOME_COLUMNS);

	/**
	 * {@code closed_off_at} holds UTC (hibernate.jdbc.time_zone); people count days in China, which has kept UTC+8
	 * without daylight saving since 1991, so a fixed interval is exact and portable where time-zone functions are not.
	 * The expression is repeated in GROUP BY because H2 does not group by position.
	 */
	private static final String CHINA_DAY = "cast(t.closed_off_at + interval '8' hour as date)";

	private static final String CLOSED_OFF_PER_DAY = """
			select %1$s as closed_day, count(t.id) as closed_off
			from rectification_task t
			where t.inspection_id = :inspectionId and t.closed_off = true and t.closed_off_at is not null
			group by %1$s
			order by %1$s
			""".formatted(CHINA_DAY);

	private final InspectionRepository inspections;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WorkingDays workingDays;

	private final Directory directory;

	DashboardService(InspectionRepository inspections, JdbcClient jdbc, Clock clock, WorkingDays workingDays,
			Directory directory) {
		this.directory = directory;
		this.inspections = inspections;
		this.jdbc = jdbc;
		this.clock = clock;
		this.workingDays = workingDays;
	}

	public Dashboard dashboard(Long inspectionId) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> params = Map.of("inspectionId", inspectionId, "today", today, "horizon",
				this.workingDays.dueSoonHorizon(today));

		List<Counted<ProblemRow>> problems = this.jdbc.sql(BY_PROBLEM)
			.params(params)
			.query((rs, n) -> new Counted<>(new ProblemRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
					counts(rs), rs.getInt("overdue")), rs.getInt("due_soon")))
			.list();
		List<DepartmentRow> departments = this.jdbc.sql(BY_DEPARTMENT)
			.params(params)
			.query((rs, n) -> department(rs.getString("lead_department"), counts(rs), rs.getInt("overdue")))
			.list()
			.stream()
			.sorted(Comparator.comparingInt((DepartmentRow d) -> -d.counts().total())
				.thenComparing((d) -> (d.department() == null) ? "\uffff" : d.name()))
			.toList();
		List<Day> days = cumulative(this.jdbc.sql(CLOSED_OFF_PER_DAY)
			.params(params)
			.query((rs, n) -> new Day(rs.getObject("closed_day", LocalDate.class), rs.getInt("closed_off"), 0))
			.list());

		List<ProblemRow> problemRows = problems.stream().map(Counted::row).toList();
		OutcomeCounts taskCounts = sum(problemRows.stream().map(ProblemRow::counts).toList());
		Headline headline = new Headline(
				OutcomeCounts.of(problemRows.stream().map((p) -> OutcomeCounts.rollUp(statusesPresent(p.counts()))).toList()),
				taskCounts, problemRows.stream().mapToInt(ProblemRow::overdue).sum(),
				problems.stream().mapToInt(Counted::dueSoon).sum());
		return new Dashboard(inspection.getId(), inspection.getTitle(), inspection.getUnitName(), inspection.getStatus(),
				today, headline, problemRows, departments, new Completion(taskCounts.total(), days));
	}

	private record Counted<T>(T row, int dueSoon) {
	}

	private static OutcomeCounts counts(ResultSet rs) throws SQLException {
		return new OutcomeCounts(rs.getInt("total"), rs.getInt("completed"), rs.getInt("basically_completed"),
				rs.getInt("not_completed"), rs.getInt("long_term"));
	}

	private DepartmentRow department(String groupId, OutcomeCounts counts, int overdue) {
		return new DepartmentRow(groupId, (groupId == null) ? null : this.directory.departmentName(groupId), counts, overdue);
	}

	/** A problem's outcome depends only on which outcomes its tasks have, so the counts are enough to roll it up. */
	private static List<TaskStatus> statusesPresent(OutcomeCounts counts) {
		List<TaskStatus> present = new ArrayList<>();
		if (counts.completed() > 0) {
			present.add(TaskStatus.COMPLETED);
		}
		if (counts.basicallyCompleted() > 0) {
			present.add(TaskStatus.BASICALLY_COMPLETED);
		}
		if (counts.notCompleted() > 0) {
			present.add(TaskStatus.NOT_COMPLETED);
		}
		if (counts.longTerm() > 0) {
			present.add(TaskStatus.LONG_TERM);
		}
		return present;
	}

	private static OutcomeCounts sum(List<OutcomeCounts> all) {
		return new OutcomeCounts(all.stream().mapToInt(OutcomeCounts::total).sum(),
				all.stream().mapToInt(OutcomeCounts::completed).sum(),
				all.stream().mapToInt(OutcomeCounts::basicallyCompleted).sum(),
				all.stream().mapToInt(OutcomeCounts::notCompleted).sum(),
				all.stream().mapToInt(OutcomeCounts::longTerm).sum());
	}

	private static List<Day> cumulative(List<Day> perDay) {
		List<Day> running = new ArrayList<>();
		int total = 0;
		for (Day d : perDay) {
			total += d.closedOff();
			running.add(new Day(d.day(), d.closedOff(), total));
		}
		return running;
	}

}

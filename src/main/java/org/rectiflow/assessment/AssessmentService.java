package org.rectiflow.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.system.RectiflowException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link Assessment} of an inspection from the ledger in three queries, whatever its size. Overdue days
 * are calendar days from the deadline to the close-off (or to today while open); a long-term task counts as late
 * only if it was flagged overdue before it was declared long-term, since the day of that declaration is not kept.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentService {

	private final JdbcClient jdbc;

	private final InspectionRepository inspections;

	private final Clock clock;

	private final Directory directory;

	AssessmentService(JdbcClient jdbc, InspectionRepository inspections, Clock clock, Directory directory) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.clock = clock;
	}

	private record TaskRow(String department, LocalDate deadline, boolean closedOff, Timestamp closedOffAt,
			String status, boolean overdue, int returns) {
	}

	private static final class Tally {

		int tasks;

		int settled;

		int overdueTasks;

		long overdueDays;

		int returns;

		int requested;

		int approved;

		int notices;

		final Set<String> persons = new LinkedHashSet<>();

	}

	public Assessment of(Long inspectionId) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingDays.ZONE));
		Map<String, Tally> byDepartment = new LinkedHashMap<>();
		List<TaskRow> tasks = this.jdbc.sql("""
				select lead_department, deadline, closed_off, closed_off_at, status, overdue, return_count
				from rectification_task where inspection_id = :id and lead_department is not null order by id""")
			.param("id", inspectionId)
			.query((rs, n) -> new TaskRow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
					rs.getTimestamp(4), rs.getString(5), rs.getBoolean(6), rs.getInt(7)))
			.list();
		for (TaskRow t : tasks) {
			Tally tally = byDepartment.computeIfAbsent(t.department(), (d) -> new Tally());
			tally.tasks++;
			boolean longTerm = "LONG_TERM".equals(t.status());
			if (t.closedOff() || longTerm) {
				tally.settled++;
			}
			long days = 0;
			if (t.deadline() != null && !longTerm) {
				LocalDate end = (t.closedOff() && t.closedOffAt() != null)
						? t.closedOffAt().toInstant().atZone(WorkingDays.ZONE).toLocalDate() : today;
				days = Math.max(0, ChronoUnit.DAYS.between(t.deadline(), end));
			}
			if (days > 0 || t.overdue()) {
				tally.overdueTasks++;
			}
			tally.overdueDays += days;
			tally.returns += t.returns();
		}
		this.jdbc.sql("""
				select t.lead_department, e.status, count(*) from deadline_extension e
				join rectification_task t on t.id = e.task_id
				where t.inspection_id = :id group by t.lead_department, e.status""")
			.param("id", inspectionId)
			.query((rs, n) -> {
				Tally tally = byDepartment.computeIfAbsent(rs.getString(1), (d) -> new Tally());
				tally.requested += rs.getInt(3);
				if ("APPROVED".equals(rs.getString(2))) {
					tally.approved += rs.getInt(3);
				}
				return null;
			})
			.list();
		List<Assessment.NoticeRow> notices = this.jdbc.sql("""
				select n.id, n.issued_at, n.target_department, n.target_person, n.kind, n.task_id, t.code, n.reason
				from criticism_notice n left join rectification_task t on t.id = n.task_id
				where n.inspection_id = :id and n.published = true order by n.issued_at, n.id""")
			.param("id", inspectionId)
			.query((rs, n) -> new Assessment.NoticeRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					(rs.getString(3) == null) ? null : this.directory.departmentName(rs.getString(3)), rs.getString(4),
					rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8)))
			.list();
		for (Assessment.NoticeRow notice : notices) {
			if (notice.department() != null) {
				Tally tally = byDepartment.computeIfAbsent(notice.department(), (d) -> new Tally());
				tally.notices++;
				if (notice.person() != null) {
					tally.persons.add(notice.person());
				}
			}
		}
		List<Assessment.DepartmentRow> rows = new ArrayList<>();
		Tally sum = new Tally();
		byDepartment.forEach((department, t) -> {
			rows.add(row(department, this.directory.departmentName(department), t));
			sum.tasks += t.tasks;
			sum.settled += t.settled;
			sum.overdueTasks += t.overdueTasks;
			sum.overdueDays += t.overdueDays;
			sum.returns += t.returns;
			sum.requested += t.requested;
			sum.approved += t.approved;
			sum.notices += t.notices;
		});
		rows.sort(Comparator.comparingInt(Assessment.DepartmentRow::notices)
			.thenComparingLong(Assessment.DepartmentRow::overdueDays)
			.thenComparingInt(Assessment.DepartmentRow::overdueTasks)
			.thenComparingInt(Assessment.DepartmentRow::returns)
			.reversed()
			.thenComparing(Assessment.DepartmentRow::departmentName));
		return new Assessment(inspectionId, inspection.getTitle(), today, rows, notices, row(null, null, sum));
	}

	private static Assessment.DepartmentRow row(String department, String name, Tally t) {
		return new Assessment.DepartmentRow(department, name, t.tasks, t.settled, t.overdueTasks, t.overdueDays,
				t.returns, t.requested, t.approved, t.notices, List.copyOf(t.persons));
	}

}

package org.rectiflow.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTaskHistory;
import org.rectiflow.task.RectificationTaskHistory.DatedReport;
import org.rectiflow.task.TaskStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the progress meeting sheet (调度会材料) of one inspection as it stood at the end of a chosen day in China, so
 * the rectification office can print last Friday's state as well as today's. A fixed number of queries whatever the
 * number of tasks: the inspection, its tasks, their measures, their evidence and their stage reports (plain SQL that
 * runs on H2 and PostgreSQL), the leaders' names, and two history queries for the progress reports.
 * <p>
 * What the tables keep decides how exact a past day can be:
 * <ul>
 * <li>Close-off is dated ({@code closed_off_at}): a task closed off after the day shows as not completed.</li>
 * <li>A long-term declaration is not dated: a task that is long-term now shows as long-term on any day.</li>
 * <li>The timer's overdue flag is not dated: it counts only for today and later; for a past day a task is overdue
 * when the day is after its deadline.</li>
 * <li>Deadlines, leaders and departments are today's: a deadline moved since then shows as it is now.</li>
 * <li>Evidence counts by {@code uploaded_at}, drafts included: a file uploaded is in hand, submitted or not.</li>
 * <li>The measures taken are the last progress report (from the engine's history) or stage report submitted by the
 * day, whichever is later; for today and later, the report kept on the task stands in when history has none.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ProgressMeetingSheetService {

	private final NamedParameterJdbcTemplate jdbc;

	private final InspectionRepository inspections;

	private final Directory directory;

	private final WorkingDays workingDays;

	private final RectificationTaskHistory history;

	private final Clock clock;

	ProgressMeetingSheetService(NamedParameterJdbcTemplate jdbc, InspectionRepository inspections, Directory directory,
			WorkingDays workingDays, RectificationTaskHistory history, Clock clock) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.directory = directory;
		this.workingDays = workingDays;
		this.history = history;
		this.clock = clock;
	}

	/** Today in China, the sheet's default date. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), WorkingDays.ZONE);
	}

	public ProgressMeetingSheet sheet(Long inspectionId, LocalDate date) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
		Instant until = date.plusDays(1).atStartOfDay(WorkingDays.ZONE).toInstant();
		MapSqlParameterSource params = new MapSqlParameterSource("inspection", inspectionId)
			// Hibernate writes instants as UTC (hibernate.jdbc.time_zone), so the bound end of the day is UTC too.
			.addValue("until", LocalDateTime.ofInstant(until, ZoneOffset.UTC));
		List<TaskRow> tasks = this.jdbc.query("select t.id, t.code, t.title, t.responsible_leader, t.lead_department,"
				+ " t.deadline, t.status, t.closed_off, t.closed_off_at, t.overdue, t.progress_report"
				+ " from rectification_task t where t.inspection_id = :inspection", params, ProgressMeetingSheetService::taskRow);
		Map<Long, List<String>> measures = new HashMap<>();
		this.jdbc.query("select m.task_id, m.content from measure m join rectification_task t on t.id = m.task_id"
				+ " where t.inspection_id = :inspection order by m.task_id, m.seq", params,
				(ResultSet rs) -> {
					measures.computeIfAbsent(rs.getLong("task_id"), (k) -> new ArrayList<>()).add(rs.getString("content"));
				});
		Map<Long, List<String>> evidence = new HashMap<>();
		this.jdbc.query("select e.task_id, e.file_name from evidence e join rectification_task t on t.id = e.task_id"
				+ " where t.inspection_id = :inspection and e.uploaded_at < :until order by e.task_id, e.uploaded_at, e.id",
				params, (ResultSet rs) -> {
					evidence.computeIfAbsent(rs.getLong("task_id"), (k) -> new ArrayList<>()).add(rs.getString("file_name"));
				});
		Map<Long, DatedReport> reports = new HashMap<>();
		this.jdbc.query("select s.task_id, s.stage_measures, s.stage_results, s.reported_at from stage_report s"
				+ " join rectification_task t on t.id = s.task_id where t.inspection_id = :inspection"
				+ " and s.reported_at < :until order by s.task_id, s.reported_at, s.id", params, (ResultSet rs) -> {
					reports.put(rs.getLong("task_id"), new DatedReport(utc(rs, "reported_at"),
							rs.getString("stage_measures") + "\n" + rs.getString("stage_results")));
				});
		this.history.progressReportsBefore(tasks.stream().map(TaskRow::id).toList(), until)
			.forEach((taskId, report) -> reports.merge(taskId, report,
					(stage, progress) -> progress.at().isAfter(stage.at()) ? progress : stage));
		Map<String, String> leaderNames = this.directory.displayNames(tasks.stream().map(TaskRow::leader).toList());
		Map<String, String> departmentNames = this.directory.departmentNames();
		boolean flagsCount = !date.isBefore(today());
		Map<String, List<ProgressMeetingSheet.Item>> byLeader = new LinkedHashMap<>();
		tasks.stream().sorted(Comparator.comparing(TaskRow::code, ProgressMeetingSheetService::compareCodes)).forEach((t) -> {
			boolean closedOff = t.closedOff && (t.closedOffAt == null || t.closedOffAt.isBefore(until));
			TaskStatus status = closedOff ? t.status
					: (t.status == TaskStatus.LONG_TERM) ? TaskStatus.LONG_TERM : TaskStatus.NOT_COMPLETED;
			boolean settled = closedOff || status == TaskStatus.LONG_TERM;
			TrafficLight light = this.workingDays.light(t.deadline, settled, flagsCount && t.overdue, date);
			DatedReport report = reports.get(t.id);
			if (report == null && flagsCount && t.progressReport != null && !t.progressReport.isBlank()) {
				report = new DatedReport(null, t.progressReport);
			}
			byLeader.computeIfAbsent(t.leader, (k) -> new ArrayList<>())
				.add(new ProgressMeetingSheet.Item(t.id, t.code, t.title,
						(t.leadDepartment == null) ? "" : departmentNames.getOrDefault(t.leadDepartment, t.leadDepartment), t.deadline, light, status,
						closedOff, (report != null) ? report.text() : null,
						(report != null && report.at() != null) ? LocalDate.ofInstant(report.at(), WorkingDays.ZONE) : null,
						evidence.getOrDefault(t.id, List.of()), measures.getOrDefault(t.id, List.of())));
		});
		Collator chinese = Collator.getInstance(Locale.CHINA);
		List<ProgressMeetingSheet.LeaderGroup> groups = byLeader.entrySet()
			.stream()
			.map((e) -> new ProgressMeetingSheet.LeaderGroup(e.getKey(),
					(e.getKey() == null) ? null : leaderNames.getOrDefault(e.getKey(), e.getKey()),
					ProgressMeetingSheet.Summary.of(e.getValue()), e.getValue()))
			.sorted(Comparator.comparing((ProgressMeetingSheet.LeaderGroup g) -> g.leaderId() == null)
				.thenComparing((g) -> (g.leaderName() == null) ? "" : g.leaderName(), chinese)
				.thenComparing((g) -> (g.leaderId() == null) ? "" : g.leaderId()))
			.toList();
		List<ProgressMeetingSheet.Item> all = groups.stream().flatMap((g) -> g.items().stream()).toList();
		return new ProgressMeetingSheet(inspection.getId(), inspection.getTitle(), inspection.getUnitName(),
				inspection.getStatus(), date, ProgressMeetingSheet.Summary.of(all), groups);
	}

	private record TaskRow(Long id, String code, String title, String leader, String leadDepartment,
			LocalDate deadline, TaskStatus status, boolean closedOff, Instant closedOffAt, boolean overdue,
			String progressReport) {
	}

	private static TaskRow taskRow(ResultSet rs, int i) throws SQLException {
		return new TaskRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
				rs.getString("responsible_leader"), rs.getString("lead_department"),
				rs.getObject("deadline", LocalDate.class), TaskStatus.valueOf(rs.getString("status")),
				rs.getBoolean("closed_off"), utc(rs, "closed_off_at"), rs.getBoolean("overdue"),
				rs.getString("progress_report"));
	}

	private static Instant utc(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	/** Task codes in numeric order, part by part: 1.2.10 comes after 1.2.9. */
	static int compareCodes(String a, String b) {
		String[] left = a.split("\\.");
		String[] right = b.split("\\.");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int order = comparePart(left[i], right[i]);
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.length, right.length);
	}

	private static int comparePart(String a, String b) {
		try {
			return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
		}
		catch (NumberFormatException ex) {
			return a.compareTo(b);
		}
	}

}

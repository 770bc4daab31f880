package org.rectiflow.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three lists of one inspection as people browse them every day. Filtering, searching, sorting and paging happen
 * in the database, and every count comes from a GROUP BY, so a page costs the same handful of queries whether the
 * ledger holds sixty tasks or six thousand; {@link LedgerService#ledger} stays the complete record for the API and
 * the reports. Plain SQL that runs unchanged on H2 and PostgreSQL; every value from a request is a bound parameter,
 * and the ORDER BY is chosen from {@link TaskListQuery.Sort}, never taken from the request.
 */
@Service
@Transactional(readOnly = true)
public class LedgerQueries {

	/** Settled tasks no longer count against deadlines: closed off, or declared long-term. */
	static final String SETTLED = "(t.closed_off = true or t.status = 'LONG_TERM')";

	/** Overdue: not settled, and the deadline timer has fired or the deadline has passed in China. */
	static final String OVERDUE = "(not " + SETTLED + " and (t.overdue = true or t.deadline < :today))";

	/** The lights of {@link TrafficLight#of}: a task without a deadline, or a settled one, has none. */
	static final String RED = "(" + OVERDUE + " and t.deadline is not null)";

	static final String OPEN_ON_TIME = "(not " + SETTLED + " and t.deadline is not null and t.overdue = false and t.deadline >= :today)";

	static final String YELLOW = "(" + OPEN_ON_TIME + " and t.deadline <= :horizon)";

	static final String GREEN = "(" + OPEN_ON_TIME + " and t.deadline > :horizon)";

	private static final String COUNTS = "count(t.id) as total, "
			+ "sum(case when t.status = 'COMPLETED' then 1 else 0 end) as completed, "
			+ "sum(case when t.status = 'BASICALLY_COMPLETED' then 1 else 0 end) as basically_completed, "
			+ "sum(case when t.status = 'NOT_COMPLETED' then 1 else 0 end) as not_completed, "
			+ "sum(case when t.status = 'LONG_TERM' then 1 else 0 end) as long_term, "
			+ "sum(case when " + OVERDUE + " then 1 else 0 end) as overdue, "
			+ "sum(case when " + YELLOW + " then 1 else 0 end) as due_soon";

	private static final String TASKS = " from rectification_task t join problem p on p.id = t.problem_id"
			+ " join problem_category c on c.id = p.category_id where t.inspection_id = :inspection";

	/** Departments in the order of the organisation chart, as Chinese institutions list them. */
	private static final String DEPARTMENT_ORDER = departmentOrder();

	private static final String STATUS_ORDER = "case t.status when 'NOT_COMPLETED' then 0 when 'BASICALLY_COMPLETED' then 1"
			+ " when 'LONG_TERM' then 2 when 'COMPLETED' then 3 else 4 end";

	/** Rows a streamed read fetches from the database at a time, and hands on together. */
	public static final int EXPORT_BATCH = 500;

	private final NamedParameterJdbcTemplate jdbc;

	/** The same database, read through a cursor: an export never holds more than a batch of rows. */
	private final NamedParameterJdbcTemplate streaming;

	private final InspectionRepository inspections;

	private final Directory directory;

	private final Clock clock;

	private final WorkingDays workingDays;

	LedgerQueries(NamedParameterJdbcTemplate jdbc, InspectionRepository inspections, Directory directory, Clock clock,
			WorkingDays workingDays) {
		this.jdbc = jdbc;
		JdbcTemplate cursor = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
		cursor.setFetchSize(EXPORT_BATCH);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
		this.inspections = inspections;
		this.directory = directory;
		this.clock = clock;
		this.workingDays = workingDays;
	}

	/** What heads every list of an inspection. */
	public record Heading(Long id, String title, String unitName, InspectionStatus status) {
	}

	/** One choice in a filter: the parameter value and what people read. */
	public record Option(String value, String label) {
	}

	/** The choices of the task list's filter form, all taken from the inspection itself. */
	public record TaskOptions(List<Option> categories, List<Option> problems, List<Option> departments,
			List<Option> leaders) {
	}

	/** A problem with its tasks counted by outcome; its own outcome rolls up from them. */
	public record ProblemRow(Long id, String code, String title, boolean previousRound, Long categoryId,
			int categorySeq, String categoryTitle, OutcomeCounts counts, int overdue) {

		public TaskStatus outcome() {
			return this.counts.rollUp();
		}

	}

	/** Every problem of an inspection, in order, with the inspection's counts computed from the same rows. */
	public record ProblemList(List<ProblemRow> rows, OutcomeCounts problemCounts, OutcomeCounts taskCounts,
			int overdue) {

		/** The categories that have problems, in order, as the problem list's filter offers them. */
		public List<Option> categories() {
			Map<Long, Option> categories = new LinkedHashMap<>();
			this.rows.forEach((p) -> categories.putIfAbsent(p.categoryId(),
					new Option(String.valueOf(p.categoryId()), p.categorySeq() + ". " + p.categoryTitle())));
			return List.copyOf(categories.values());
		}

	}

	public record TaskRow(Long id, String code, String title, TaskKind kind, Long problemId, String problemCode,
			String problemTitle, String leadDepartment, String leadDepartmentName, String leader, String leaderName,
			String responsiblePerson, LocalDate deadline, TaskStatus status, boolean overdue, TrafficLight light,
			long evidenceCount) {
	}

	/**
	 * A task as the exported task list writes it: the list's row with what a printed ledger adds, the category, the
	 * cooperating departments and the measures.
	 */
	public record ExportTask(TaskRow row, int categorySeq, String categoryTitle, List<String> cooperatingDepartmentNames,
			List<String> measures) {
	}

	/**
	 * One page of the task list. {@code query} is the query as answered: when the page asked for lies beyond the last
	 * one, it holds the last page and {@code requestedPage} the one asked for.
	 */
	public record TaskPage(TaskListQuery query, List<TaskRow> rows, long total, Integer requestedPage) {

		public int totalPages() {
			return (int) Math.max(1, (this.total + this.query.size() - 1) / this.query.size());
		}

		public int number() {
			return this.query.page();
		}

		public boolean hasPrevious() {
			return number() > 0;
		}

		public boolean hasNext() {
			return number() + 1 < totalPages();
		}

		/** The page numbers to link: the first, the last and two either side of this one; -1 marks a gap. */
		public List<Integer> pageNumbers() {
			List<Integer> numbers = new ArrayList<>();
			int last = totalPages() - 1;
			for (int i = 0; i <= last; i++) {
				if (i == 0 || i == last || Math.abs(i - number()) <= 2) {
					numbers.add(i);
				}
				else if (numbers.get(numbers.size() - 1) != -1) {
					numbers.add(-1);
				}
			}
			return numbers;
		}

	}

	/** How the responsibility list (责任清单) is grouped. */
	public enum ResponsibilityView {

		DEPARTMENT, LEADER

	}

	/**
	 * One line of the responsibility list: a lead department with its leaders, or a leader with their departments.
	 * {@code key} is null for tasks that name no department or leader yet.
	 */
	public record ResponsibilityRow(String key, String name, List<String> partners, OutcomeCounts counts, int overdue,
			int dueSoon) {
	}

	public Heading heading(Long inspectionId) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
		return new Heading(inspection.getId(), inspection.getTitle(), inspection.getUnitName(), inspection.getStatus());
	}

	/** The problem list (问题清单): one GROUP BY over the inspection's tasks, per problem. */
	public ProblemList problems(Long inspectionId, LedgerScope scope) {
		MapSqlParameterSource params = parameters(inspectionId);
		String condition = scope.condition(params);
		String sql = "select p.id, p.code, p.title, p.previous_round, c.id as category_id, c.seq as category_seq,"
				+ " c.title as category_title, p.seq, " + COUNTS
				+ " from problem p join problem_category c on c.id = p.category_id"
				+ " left join rectification_task t on t.problem_id = p.id" + condition + " where p.inspection_id = :inspection"
				+ " group by p.id, p.code, p.title, p.previous_round, c.id, c.seq, c.title, p.seq"
				+ (scope.all() ? "" : " having count(t.id) > 0") + " order by c.seq, p.seq";
		List<ProblemRow> rows = this.jdbc.query(sql, params,
				(rs, i) -> new ProblemRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
						rs.getBoolean("previous_round"), rs.getLong("category_id"), rs.getInt("category_seq"),
						rs.getString("category_title"), counts(rs), rs.getInt("overdue")));
		OutcomeCounts tasks = rows.stream().map(ProblemRow::counts).reduce(OutcomeCounts.none(), OutcomeCounts::plus);
		OutcomeCounts problems = OutcomeCounts.of(rows.stream().map(ProblemRow::outcome).toList());
		return new ProblemList(rows, problems, tasks, rows.stream().mapToInt(ProblemRow::overdue).sum());
	}

	/** An inspection as the list of every inspection shows it: its problems and tasks counted by outcome. */
	public record InspectionSummary(Long inspectionId, String title, String unitName, InspectionStatus status,
			OutcomeCounts problemCounts, OutcomeCounts taskCounts) {
	}

	/**
	 * Every inspection, newest first, with the counts of its problem list, within the person's scope: one GROUP BY
	 * per problem over all of them, rolled up here, and one query for the inspections. A province of 200 units is two
	 * queries, as one unit is.
	 */
	public List<InspectionSummary> summaries(LedgerScope scope) {
		MapSqlParameterSource params = parameters(null);
		String sql = "select p.inspection_id, " + COUNTS + " from problem p"
				+ " left join rectification_task t on t.problem_id = p.id" + scope.condition(params)
				+ " where 1 = 1" + scope.unitCondition("p.inspection_id", params)
				+ " group by p.inspection_id, p.id" + (scope.all() ? "" : " having count(t.id) > 0");
		Map<Long, List<OutcomeCounts>> problemsByInspection = new HashMap<>();
		this.jdbc.query(sql, params, (RowCallbackHandler) (rs) -> problemsByInspection
			.computeIfAbsent(rs.getLong("inspection_id"), (k) -> new ArrayList<>())
			.add(counts(rs)));
		List<Inspection> visible = (scope.units() == null) ? this.inspections.findAllByOrderByCreatedAtDesc()
				: scope.units().isEmpty() ? List.of()
						: this.inspections.findByUnitIdInOrderByCreatedAtDesc(scope.units());
		return visible.stream()
			// Feedback still with its inspection group (issue 18) is not the unit's yet: the office's pages list it.
			.filter((i) -> !i.isWithGroup())
			.map((i) -> {
			List<OutcomeCounts> problems = problemsByInspection.getOrDefault(i.getId(), List.of());
			return new InspectionSummary(i.getId(), i.getTitle(), i.getUnitName(), i.getStatus(),
					OutcomeCounts.of(problems.stream().map(OutcomeCounts::rollUp).toList()),
					problems.stream().reduce(OutcomeCounts.none(), OutcomeCounts::plus));
		}).toList();
	}

	/** The choices of the task list's filters: the inspection's categories, problems, departments and leaders. */
	public TaskOptions taskOptions(Long inspectionId, LedgerScope scope) {
		MapSqlParameterSource params = parameters(inspectionId);
		String condition = scope.condition(params);
		String visibleIn = scope.all() ? ""
				: " and exists (select 1 from rectification_task t where t.problem_id = p.id" + condition + ")";
		List<Option> categories = this.jdbc.query("select c.id, c.seq, c.title from problem_category c"
				+ " where c.inspection_id = :inspection" + (scope.all() ? ""
						: " and exists (select 1 from problem p where p.category_id = c.id" + visibleIn + ")")
				+ " order by c.seq",
				params, (rs, i) -> new Option(rs.getString("id"), rs.getInt("seq") + ". " + rs.getString("title")));
		List<Option> problems = this.jdbc.query(
				"select p.id, p.code, p.title from problem p join problem_category c on c.id = p.category_id"
						+ " where p.inspection_id = :inspection" + visibleIn + " order by c.seq, p.seq",
				params, (rs, i) -> new Option(rs.getString("id"), rs.getString("code") + " " + rs.getString("title")));
		List<Option> departments = this.jdbc
			.queryForList("select distinct t.lead_department from rectification_task t where t.inspection_id = :inspection"
					+ " and t.lead_department is not null" + condition, params, String.class)
			.stream()
			.sorted(Comparator.comparingInt(LedgerQueries::departmentRank).thenComparing(Comparator.naturalOrder()))
			.map((d) -> new Option(d, this.directory.departmentName(d)))
			.toList();
		return new TaskOptions(categories, problems, departments, leaders(inspectionId, scope));
	}

	/** The inspection's responsible leaders by name, in the order of the Chinese alphabet (pinyin). */
	private List<Option> leaders(Long inspectionId, LedgerScope scope) {
		MapSqlParameterSource params = parameters(inspectionId);
		List<String> ids = this.jdbc.queryForList("select distinct t.responsible_leader from rectification_task t"
				+ " where t.inspection_id = :inspection and t.responsible_leader is not null" + scope.condition(params),
				params, String.class);
		Map<String, String> names = this.directory.displayNames(ids);
		Collator chinese = Collator.getInstance(Locale.CHINA);
		return ids.stream()
			.map((id) -> new Option(id, names.getOrDefault(id, id)))
			.sorted(Comparator.comparing(Option::label, chinese).thenComparing(Option::value))
			.toList();
	}

	/** One page of the task list (任务清单): a count and a page query, then evidence counts for that page only. */
	public TaskPage tasks(Long inspectionId, TaskListQuery query, LedgerScope scope) {
		MapSqlParameterSource params = parameters(inspectionId);
		String where = where(query, params) + scope.condition(params);
		long total = this.jdbc.queryForObject("select count(*)" + TASKS + where, params, Long.class);
		TaskListQuery answered = query;
		Integer requested = null;
		int lastPage = (int) Math.max(0, (total - 1) / query.size());
		if (query.page() > lastPage) {
			answered = query.withPage(lastPage);
			requested = query.page();
		}
		params.addValue("limit", answered.size()).addValue("offset", (long) answered.page() * answered.size());
		String sql = "select t.id, t.code, t.title, t.kind, t.responsible_leader, t.lead_department,"
				+ " t.responsible_person, t.deadline, t.status, t.closed_off, t.overdue, p.id as problem_id,"
				+ " p.code as problem_code, p.title as problem_title" + TASKS + where + orderBy(answered, inspectionId, params)
				+ " limit :limit offset :offset";
		LocalDate today = today();
		LocalDate horizon = this.workingDays.dueSoonHorizon(today);
		List<Row> rows = this.jdbc.query(sql, params, (rs, i) -> row(rs, today, horizon));
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, Long> evidence = evidenceCounts(ids);
		Map<String, String> leaderNames = this.directory.displayNames(rows.stream().map(Row::leader).toList());
		List<TaskRow> taskRows = rows.stream()
			.map((r) -> new TaskRow(r.id, r.code, r.title, r.kind, r.problemId, r.problemCode, r.problemTitle,
					r.leadDepartment, (r.leadDepartment == null) ? "" : this.directory.departmentName(r.leadDepartment), r.leader,
					(r.leader == null) ? "" : leaderNames.getOrDefault(r.leader, r.leader), r.responsiblePerson,
					r.deadline, r.status, r.overdue, r.light, evidence.getOrDefault(r.id, 0L)))
			.toList();
		return new TaskPage(answered, taskRows, total, requested);
	}

	/**
	 * Every task the task list's filters select within the person's scope, in its order, streamed for an export: the tasks are read through a
	 * cursor ({@link #EXPORT_BATCH} rows a fetch) and handed on in batches of {@code batchSize}, each completed with
	 * one query for its measures, one for its evidence counts and the names of leaders not met before. Memory stays
	 * that of one batch, however many tasks the inspection has. Paging of the query is ignored.
	 */
	public void forEachTask(Long inspectionId, TaskListQuery query, LedgerScope scope, int batchSize,
			Consumer<List<ExportTask>> batches) {
		MapSqlParameterSource params = parameters(inspectionId);
		String sql = "select t.id, t.code, t.title, t.kind, t.responsible_leader, t.lead_department,"
				+ " t.cooperating_departments, t.responsible_person, t.deadline, t.status, t.closed_off, t.overdue,"
				+ " p.id as problem_id, p.code as problem_code, p.title as problem_title, c.seq as category_seq,"
				+ " c.title as category_title" + TASKS + where(query, params) + scope.condition(params)
				+ orderBy(query, inspectionId, params);
		LocalDate today = today();
		LocalDate horizon = this.workingDays.dueSoonHorizon(today);
		List<Row> rows = new ArrayList<>(batchSize);
		List<String[]> extras = new ArrayList<>(batchSize);
		Map<String, String> leaderNames = new HashMap<>();
		this.streaming.query(sql, params, (RowCallbackHandler) (rs) -> {
			rows.add(row(rs, today, horizon));
			extras.add(new String[] { rs.getString("category_seq"), rs.getString("category_title"),
					rs.getString("cooperating_departments") });
			if (rows.size() == batchSize) {
				batches.accept(exportBatch(rows, extras, leaderNames));
				rows.clear();
				extras.clear();
			}
		});
		if (!rows.isEmpty()) {
			batches.accept(exportBatch(rows, extras, leaderNames));
		}
	}

	private List<ExportTask> exportBatch(List<Row> rows, List<String[]> extras, Map<String, String> leaderNames) {
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, Long> evidence = evidenceCounts(ids);
		Map<Long, List<String>> measures = new HashMap<>();
		this.jdbc.query("select m.task_id, m.content from measure m where m.task_id in (:ids) order by m.task_id, m.seq",
				new MapSqlParameterSource("ids", ids), (RowCallbackHandler) (rs) -> measures
					.computeIfAbsent(rs.getLong("task_id"), (k) -> new ArrayList<>())
					.add(rs.getString("content")));
		List<String> unnamed = rows.stream()
			.map(Row::leader)
			.filter((l) -> l != null && !leaderNames.containsKey(l))
			.distinct()
			.toList();
		if (!unnamed.isEmpty()) {
			leaderNames.putAll(this.directory.displayNames(unnamed));
		}
		List<ExportTask> batch = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			String[] extra = extras.get(i);
			TaskRow row = new TaskRow(r.id, r.code, r.title, r.kind, r.problemId, r.problemCode, r.problemTitle,
					r.leadDepartment, (r.leadDepartment == null) ? "" : this.directory.departmentName(r.leadDepartment), r.leader,
					(r.leader == null) ? "" : leaderNames.getOrDefault(r.leader, r.leader), r.responsiblePerson,
					r.deadline, r.status, r.overdue, r.light, evidence.getOrDefault(r.id, 0L));
			List<String> cooperating = (extra[2] == null || extra[2].isBlank()) ? List.of()
					: Arrays.stream(extra[2].split(",")).map(this.directory::departmentName).toList();
			batch.add(new ExportTask(row, Integer.parseInt(extra[0]), extra[1], cooperating,
					measures.getOrDefault(r.id, List.of())));
		}
		return batch;
	}

	/**
	 * The responsibility list (责任清单): one GROUP BY for the counts, one for who works with whom; rows with the most
	 * tasks first.
	 */
	public List<ResponsibilityRow> responsibilities(Long inspectionId, ResponsibilityView view, LedgerScope scope) {
		boolean byDepartment = view == ResponsibilityView.DEPARTMENT;
		String key = byDepartment ? "t.lead_department" : "t.responsible_leader";
		String partner = byDepartment ? "t.responsible_leader" : "t.lead_department";
		MapSqlParameterSource params = parameters(inspectionId);
		String condition = scope.condition(params);
		Map<String, Counted> counted = new LinkedHashMap<>();
		this.jdbc.query("select " + key + " as k, " + COUNTS + " from rectification_task t"
				+ " where t.inspection_id = :inspection" + condition + " group by " + key, params,
				(ResultSet rs) -> {
					counted.put(rs.getString("k"), new Counted(counts(rs), rs.getInt("overdue"), rs.getInt("due_soon")));
				});
		Map<String, List<String>> partners = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
		List<String[]> pairs = this.jdbc.query("select " + key + " as k, " + partner + " as partner"
				+ " from rectification_task t where t.inspection_id = :inspection and " + partner + " is not null"
				+ condition + " group by " + key + ", " + partner, params,
				(rs, i) -> new String[] { rs.getString("k"), rs.getString("partner") });
		List<String> leaderIds = new ArrayList<>(counted.keySet());
		pairs.forEach((p) -> leaderIds.add(byDepartment ? p[1] : p[0]));
		Map<String, String> leaderNames = this.directory.displayNames(leaderIds);
		for (String[] pair : pairs) {
			partners.computeIfAbsent(pair[0], (k) -> new ArrayList<>())
				.add(byDepartment ? leaderNames.getOrDefault(pair[1], pair[1]) : this.directory.departmentName(pair[1]));
		}
		Collator chinese = Collator.getInstance(Locale.CHINA);
		return counted.entrySet()
			.stream()
			.map((e) -> new ResponsibilityRow(e.getKey(),
					(e.getKey() == null) ? null
							: byDepartment ? this.directory.departmentName(e.getKey()) : leaderNames.getOrDefault(e.getKey(), e.getKey()),
					partners.getOrDefault(e.getKey(), List.of()).stream().sorted(chinese).toList(), e.getValue().counts,
					e.getValue().overdue, e.getValue().dueSoon))
			.sorted(Comparator.comparingInt((ResponsibilityRow r) -> -r.counts().total())
				.thenComparing((r) -> r.key() == null)
				.thenComparingInt((r) -> byDepartment ? departmentRank(r.key()) : 0)
				.thenComparing((r) -> (r.name() == null) ? "" : r.name(), chinese))
			.toList();
	}

	private record Counted(OutcomeCounts counts, int overdue, int dueSoon) {
	}

	private record Row(Long id, String code, String title, TaskKind kind, String leader, String leadDepartment,
			String responsiblePerson, LocalDate deadline, TaskStatus status, boolean overdue, TrafficLight light,
			Long problemId, String problemCode, String problemTitle) {
	}

	private static Row row(ResultSet rs, LocalDate today, LocalDate dueSoonHorizon) throws SQLException {
		Date deadlineDate = rs.getDate("deadline");
		LocalDate deadline = (deadlineDate != null) ? deadlineDate.toLocalDate() : null;
		TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
		boolean settled = rs.getBoolean("closed_off") || status == TaskStatus.LONG_TERM;
		boolean flagged = rs.getBoolean("overdue");
		boolean overdue = !settled && (flagged || (deadline != null && deadline.isBefore(today)));
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("title"), TaskKind.valueOf(rs.getString("kind")),
				rs.getString("responsible_leader"), rs.getString("lead_department"), rs.getString("responsible_person"),
				deadline, status, overdue, TrafficLight.of(deadline, settled, flagged, today, dueSoonHorizon), rs.getLong("problem_id"),
				rs.getString("problem_code"), rs.getString("problem_title"));
	}

	private String where(TaskListQuery query, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder();
		if (query.category() != null) {
			where.append(" and p.category_id = :category");
			params.addValue("category", query.category());
		}
		if (query.problem() != null) {
			where.append(" and t.problem_id = :problem");
			params.addValue("problem", query.problem());
		}
		if (query.department() != null) {
			where.append(" and t.lead_department = :department");
			params.addValue("department", query.department());
		}
		if (query.leader() != null) {
			where.append(" and t.responsible_leader = :leader");
			params.addValue("leader", query.leader());
		}
		if (query.status() != null) {
			where.append(" and t.status = :status");
			params.addValue("status", query.status().name());
		}
		if (query.kind() != null) {
			where.append(" and t.kind = :kind");
			params.addValue("kind", query.kind().name());
		}
		if (query.overdue()) {
			where.append(" and ").append(OVERDUE);
		}
		if (query.light() == TrafficLight.RED) {
			where.append(" and ").append(RED);
		}
		else if (query.light() == TrafficLight.YELLOW) {
			where.append(" and ").append(YELLOW);
		}
		else if (query.light() == TrafficLight.GREEN) {
			where.append(" and ").append(GREEN);
		}
		if (query.q() != null) {
			where.append(" and (lower(t.code) like :q escape '\\' or lower(t.title) like :q escape '\\'")
				.append(" or lower(t.responsible_person) like :q escape '\\'")
				.append(" or exists (select 1 from measure m where m.task_id = t.id and lower(m.content) like :q escape '\\'))");
			params.addValue("q", "%" + likeEscaped(query.q().toLowerCase(Locale.ROOT)) + "%");
		}
		return where.toString();
	}

	private String orderBy(TaskListQuery query, Long inspectionId, MapSqlParameterSource params) {
		String dir = query.descending() ? " desc" : " asc";
		String byCode = "c.seq" + dir + ", p.seq" + dir + ", t.seq" + dir;
		String first = switch (query.sort()) {
			case CODE -> null;
			case DEADLINE -> "case when t.deadline is null then 1 else 0 end, t.deadline" + dir;
			case DEPARTMENT -> DEPARTMENT_ORDER + dir;
			case LEADER -> leaderOrder(inspectionId, params) + dir;
			case STATUS -> STATUS_ORDER + dir;
		};
		String codeOrder = "c.seq, p.seq, t.seq";
		return " order by " + ((first != null) ? first + ", " + codeOrder : byCode) + ", t.id";
	}

	/** Leaders by name (pinyin), as the filter lists them; the ids are bound, never written into the SQL. */
	private String leaderOrder(Long inspectionId, MapSqlParameterSource params) {
		List<Option> leaders = leaders(inspectionId, LedgerScope.ALL);
		StringBuilder order = new StringBuilder("case when t.responsible_leader is null then 1 else 0 end, case t.responsible_leader");
		for (int i = 0; i < leaders.size(); i++) {
			order.append(" when :leader").append(i).append(" then ").append(i);
			params.addValue("leader" + i, leaders.get(i).value());
		}
		return order.append(" else ").append(leaders.size()).append(" end").toString();
	}

	private Map<Long, Long> evidenceCounts(List<Long> taskIds) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.query("select e.task_id, count(*) as files from evidence e where e.task_id in (:ids) group by e.task_id",
					new MapSqlParameterSource("ids", taskIds), (rs, i) -> Map.entry(rs.getLong("task_id"), rs.getLong("files")))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private MapSqlParameterSource parameters(Long inspectionId) {
		LocalDate today = today();
		return new MapSqlParameterSource("inspection", inspectionId).addValue("today", Date.valueOf(today), Types.DATE)
			.addValue("horizon", Date.valueOf(this.workingDays.dueSoonHorizon(today)), Types.DATE);
	}

	/** Today in China, whatever zone the server or its clock runs in: deadlines are Chinese calendar dates. */
	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), WorkingDays.ZONE);
	}

	private static OutcomeCounts counts(ResultSet rs) throws SQLException {
		return new OutcomeCounts(rs.getInt("total"), rs.getInt("completed"), rs.getInt("basically_completed"),
				rs.getInt("not_completed"), rs.getInt("long_term"));
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static int departmentRank(String groupId) {
		return Department.seedRank(groupId);
	}

	private static String departmentOrder() {
		StringBuilder order = new StringBuilder("case t.lead_department");
		for (Department d : Department.values()) {
			order.append(" when '").append(d.groupId()).append("' then ").append(d.ordinal());
		}
		return order.append(" else ").append(Department.values().length).append(" end").toString();
	}

}

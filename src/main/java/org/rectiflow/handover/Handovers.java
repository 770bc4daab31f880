package org.rectiflow.handover;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.engine.Unauthenticated;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rectiflow.inspection.TypedDates;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Handover (工作交接): when a responsible leader or a department head changes, the unit's rectification office
 * records who hands over to whom from which date, and the open responsibilities move to the successor on that date.
 * <ul>
 * <li>A responsible leader's handover moves every open task of the unit (not yet closed off; long-term ones
 * included) that names the predecessor as responsible leader: the ledger row, and in the same transaction the
 * engine ({@link RectificationTaskProcessAdapter#handOver}): the open steps, the grants, the instance's
 * variables.</li>
 * <li>A department head's handover moves the department's headship ({@code department_head}) and makes the successor
 * the responsible person (责任人) of the department's open tasks that named the predecessor.</li>
 * </ul>
 * Each task moved keeps its history ({@code task_handover}): the three lists show "自 X 月 X 日起由 … 负责" with the
 * predecessor. A handover dated today (China) or earlier takes effect when it is recorded; one dated later waits
 * for its day: a job at 00:05 every day (and at start-up, for a node that was down) applies the handovers due. The
 * engine's steps must really move on the day, which a check when a list is read could not do.
 */
@Service("handovers")
@Transactional
public class Handovers {

	private static final Logger logger = LoggerFactory.getLogger(Handovers.class);

	static final int MAX_REASON = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final RectificationTaskRepository tasks;

	private final RectificationTaskProcessAdapter process;

	private final Directory directory;

	private final Units units;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final IdentityService identityService;

	private final AuditLog auditLog;

	private final TypedDates typedDates;

	Handovers(NamedParameterJdbcTemplate jdbc, RectificationTaskRepository tasks, RectificationTaskProcessAdapter process,
			Directory directory, Units units, Clock clock, TransactionTemplate transactions,
			IdentityService identityService, AuditLog auditLog, TypedDates typedDates) {
		this.typedDates = typedDates;
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.process = process;
		this.directory = directory;
		this.units = units;
		this.clock = clock;
		this.transactions = transactions;
		this.identityService = identityService;
		this.auditLog = auditLog;
	}

	/** A recorded handover, with the names people read. {@code appliedAt} is null while it waits for its date. */
	public record Handover(Long id, String unitId, HandoverKind kind, String department, String from, String fromName,
			String to, String toName, LocalDate effectiveOn, String reason, String recordedBy, Instant recordedAt,
			Instant appliedAt, int taskCount) {
	}

	/** One task's change of hands: the responsible leader, or the responsible person, from a date. */
	public record TaskHandover(Long taskId, String taskCode, String taskTitle, String role, String from,
			String fromName, String to, String toName, LocalDate effectiveOn) {

		/** Whether the responsible leader changed hands; else the responsible person (责任人) did. */
		public boolean leader() {
			return "RESPONSIBLE_LEADER".equals(this.role);
		}

	}

	/** Whether this person may record handovers for this unit: its rectification office, or an administrator. */
	public boolean mayRecord(Viewer viewer, String unitId) {
		if (viewer.groups().contains(Groups.CAMUNDA_ADMIN)) {
			return true;
		}
		return viewer.groups().contains(Groups.RECTIFICATION_OFFICE)
				&& this.units.tenantIds(viewer.userId()).contains(unitId);
	}

	/**
	 * Records a handover for the unit and, when it is due today or was due earlier today, applies it in the same
	 * transaction. Every rule is checked before anything is stored; the first gap found is the error.
	 */
	public Handover record(String unitId, HandoverRequest request, Viewer viewer) {
		if (this.units.find(unitId).isEmpty()) {
			throw new RectiflowException.NotFound("error.handover.unitNotFound", unitId);
		}
		if (!mayRecord(viewer, unitId)) {
			throw new RectiflowException.Forbidden("error.handover.forbidden");
		}
		HandoverKind kind = request.kind();
		if (kind == null) {
			throw new RectiflowException("error.handover.kindMissing");
		}
		String from = trimmed(request.from());
		String to = trimmed(request.to());
		if (from == null || to == null) {
			throw new RectiflowException("error.handover.personMissing");
		}
		for (String person : List.of(from, to)) {
			if (!this.directory.userExists(person)) {
				throw new RectiflowException("error.handover.unknownPerson", person);
			}
		}
		if (from.equals(to)) {
			throw new RectiflowException("error.handover.samePerson");
		}
		if (!this.units.tenantIds(to).contains(unitId)) {
			throw new RectiflowException("error.handover.notInUnit", this.directory.displayName(to));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (request.effectiveOn() == null) {
			throw new RectiflowException("error.handover.dateMissing");
		}
		if (request.effectiveOn().isBefore(today)) {
			throw new RectiflowException("error.handover.datePast", request.effectiveOn(), today);
		}
		this.typedDates.plausible(request.effectiveOn(), "date.field.handoverEffectiveOn");
		String reason = trimmed(request.reason());
		if (reason == null) {
			throw new RectiflowException("error.handover.reasonMissing");
		}
		if (reason.length() > MAX_REASON) {
			throw new RectiflowException("error.handover.reasonTooLong", MAX_REASON);
		}
		String department = null;
		if (kind == HandoverKind.DEPARTMENT_HEAD) {
			department = trimmed(request.department());
			if (department == null) {
				throw new RectiflowException("error.handover.departmentMissing");
			}
			Map<String, String> departments = departmentsOf(unitId);
			if (!departments.containsKey(department)) {
				throw new RectiflowException("error.handover.unknownDepartment", department);
			}
			Optional<String> head = headOf(department);
			if (head.isPresent() && !head.get().equals(from)) {
				throw new RectiflowException("error.handover.notHead", this.directory.displayName(from), departments.get(department),
						this.directory.displayName(head.get()));
			}
		}
		// A leader who has already left the unit may still be named on its tasks: exactly what is to be handed over.
		else if (!this.units.tenantIds(from).contains(unitId) && !answersForTasksOf(unitId, from)) {
			throw new RectiflowException("error.handover.notInUnit", this.directory.displayName(from));
		}
		MapSqlParameterSource params = new MapSqlParameterSource("unit", unitId).addValue("kind", kind.name())
			.addValue("department", department)
			.addValue("from", from)
			.addValue("to", to)
			.addValue("effectiveOn", request.effectiveOn())
			.addValue("reason", reason)
			.addValue("by", viewer.userId())
			.addValue("at", Timestamp.from(this.clock.instant()));
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update("insert into handover (unit_id, kind, department, from_user, to_user, effective_on, reason,"
				+ " recorded_by, recorded_at) values (:unit, :kind, :department, :from, :to, :effectiveOn, :reason, :by, :at)",
				params, key, new String[] { "id" });
		Long id = key.getKey().longValue();
		this.auditLog.record(viewer.userId(), AuditLog.clientAddress(), AuditKind.HANDOVER, subject(id),
				kind.name() + ((department != null) ? "；department " + department : "") + "；from " + from + " ("
						+ this.directory.displayName(from) + ") to " + to + " (" + this.directory.displayName(to)
						+ ")；effective " + request.effectiveOn() + "；reason " + reason);
		if (!request.effectiveOn().isAfter(today)) {
			apply(id);
		}
		return find(id).orElseThrow();
	}

	/** Applies every handover due by today; see {@link #applyDue(LocalDate)}. */
	@Scheduled(cron = "${rectiflow.handover.cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int applyDue() {
		return applyDue(LocalDate.now(this.clock));
	}

	/** A node that was down at 00:05 catches up when it starts. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void applyDueAtStart() {
		int applied = applyDue();
		if (applied > 0) {
			logger.info("Applied {} handovers that fell due while the application was down", applied);
		}
	}

	/**
	 * Applies the handovers dated on or before {@code today} that are not applied yet, each in its own transaction:
	 * one that fails (logged) does not hold up the others, and is tried again by the next run.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int applyDue(LocalDate today) {
		List<Long> due = this.jdbc.queryForList("select id from handover where applied_at is null and effective_on <= :today"
				+ " order by effective_on, id", new MapSqlParameterSource("today", today), Long.class);
		int applied = 0;
		for (Long id : due) {
			try {
				Boolean done = this.transactions.execute((status) -> apply(id));
				applied += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				logger.warn("Handover {} could not be applied; the next run tries again", id, ex);
			}
		}
		return applied;
	}

	/**
	 * Takes the handover (the update that marks it applied is the claim: on several nodes, one applies it), then
	 * moves the tasks. False when another node or run applied it first.
	 */
	private boolean apply(Long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int claimed = this.jdbc.update("update handover set applied_at = :now where id = :id and applied_at is null",
				new MapSqlParameterSource("id", id).addValue("now", now));
		if (claimed == 0) {
			return false;
		}
		Handover h = find(id).orElseThrow();
		List<Long> moved = (h.kind() == HandoverKind.RESPONSIBLE_LEADER) ? moveLeader(h) : moveHead(h);
		this.jdbc.update("update handover set task_count = :count where id = :id",
				new MapSqlParameterSource("id", id).addValue("count", moved.size()));
		// By whoever applies it: the recorder when it is due at once, the day's run (system) otherwise.
		this.auditLog.record(AuditKind.HANDOVER_APPLIED, subject(id), h.kind().name()
				+ ((h.department() != null) ? "；headship of department " + h.department() : "") + "；from " + h.from()
				+ " to " + h.to() + "；effective " + h.effectiveOn() + "；" + moved.size() + " tasks moved ("
				+ ((h.kind() == HandoverKind.RESPONSIBLE_LEADER) ? "responsible leader, open steps, grants"
						: "responsible person")
				+ ")：" + String.join(", ", moved.stream()
					.map((taskId) -> this.tasks.findById(taskId).map(RectificationTask::getCode).orElse("?") + " #" + taskId)
					.toList()));
		return true;
	}

	/** The audit entries' subject: the entry's unit is the handover's ({@code audit/AuditChain.UnitOf}). */
	private static String subject(Long handoverId) {
		return "handover:" + handoverId;
	}

	private List<Long> moveLeader(Handover h) {
		List<Long> ids = this.jdbc.queryForList("select t.id from rectification_task t join inspection i on i.id = t.inspection_id"
				+ " where i.unit_id = :unit and t.responsible_leader = :from and t.closed_off = false order by t.id",
				new MapSqlParameterSource("unit", h.unitId()).addValue("from", h.from()), Long.class);
		for (Long taskId : ids) {
			RectificationTask task = this.tasks.findById(taskId).orElseThrow();
			task.setResponsibleLeader(h.to());
			history(h, taskId, "RESPONSIBLE_LEADER", h.from(), h.to());
			this.process.handOver(taskId, h.from(), h.to(), h.toName());
		}
		return ids;
	}

	private List<Long> moveHead(Handover h) {
		MapSqlParameterSource params = new MapSqlParameterSource("department", h.department()).addValue("unit", h.unitId())
			.addValue("to", h.to())
			.addValue("since", h.effectiveOn());
		this.jdbc.update("delete from department_head where department = :department", params);
		this.jdbc.update("insert into department_head (department, unit_id, user_id, since) values (:department, :unit, :to, :since)",
				params);
		// The responsible person is a name as typed in the plan: the predecessor's name or account.
		params.addValue("names", List.of(h.from(), h.fromName()));
		List<Long> ids = this.jdbc.queryForList("select t.id from rectification_task t join inspection i on i.id = t.inspection_id"
				+ " where i.unit_id = :unit and t.lead_department = :department and t.closed_off = false"
				+ " and t.responsible_person in (:names) order by t.id", params, Long.class);
		for (Long taskId : ids) {
			RectificationTask task = this.tasks.findById(taskId).orElseThrow();
			String before = task.getResponsiblePerson();
			task.setResponsiblePerson(h.toName());
			history(h, taskId, "RESPONSIBLE_PERSON", before, h.toName());
		}
		return ids;
	}

	private void history(Handover h, Long taskId, String role, String from, String to) {
		this.jdbc.update("insert into task_handover (handover_id, task_id, role, from_person, to_person, effective_on)"
				+ " values (:handover, :task, :role, :from, :to, :on)", new MapSqlParameterSource("handover", h.id())
					.addValue("task", taskId)
					.addValue("role", role)
					.addValue("from", from)
					.addValue("to", to)
					.addValue("on", h.effectiveOn()));
	}

	/** The recorded head of a department group, if one was recorded. */
	@Transactional(readOnly = true)
	public Optional<String> headOf(String department) {
		return this.jdbc
			.queryForList("select user_id from department_head where department = :department",
					new MapSqlParameterSource("department", department), String.class)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<Handover> find(Long id) {
		return query(" where h.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
	}

	/** The unit's handovers, latest date first. */
	@Transactional(readOnly = true)
	public List<Handover> ofUnit(String unitId) {
		return query(" where h.unit_id = :unit", new MapSqlParameterSource("unit", unitId));
	}

	private List<Handover> query(String where, MapSqlParameterSource params) {
		List<Object[]> rows = this.jdbc.query("select h.id, h.unit_id, h.kind, h.department, h.from_user, h.to_user,"
				+ " h.effective_on, h.reason, h.recorded_by, h.recorded_at, h.applied_at, h.task_count from handover h" + where
				+ " order by h.effective_on desc, h.id desc", params, (rs, n) -> new Object[] { rs.getLong(1), rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
						rs.getString(8), rs.getString(9), rs.getTimestamp(10), rs.getTimestamp(11), rs.getInt(12) });
		Set<String> people = new HashSet<>();
		rows.forEach((r) -> {
			people.add((String) r[4]);
			people.add((String) r[5]);
		});
		Map<String, String> names = this.directory.displayNames(people);
		return rows.stream()
			.map((r) -> new Handover((Long) r[0], (String) r[1], HandoverKind.valueOf((String) r[2]), (String) r[3],
					(String) r[4], names.get((String) r[4]), (String) r[5], names.get((String) r[5]), (LocalDate) r[6],
					(String) r[7], (String) r[8], ((Timestamp) r[9]).toInstant(),
					(r[10] == null) ? null : ((Timestamp) r[10]).toInstant(), (Integer) r[11]))
			.toList();
	}

	/** A task's handovers, oldest first: who answered for it before, and from when the next one did. */
	@Transactional(readOnly = true)
	public List<TaskHandover> historyOf(Long taskId) {
		return taskHandovers(" where th.task_id = :id", new MapSqlParameterSource("id", taskId)).getOrDefault(taskId, List.of());
	}

	/**
	 * The handovers of an inspection's tasks by task id, oldest first: what the three lists and their exports show
	 * ({@code @handovers.ofInspection(id)} in the templates). One query.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<TaskHandover>> ofInspection(Long inspectionId) {
		return taskHandovers(" where t.inspection_id = :id",
				new MapSqlParameterSource("id", inspectionId));
	}

	/** The latest handover of each task of an inspection that has one, by task id. */
	@Transactional(readOnly = true)
	public Map<Long, TaskHandover> latestOf(Long inspectionId) {
		Map<Long, TaskHandover> latest = new LinkedHashMap<>();
		ofInspection(inspectionId).forEach((task, list) -> latest.put(task, list.get(list.size() - 1)));
		return latest;
	}

	/** The distinct handovers of an inspection's tasks, grouped by the tasks' problem id: for the problem list. */
	@Transactional(readOnly = true)
	public Map<Long, List<TaskHandover>> byProblem(Long inspectionId) {
		Map<Long, Long> problemOf = new LinkedHashMap<>();
		this.jdbc.query("select id, problem_id from rectification_task where inspection_id = :id",
				new MapSqlParameterSource("id", inspectionId), (rs) -> {
					problemOf.put(rs.getLong(1), rs.getLong(2));
				});
		Map<Long, List<TaskHandover>> result = new LinkedHashMap<>();
		latestOf(inspectionId).forEach((task, h) -> {
			List<TaskHandover> list = result.computeIfAbsent(problemOf.get(task), (k) -> new ArrayList<>());
			TaskHandover same = new TaskHandover(null, null, null, h.role(), h.from(), h.fromName(), h.to(), h.toName(),
					h.effectiveOn());
			if (!list.contains(same)) {
				list.add(same);
			}
		});
		return result;
	}

	/**
	 * The latest handovers of an inspection's tasks by who they went to (a leader's user id) and by the lead
	 * department of the tasks whose responsible person changed: for the responsibility list's rows.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<TaskHandover>> byResponsibility(Long inspectionId) {
		Map<Long, String> departmentOf = new LinkedHashMap<>();
		this.jdbc.query("select id, lead_department from rectification_task where inspection_id = :id",
				new MapSqlParameterSource("id", inspectionId), (rs) -> {
					departmentOf.put(rs.getLong(1), rs.getString(2));
				});
		Map<String, List<TaskHandover>> result = new LinkedHashMap<>();
		latestOf(inspectionId).forEach((task, h) -> {
			String key = h.leader() ? h.to() : departmentOf.get(task);
			List<TaskHandover> list = result.computeIfAbsent(key, (k) -> new ArrayList<>());
			TaskHandover same = new TaskHandover(null, null, null, h.role(), h.from(), h.fromName(), h.to(), h.toName(),
					h.effectiveOn());
			if (!list.contains(same)) {
				list.add(same);
			}
		});
		return result;
	}

	private Map<Long, List<TaskHandover>> taskHandovers(String where, MapSqlParameterSource params) {
		List<Object[]> rows = this.jdbc.query("select th.task_id, th.role, th.from_person, th.to_person, th.effective_on,"
				+ " t.code, t.title from task_handover th join rectification_task t on t.id = th.task_id" + where
				+ " order by t.id, th.effective_on, th.id", params,
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7) });
		Set<String> leaders = new HashSet<>();
		rows.stream().filter((r) -> "RESPONSIBLE_LEADER".equals(r[1])).forEach((r) -> {
			leaders.add((String) r[2]);
			leaders.add((String) r[3]);
		});
		Map<String, String> names = this.directory.displayNames(leaders);
		Map<Long, List<TaskHandover>> result = new LinkedHashMap<>();
		for (Object[] r : rows) {
			boolean leader = "RESPONSIBLE_LEADER".equals(r[1]);
			String from = (String) r[2];
			String to = (String) r[3];
			result.computeIfAbsent((Long) r[0], (k) -> new ArrayList<>())
				.add(new TaskHandover((Long) r[0], (String) r[5], (String) r[6], (String) r[1], from,
						leader ? names.get(from) : from, to, leader ? names.get(to) : to, (LocalDate) r[4]));
		}
		return result;
	}

	private static String trimmed(String text) {
		return StringUtils.hasText(text) ? text.trim() : null;
	}

	/** For the API's and the page's lists of a unit's departments. */
	@Transactional(readOnly = true)
	public Map<String, String> departmentHeads(String unitId) {
		Map<String, String> heads = new LinkedHashMap<>();
		this.jdbc.query("select department, user_id from department_head where unit_id = :unit order by department",
				new MapSqlParameterSource("unit", unitId), (rs) -> {
					heads.put(rs.getString(1), rs.getString(2));
				});
		return heads;
	}

	/** The unit's departments (its department groups), id → name, by name. */
	@Transactional(readOnly = true)
	public Map<String, String> departmentsOf(String unitId) {
		String[] ids = this.units.groupMembers(unitId).toArray(String[]::new);
		Map<String, String> departments = new LinkedHashMap<>();
		if (ids.length == 0) {
			return departments;
		}
		Unauthenticated.call(this.identityService, () -> this.identityService.createGroupQuery()
			.groupIdIn(ids)
			.groupType(Groups.TYPE_DEPARTMENT)
			.orderByGroupName()
			.asc()
			.list())
			.forEach((Group g) -> departments.put(g.getId(), (g.getName() == null) ? g.getId() : g.getName()));
		return departments;
	}

	private boolean answersForTasksOf(String unitId, String leader) {
		return this.jdbc.queryForObject("select count(*) from rectification_task t join inspection i on i.id = t.inspection_id"
				+ " where i.unit_id = :unit and t.responsible_leader = :leader",
				new MapSqlParameterSource("unit", unitId).addValue("leader", leader), Integer.class) > 0;
	}

}

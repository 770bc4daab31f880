package org.rectiflow.recheck;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.Variables;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.notification.Notice;
import org.rectiflow.notification.Notifications;
import org.rectiflow.plan.PlanService;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Random re-checks of closed tasks (销号反向核查). The inspection office draws a sample of the closed tasks of the
 * units it oversees ({@link SampleDraw}); the draw is recorded with its population and seed, so it can be repeated;
 * each drawn task becomes a re-check for the group that re-checks its unit ({@link ReCheckGroups}). A failed
 * re-check reopens the task in its unit the way the report review and the look-back do ({@link PlanService#reopen}),
 * and the department reads the finding on the task page and in a notice.
 */
@Service
@Transactional
public class ReCheckService {

	static final int MAX_SAMPLE = 500;

	private static final SecureRandom SEEDS = new SecureRandom();

	private final ReCheckDrawRepository draws;

	private final ReCheckRepository reChecks;

	private final ReCheckProcessAdapter process;

	private final ReCheckers reCheckers;

	private final RectificationTaskService tasks;

	private final RectificationTaskRepository taskRows;

	private final RectificationTaskProcessAdapter taskProcess;

	private final PlanService plans;

	private final Units units;

	private final Directory directory;

	private final Notifications notifications;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	ReCheckService(ReCheckDrawRepository draws, ReCheckRepository reChecks, ReCheckProcessAdapter process,
			ReCheckers reCheckers, RectificationTaskService tasks, RectificationTaskRepository taskRows,
			RectificationTaskProcessAdapter taskProcess,
			PlanService plans, Units units, Directory directory, Notifications notifications,
			NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.draws = draws;
		this.reChecks = reChecks;
		this.process = process;
		this.reCheckers = reCheckers;
		this.tasks = tasks;
		this.taskRows = taskRows;
		this.taskProcess = taskProcess;
		this.plans = plans;
		this.units = units;
		this.directory = directory;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The draw's parameters as the office gives them: units (none: all), a size or a percentage, a seed or none. */
	public record Parameters(Collection<String> unitIds, String sampleSize, String samplePercent, String seed) {
	}

	/** A drawn task's re-check with what the pages show of it (in the list of draws only the re-check and unit). */
	public record ReCheckView(ReCheck reCheck, RectificationTask task, String unitName, String leadDepartmentName,
			String checkedByName, String step) {
	}

	/**
	 * A draw with its re-checks and whether drawing again from its population with its seed gives the same list
	 * (asked on the draw's own page only; {@code null} in the list of draws, which hashes no population).
	 */
	public record DrawView(ReCheckDraw draw, String drawnByName, List<String> unitNames, List<ReCheckView> reChecks,
			Boolean repeatable) {

		public long failed() {
			return this.reChecks.stream().filter((r) -> r.reCheck().getStatus() == ReCheckStatus.FAILED).count();
		}

		public long pending() {
			return this.reChecks.stream().filter((r) -> r.reCheck().getStatus() == ReCheckStatus.PENDING).count();
		}

	}

	public boolean isOffice(String userId) {
		return this.directory.isMember(userId, Groups.INSPECTION_OFFICE);
	}

	/** The units the office may draw from: those it oversees. */
	@Transactional(readOnly = true)
	public List<Unit> unitsOf(String userId) {
		return this.units.visibleTo(userId);
	}

	/**
	 * Draws and records a sample and starts a re-check for each drawn task, all in one transaction. The population is
	 * the closed (struck-off) tasks of the chosen units that are not under re-check already, by task id.
	 */
	public ReCheckDraw draw(Parameters parameters, String userId) {
		if (!isOffice(userId)) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		List<String> visible = this.units.tenantIds(userId);
		Set<String> chosen = new LinkedHashSet<>();
		if (parameters.unitIds() != null) {
			parameters.unitIds().stream().filter((u) -> u != null && !u.isBlank()).map(String::trim).forEach(chosen::add);
		}
		for (String unitId : chosen) {
			if (!visible.contains(unitId)) {
				throw new RectiflowException("error.reCheck.unitUnknown", unitId);
			}
		}
		List<String> unitIds = chosen.isEmpty() ? visible : List.copyOf(chosen);
		if (unitIds.isEmpty()) {
			throw new RectiflowException("error.reCheck.noUnits");
		}
		Integer size = number(parameters.sampleSize(), "error.reCheck.sizeInvalid", 1, MAX_SAMPLE);
		Integer percent = number(parameters.samplePercent(), "error.reCheck.percentInvalid", 1, 100);
		if ((size == null) == (percent == null)) {
			throw new RectiflowException("error.reCheck.sizeOrPercent");
		}
		long seed = seed(parameters.seed());
		List<Long> population = population(unitIds);
		if (population.isEmpty()) {
			throw new RectiflowException("error.reCheck.emptyPopulation");
		}
		int k = (size != null) ? Math.min(size, population.size()) : SampleDraw.sizeOf(population.size(), percent);
		List<Long> drawn = SampleDraw.draw(population, seed, k);
		ReCheckDraw draw = this.draws.save(new ReCheckDraw(userId, this.clock.instant(), List.copyOf(chosen), size,
				percent, seed, population, drawn));
		Map<String, String> unitNames = unitNames();
		for (Long taskId : drawn) {
			RectificationTask task = this.tasks.get(taskId);
			String unitId = this.plans.inspection(task.getInspectionId()).getUnitId();
			ReCheck reCheck = this.reChecks.save(new ReCheck(draw.getId(), taskId, task.getInspectionId(), unitId));
			this.process.start(reCheck.getId(), Variables.createVariables()
				.putValue(ReCheckProcess.VAR_INSPECTION_ID, task.getInspectionId())
				.putValue(ReCheckProcess.VAR_UNIT_ID, unitId)
				.putValue(ReCheckProcess.VAR_UNIT_NAME, unitNames.getOrDefault(unitId, unitId))
				.putValue(ReCheckProcess.VAR_DRAW_ID, draw.getId())
				.putValue(ReCheckProcess.VAR_TASK_ID, taskId)
				.putValue(ReCheckProcess.VAR_TASK_CODE, task.getCode())
				.putValue(ReCheckProcess.VAR_TASK_TITLE, task.getTitle())
				.putValue(ReCheckProcess.VAR_LEAD_DEPARTMENT_NAME, this.directory.departmentName(task.getLeadDepartment())));
		}
		return draw;
	}

	/** The population of a draw: closed tasks of the units not under re-check, ascending by id. */
	List<Long> population(Collection<String> unitIds) {
		return this.jdbc.queryForList("""
				select t.id from rectification_task t join inspection i on i.id = t.inspection_id
				where t.closed_off = true and i.unit_id in (:units)
				and not exists (select 1 from re_check r where r.task_id = t.id and r.status = 'PENDING')
				order by t.id""", Map.of("units", unitIds), Long.class);
	}

	private static Integer number(String text, String error, int min, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			int value = Integer.parseInt(text.trim());
			if (value < min || value > max) {
				throw new RectiflowException(error, String.valueOf(min), String.valueOf(max));
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new RectiflowException(error, String.valueOf(min), String.valueOf(max));
		}
	}

	private static long seed(String text) {
		if (text == null || text.isBlank()) {
			return SEEDS.nextLong() & Long.MAX_VALUE;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new RectiflowException("error.reCheck.seedInvalid", text);
		}
	}

	/** {@code userTask_reCheck} completed: the outcome and the finding are kept. */
	public void recordOutcome(Long reCheckId, String outcome, String finding, String by) {
		reCheck(reCheckId).record(ReCheckProcess.PASSED.equals(outcome), finding, by, this.clock.instant());
	}

	/**
	 * {@code serviceTask_reopenTask}: the close-off did not hold. The task runs again in its unit as after a review
	 * opinion or a look-back ({@link PlanService#reopen}). A task someone reopened meanwhile runs on as it is.
	 */
	public void reopen(Long reCheckId) {
		RectificationTask task = this.tasks.get(reCheck(reCheckId).getTaskId());
		if (task.isClosedOff()) {
			this.plans.reopen(task.getInspectionId(), task.getCode());
		}
	}

	/**
	 * {@code serviceTask_tellDepartment}, in a transaction after the reopening (asynchronous: the reopened instance is
	 * found by its business key only once committed): the department reads the finding as the reason on the task
	 * page, and it, the responsible leader and the unit's rectification office get a notice.
	 */
	public void tellDepartment(Long reCheckId) {
		ReCheck reCheck = reCheck(reCheckId);
		RectificationTask task = this.tasks.get(reCheck.getTaskId());
		this.taskProcess.keepReturnReason(task.getId(), "销号反向核查未通过：" + reCheck.getFinding());
		List<String> people = new ArrayList<>(this.process.rectificationOfficeOf(reCheck.getUnitId()));
		people.add(task.getResponsibleLeader());
		this.notifications.send(Notice.of(Notice.Kind.RETURNED, "【反向核查】细化任务 " + task.getCode() + " 核查未通过，重新整改",
				"细化任务 " + task.getCode() + " " + task.getTitle() + " 经销号反向核查未通过，已重新下达整改。\n核查意见："
						+ reCheck.getFinding(), "/tasks/" + task.getId(), people)
			.andGroups(List.of(task.getLeadDepartment())));
	}

	/** The re-checker records the outcome through the process (the engine checks that they are a candidate). */
	public void checkAs(Long reCheckId, String outcome, String finding, String userId) {
		ReCheck reCheck = visibleReCheck(reCheckId, userId);
		if (!mayCheck(reCheck, userId)) {
			if (reCheck.getStatus() != ReCheckStatus.PENDING) {
				// Recorded already: by this person, a retry says when; by anyone else, it is no longer to be done.
				this.process.refuseIfDoneBy(reCheckId, userId);
			}
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(ReCheckProcess.VAR_OUTCOME, (outcome == null) ? "" : outcome);
		variables.put(ReCheckProcess.VAR_FINDING, (finding == null) ? "" : finding.trim());
		this.process.complete(reCheckId, userId, this.directory.groupIds(userId), variables);
	}

	/** A member of the group that re-checks the unit's tasks, of the unit, while the re-check is pending. */
	public boolean mayCheck(ReCheck reCheck, String userId) {
		return reCheck.getStatus() == ReCheckStatus.PENDING
				&& this.directory.isMember(userId, this.reCheckers.groupOfUnit(reCheck.getUnitId()))
				&& this.units.tenantIds(userId).contains(reCheck.getUnitId());
	}

	/**
	 * The re-check, if the person may see it: the inspection office, or the group that re-checks the unit, for a
	 * unit they oversee. Anyone else: not found.
	 */
	@Transactional(readOnly = true)
	public ReCheck visibleReCheck(Long reCheckId, String userId) {
		ReCheck reCheck = this.reChecks.findById(reCheckId).orElse(null);
		if (reCheck == null || !this.units.tenantIds(userId).contains(reCheck.getUnitId())
				|| !(isOffice(userId) || this.directory.isMember(userId, this.reCheckers.groupOfUnit(reCheck.getUnitId())))) {
			throw new RectiflowException.NotFound("error.reCheck.notFound", reCheckId);
		}
		return reCheck;
	}

	@Transactional(readOnly = true)
	public ReCheckView view(ReCheck reCheck) {
		return view(reCheck, this.tasks.get(reCheck.getTaskId()), unitNames());
	}

	/** Every draw, newest first, with the re-checks of the units the office oversees. */
	@Transactional(readOnly = true)
	public List<DrawView> drawsFor(String userId) {
		if (!isOffice(userId)) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		List<ReCheckDraw> all = this.draws.findAllNewestFirst();
		if (all.isEmpty()) {
			return List.of();
		}
		List<String> visible = this.units.tenantIds(userId);
		Map<Long, List<ReCheck>> byDraw = this.reChecks.findByDrawIdIn(all.stream().map(ReCheckDraw::getId).toList())
			.stream()
			.filter((r) -> visible.contains(r.getUnitId()))
			.collect(Collectors.groupingBy(ReCheck::getDrawId));
		Map<String, String> unitNames = unitNames();
		return all.stream()
			.map((d) -> drawView(d, byDraw.getOrDefault(d.getId(), List.of()), unitNames, false))
			.toList();
	}

	/** One draw for the office, with each re-check's step and the repeat check. */
	@Transactional(readOnly = true)
	public DrawView drawFor(Long drawId, String userId) {
		if (!isOffice(userId)) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		ReCheckDraw draw = this.draws.findById(drawId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.reCheck.notFound", drawId));
		List<String> visible = this.units.tenantIds(userId);
		return drawView(draw, this.reChecks.findByDrawId(drawId)
			.stream()
			.filter((r) -> visible.contains(r.getUnitId()))
			.toList(), unitNames(), true);
	}

	/** Draws again from the recorded population with the recorded seed and size: true if it gives the recorded list. */
	public static boolean repeats(ReCheckDraw draw) {
		return SampleDraw.draw(draw.getPopulationTaskIds(), draw.getSeed(), draw.getDrawnTaskIds().size())
			.equals(draw.getDrawnTaskIds());
	}

	/**
	 * The draw with its re-checks; with {@code details} each re-check's task (one query for all) and current step,
	 * without (the list of draws) only what the counts need.
	 */
	private DrawView drawView(ReCheckDraw draw, List<ReCheck> reChecks, Map<String, String> unitNames, boolean details) {
		Map<Long, RectificationTask> tasksById = details ? this.taskRows.findAllById(reChecks.stream().map(ReCheck::getTaskId).toList())
			.stream()
			.collect(Collectors.toMap(RectificationTask::getId, (t) -> t)) : Map.of();
		return new DrawView(draw, this.directory.displayName(draw.getDrawnBy()),
				draw.getUnitIds().stream().map((u) -> unitNames.getOrDefault(u, u)).toList(),
				reChecks.stream().map((r) -> details ? view(r, tasksById.get(r.getTaskId()), unitNames)
						: new ReCheckView(r, null, unitNames.getOrDefault(r.getUnitId(), r.getUnitId()), null, null, null))
					.toList(), details ? repeats(draw) : null);
	}

	private ReCheckView view(ReCheck reCheck, RectificationTask task, Map<String, String> unitNames) {
		return new ReCheckView(reCheck, task, unitNames.getOrDefault(reCheck.getUnitId(), reCheck.getUnitId()),
				this.directory.departmentName(task.getLeadDepartment()),
				(reCheck.getCheckedBy() != null) ? this.directory.displayName(reCheck.getCheckedBy()) : null,
				this.process.currentStep(reCheck.getId()).orElse(null));
	}

	private ReCheck reCheck(Long reCheckId) {
		return this.reChecks.findById(reCheckId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.reCheck.notFound", reCheckId));
	}

	private Map<String, String> unitNames() {
		return this.units.all().stream().collect(Collectors.toMap(Unit::getId, Unit::getName));
	}

}

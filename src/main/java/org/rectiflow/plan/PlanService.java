package org.rectiflow.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Viewer;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.inspection.Problem;
import org.rectiflow.inspection.ProblemCategory;
import org.rectiflow.inspection.ProblemCategoryRepository;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.notification.Notice;
import org.rectiflow.notification.Notifications;
import org.rectiflow.repeat.RepeatProblems;
import org.rectiflow.round.RoundUnit;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.RectiflowProperties;
import org.rectiflow.task.Measure;
import org.rectiflow.task.MeasureRepository;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskSettledEvent;
import org.rectiflow.unit.Units;
import org.rectiflow.system.StepClock;
import org.rectiflow.inspection.TypedDates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The rectification plan: feedback registered, problems broken into tasks, consulted on, approved and filed; then
 * the watch for the moment every task is settled.
 */
@Service
@Transactional
public class PlanService {

	private final InspectionRepository inspections;

	private final ProblemCategoryRepository categories;

	private final ProblemRepository problems;

	private final RectificationTaskRepository tasks;

	private final MeasureRepository measures;

	private final PlanOpinionRepository opinions;

	private final RectificationTaskService taskService;

	private final RectificationProcessAdapter process;

	private final Directory directory;

	private final Units units;

	private final RectiflowProperties properties;

	private final Clock clock;

	private final RepeatProblems repeats;

	private final Notifications notifications;

	private final Messages messages;

	private final StepClock stepClock;

	private final TypedDates typedDates;

	PlanService(InspectionRepository inspections, ProblemCategoryRepository categories, ProblemRepository problems,
			RectificationTaskRepository tasks, MeasureRepository measures, PlanOpinionRepository opinions,
			RectificationTaskService taskService, RectificationProcessAdapter process, Directory directory, Units units,
			RectiflowProperties properties, Clock clock, RepeatProblems repeats, Notifications notifications,
			Messages messages, StepClock stepClock, TypedDates typedDates) {
		this.typedDates = typedDates;
		this.stepClock = stepClock;
		this.inspections = inspections;
		this.categories = categories;
		this.problems = problems;
		this.tasks = tasks;
		this.measures = measures;
		this.opinions = opinions;
		this.taskService = taskService;
		this.process = process;
		this.directory = directory;
		this.units = units;
		this.properties = properties;
		this.clock = clock;
		this.repeats = repeats;
		this.notifications = notifications;
		this.messages = messages;
	}

	/**
	 * Registers the feedback and starts the inspection's rectification process, in one transaction. The inspection
	 * belongs to the unit of its unit name, else to the first unit (see {@link Units#unitForNewInspection}: for the
	 * application's own registrations, the demo and tests; a person's go through {@link #register(Feedback, String)});
	 * its process instances get the unit's tenant (engine/UnitTenantsPlugin).
	 */
	public Inspection register(Feedback feedback) {
		return register(feedback, this.units.unitForNewInspection(feedback.unitName().trim()));
	}

	/**
	 * Registers the feedback for the given unit (issue 18: see {@link #unitForRegistration} for the unit a person
	 * may name) and starts its rectification process; the unit's leaders are consulted on the plan.
	 */
	public Inspection register(Feedback feedback, String unitId) {
		Inspection inspection = newInspection(feedback);
		inspection.setUnitId(unitId);
		inspection = saveWithBreakdown(inspection, feedback);
		startProcess(inspection);
		return inspection;
	}

	/**
	 * Registers feedback a person typed or uploaded (our API, the plan workbook): its dates are checked first
	 * ({@link #checkDates}), then as {@link #register(Feedback, String)}; {@code recordedHistory} marks a round done, or
	 * partly done, before the unit used Rectiflow (issue 19).
	 */
	public Inspection register(Feedback feedback, String unitId, boolean recordedHistory) {
		checkDates(feedback, recordedHistory);
		Inspection inspection = newInspection(feedback);
		inspection.setUnitId(unitId);
		inspection.setRecordedHistory(recordedHistory);
		inspection = saveWithBreakdown(inspection, feedback);
		startProcess(inspection);
		return inspection;
	}

	/** As {@link #registerForRound(Feedback, RoundUnit)}, for feedback a person typed or uploaded: dates checked. */
	public Inspection registerForRound(Feedback feedback, RoundUnit roundUnit, boolean recordedHistory) {
		checkDates(feedback, recordedHistory);
		Inspection inspection = registerForRound(feedback, roundUnit);
		inspection.setRecordedHistory(recordedHistory);
		return inspection;
	}

	/**
	 * The dates of typed feedback (issue 19, {@link TypedDates}): the on-site period and the feedback plausible and in
	 * order, every deadline from the feedback on, at most five years ahead and, unless the round is recorded
	 * history, not in the past. The first broken rule is refused, naming the task.
	 */
	public void checkDates(Feedback feedback, boolean recordedHistory) {
		this.typedDates.feedback(feedback.onSiteFrom(), feedback.onSiteTo(), feedback.feedbackDate());
		Inspection dates = new Inspection(feedback.title(), feedback.inspectingBody(), feedback.unitName(),
				this.clock.instant());
		dates.setFeedbackDate(feedback.feedbackDate());
		dates.setRecordedHistory(recordedHistory);
		for (Feedback.Category c : feedback.categories()) {
			for (Feedback.ProblemItem p : c.problems()) {
				for (Feedback.TaskItem t : (p.tasks() == null) ? List.<Feedback.TaskItem>of() : p.tasks()) {
					try {
						this.typedDates.deadline(dates, t.deadline(), "date.field.deadline");
					}
					catch (RectiflowException ex) {
						throw new RectiflowException("error.date.ofTask", t.title(), ex);
					}
				}
			}
		}
	}

	/**
	 * A deadline a person types for a task of the problem or the task given (our API): checked as {@link #checkDates}
	 * checks those of registered feedback.
	 */
	public void checkDeadline(Long problemId, Long taskId, LocalDate deadline) {
		Long inspectionId = (taskId != null) ? this.taskService.get(taskId).getInspectionId()
				: this.problems.findById(problemId)
					.orElseThrow(() -> new RectiflowException.NotFound("error.problem.notFound", problemId))
					.getInspectionId();
		// A plan no longer drafted is refused as such (409) before its dates are looked at.
		requirePlanning(inspectionId);
		this.typedDates.deadline(inspection(inspectionId), deadline, "date.field.deadline");
	}

	/**
	 * Marks an inspection whose plan is drafted as recorded history, or not (issue 19): from then on its steps take
	 * their effective dates, its deadlines may lie in the past and its tasks start with no timer armed.
	 */
	public Inspection markRecordedHistory(Long inspectionId, boolean recordedHistory) {
		requirePlanning(inspectionId);
		Inspection inspection = inspection(inspectionId);
		inspection.setRecordedHistory(recordedHistory);
		return inspection;
	}

	/**
	 * Registers the feedback the inspection group of a round gives a unit (issue 18): the inspection belongs to the
	 * unit and the round, and stays with the group — no process, nothing for the unit to do — until the group
	 * {@linkplain #handOver hands it over}. One inspection per unit and round.
	 */
	public Inspection registerForRound(Feedback feedback, RoundUnit roundUnit) {
		if (this.inspections.countByRoundIdAndUnitId(roundUnit.roundId(), roundUnit.unitId()) > 0) {
			throw new RectiflowException.Conflict("error.handOver.alreadyRegistered", roundUnit.unitName());
		}
		Inspection inspection = newInspection(feedback);
		inspection.setUnitId(roundUnit.unitId());
		inspection.setRoundId(roundUnit.roundId());
		return saveWithBreakdown(inspection, feedback);
	}

	/**
	 * The group hands the feedback over to the unit: from now on it is the unit's, its rectification process starts
	 * (the plan's drafting step waits for the unit's rectification office) and the unit's rectification office is
	 * told, all in one transaction. Refused (409) for an inspection that is not with a group.
	 */
	public Inspection handOver(Long inspectionId, String by) {
		Inspection inspection = inspection(inspectionId);
		if (!inspection.isWithGroup()) {
			throw new RectiflowException.Conflict("error.handOver.notWithGroup");
		}
		inspection.handOver(by, this.clock.instant());
		this.inspections.flush();
		startProcess(inspection);
		List<String> office = this.units.membersOf(inspection.getUnitId(), Groups.RECTIFICATION_OFFICE);
		this.notifications.send(Notice.of(Notice.Kind.HANDED_OVER,
				this.messages.get(Messages.DEFAULT_LOCALE, "handOver.notice.subject", inspection.getTitle()),
				this.messages.get(Messages.DEFAULT_LOCALE, "handOver.notice.body", inspection.getInspectingBody(),
						inspection.getTitle()),
				"/inspections/" + inspection.getId(), office).inUnit(inspection.getUnitId()));
		return inspection;
	}

	private Inspection newInspection(Feedback feedback) {
		return new Inspection(feedback.title().trim(), feedback.inspectingBody().trim(), feedback.unitName().trim(),
				this.clock.instant());
	}

	private void startProcess(Inspection inspection) {
		this.process.start(inspection, this.directory.leaderIds(inspection.getUnitId()), this.properties.lookBackPeriod(),
				this.problems.countByInspectionId(inspection.getId()), this.tasks.countByInspectionId(inspection.getId()));
	}

	private Inspection saveWithBreakdown(Inspection inspection, Feedback feedback) {
		inspection.setOnSitePeriod(feedback.onSiteFrom(), feedback.onSiteTo());
		inspection.setFeedbackDate(feedback.feedbackDate());
		inspection.setConcentratedMonths(feedback.concentratedMonths());
		inspection.setContactLine(feedback.contactLine());
		if (feedback.documentNumbers() != null && !feedback.documentNumbers().isEmpty()) {
			inspection.setDocumentNumbers(String.join("、", feedback.documentNumbers()));
		}
		inspection = this.inspections.save(inspection);
		addBreakdown(inspection.getId(), feedback.categories());
		// Repeats of the unit's earlier rounds are flagged as the problems arrive (屡查屡犯).
		this.repeats.flag(inspection.getId());
		return inspection;
	}

	/**
	 * The unit a person registers an inspection for (issue 18): the one they name, which must be one of theirs; when
	 * they name none, their only unit. Refused, with a message saying why, when they name a unit they do not see,
	 * name none while seeing several, or see none. An administrator, who sees every unit, must name an existing one.
	 */
	@Transactional(readOnly = true)
	public String unitForRegistration(String requested, Viewer viewer) {
		if (StringUtils.hasText(requested)) {
			String unitId = requested.trim();
			if (!viewer.seesUnit(unitId) || this.units.find(unitId).isEmpty()) {
				throw new RectiflowException("error.unit.notVisible", unitId);
			}
			return unitId;
		}
		if (viewer.allUnits() || viewer.units().size() > 1) {
			throw new RectiflowException("error.unit.required");
		}
		if (viewer.units().isEmpty()) {
			throw new RectiflowException("error.unit.none");
		}
		return viewer.units().iterator().next();
	}

	/**
	 * Replaces the whole breakdown of a plan being drafted (categories, problems, tasks, measures) and the
	 * feedback's details (on-site period, feedback date, document numbers, concentrated months, contact line) with
	 * those of {@code feedback}, as when the office reworks the plan in its workbook. Title, inspection group and unit
	 * stay. Refused once the plan has left drafting, or when anything (evidence, records) already hangs on a task.
	 */
	public void replaceBreakdown(Long inspectionId, Feedback feedback) {
		Inspection inspection = inspection(inspectionId);
		requirePlanning(inspectionId);
		List<RectificationTask> old = this.tasks.findByInspectionIdOrderByIdAsc(inspectionId);
		this.measures.deleteAllInBatch(
				this.measures.findByTaskIdInOrderByTaskIdAscSeqAsc(old.stream().map(RectificationTask::getId).toList()));
		this.tasks.deleteAllInBatch(old);
		this.problems.deleteAllInBatch(this.problems.findByInspectionIdOrderByCategoryIdAscSeqAsc(inspectionId));
		this.categories.deleteAllInBatch(this.categories.findByInspectionIdOrderBySeq(inspectionId));
		inspection.setOnSitePeriod(feedback.onSiteFrom(), feedback.onSiteTo());
		inspection.setFeedbackDate(feedback.feedbackDate());
		inspection.setConcentratedMonths(feedback.concentratedMonths());
		inspection.setContactLine(feedback.contactLine());
		inspection.setDocumentNumbers((feedback.documentNumbers() == null || feedback.documentNumbers().isEmpty()) ? null
				: String.join("、", feedback.documentNumbers()));
		addBreakdown(inspectionId, feedback.categories());
		this.repeats.flag(inspectionId);
		this.process.updateCounts(inspectionId, this.problems.countByInspectionId(inspectionId),
				this.tasks.countByInspectionId(inspectionId));
	}

	private void addBreakdown(Long inspectionId, List<Feedback.Category> categoryItems) {
		int categorySeq = 0;
		for (Feedback.Category c : categoryItems) {
			ProblemCategory category = this.categories.save(new ProblemCategory(inspectionId, ++categorySeq, c.title().trim()));
			int problemSeq = 0;
			for (Feedback.ProblemItem p : c.problems()) {
				Problem problem = new Problem(inspectionId, category.getId(), categorySeq, ++problemSeq, p.title().trim());
				problem.setPreviousRound(p.previousRound());
				problem = this.problems.save(problem);
				int taskSeq = 0;
				for (Feedback.TaskItem t : (p.tasks() == null) ? List.<Feedback.TaskItem>of() : p.tasks()) {
					addTask(problem, ++taskSeq, t);
				}
			}
		}
	}

	/** Adds a task to a problem while the plan is drafted. */
	public RectificationTask addTask(Long problemId, Feedback.TaskItem item) {
		Problem problem = this.problems.findById(problemId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.problem.notFound", problemId));
		requirePlanning(problem.getInspectionId());
		int seq = (int) this.tasks.countByProblemId(problemId) + 1;
		RectificationTask task = addTask(problem, seq, item);
		this.process.updateCounts(problem.getInspectionId(), this.problems.countByInspectionId(problem.getInspectionId()),
				this.tasks.countByInspectionId(problem.getInspectionId()));
		return task;
	}

	/** Changes a task's accountability and measures while the plan is drafted. */
	public RectificationTask updateTask(Long taskId, Feedback.TaskItem item) {
		RectificationTask task = this.taskService.get(taskId);
		requirePlanning(task.getInspectionId());
		apply(task, item);
		this.measures.deleteByTaskId(taskId);
		this.measures.flush();
		saveMeasures(task, item.measures());
		return task;
	}

	/**
	 * The plan may leave drafting only when every problem has at least one task and every task names its leader,
	 * lead department, deadline and at least one measure; the error lists what is missing.
	 */
	@Transactional(readOnly = true)
	public void checkBreakdown(Long inspectionId) {
		List<String> gaps = new ArrayList<>();
		List<RectificationTask> all = this.tasks.findByInspectionIdOrderByIdAsc(inspectionId);
		Map<Long, List<RectificationTask>> byProblem = all.stream().collect(Collectors.groupingBy(RectificationTask::getProblemId));
		Map<Long, Long> measureCounts = this.measures.findByTaskIdInOrderByTaskIdAscSeqAsc(all.stream().map(RectificationTask::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(Measure::getTaskId, Collectors.counting()));
		for (Problem p : this.problems.findByInspectionIdOrderByCategoryIdAscSeqAsc(inspectionId)) {
			if (!byProblem.containsKey(p.getId())) {
				gaps.add(p.getCode() + "（无细化任务）");
			}
		}
		for (RectificationTask t : all) {
			List<String> missing = new ArrayList<>();
			if (!StringUtils.hasText(t.getResponsibleLeader())) {
				missing.add("责任领导");
			}
			if (!StringUtils.hasText(t.getLeadDepartment())) {
				missing.add("牵头部门");
			}
			if (t.getDeadline() == null) {
				missing.add("整改期限");
			}
			if (measureCounts.getOrDefault(t.getId(), 0L) == 0) {
				missing.add("整改措施");
			}
			if (!missing.isEmpty()) {
				gaps.add(t.getCode() + "（缺" + String.join("、", missing) + "）");
			}
		}
		if (!gaps.isEmpty()) {
			int shown = Math.min(gaps.size(), 10);
			throw new RectiflowException("error.plan.incomplete", gaps.size(), String.join("；", gaps.subList(0, shown)));
		}
	}

	public void recordPlanSummary(Long inspectionId, String planSummary) {
		inspection(inspectionId).setPlanSummary(planSummary);
	}

	public PlanOpinion recordOpinion(Long inspectionId, String leader, String content) {
		return this.opinions.save(new PlanOpinion(inspectionId, leader, content, this.stepClock.now()));
	}

	@Transactional(readOnly = true)
	public List<PlanOpinion> opinionsOf(Long inspectionId) {
		return this.opinions.findByInspectionIdOrderByCreatedAtAsc(inspectionId);
	}

	/**
	 * The leaders' opinions on the plan as a person of these units reads them: none when the inspection is of another unit (issue 18; the
	 * address is checked by isolation/UnitGate too). {@code null} units: every unit, for an administrator.
	 */
	@Transactional(readOnly = true)
	public List<PlanOpinion> opinionsOf(Long inspectionId, Collection<String> units) {
		if (units == null) {
			return opinionsOf(inspectionId);
		}
		return units.isEmpty() ? List.of() : this.opinions.findByInspectionIdInUnits(inspectionId, units);
	}

	/**
	 * The plan is filed: the inspection moves to rectification and every task starts. Runs as the job before
	 * {@code serviceTask_startRectificationTasks}, in one transaction: a failed attempt leaves nothing behind, and a
	 * task whose instance already runs is not started again.
	 */
	public int startRectification(Long inspectionId) {
		inspection(inspectionId).setStatus(InspectionStatus.RECTIFYING);
		return this.taskService.startAll(inspectionId);
	}

	/**
	 * The filed plans whose tasks are still being started, or failed to start, by inspection id: what the pages show
	 * while the job runs ({@code @planService.launches()} in the templates).
	 */
	@Transactional(readOnly = true)
	public Map<Long, RectificationProcessAdapter.Launch> launches() {
		return this.process.launches();
	}

	/** The inspection's launch while it waits or after it failed; {@code null} otherwise (templates test for it). */
	@Transactional(readOnly = true)
	public RectificationProcessAdapter.Launch launch(Long inspectionId) {
		return this.process.launch(inspectionId).orElse(null);
	}

	/** Starts a filed plan's tasks now instead of waiting for the job executor; see {@link RectificationProcessAdapter#launchNow}. */
	public boolean launchNow(Long inspectionId) {
		return this.process.launchNow(inspectionId);
	}

	/**
	 * Reopens the named tasks. A closed inspection stays closed (the look-back found a relapse, the tasks run on
	 * their own); otherwise it is back in rectification until they settle again.
	 */
	public void reopen(Long inspectionId, String taskCodes) {
		this.taskService.reopen(inspectionId, taskCodes);
		Inspection inspection = inspection(inspectionId);
		if (inspection.getStatus() != InspectionStatus.CLOSED) {
			inspection.setStatus(InspectionStatus.RECTIFYING);
		}
	}

	public void markReporting(Long inspectionId) {
		inspection(inspectionId).setStatus(InspectionStatus.REPORTING);
	}

	public void close(Long inspectionId) {
		inspection(inspectionId).close(this.clock.instant());
	}

	/**
	 * Runs in the transaction that settled a task, under the inspection's row lock taken there: when no task is left
	 * open, the rectification process moves on to the summary report.
	 */
	@EventListener
	public void onTaskSettled(TaskSettledEvent event) {
		if (this.taskService.allSettled(event.inspectionId())) {
			this.process.notifyAllTasksSettled(event.inspectionId());
		}
	}

	@Transactional(readOnly = true)
	public Inspection inspection(Long inspectionId) {
		return this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
	}

	/**
	 * Whether the plan may still be changed: the inspection is in planning and the plan is being drafted. Once it has
	 * gone to the leaders for their opinions, to the committee or to filing, what they approve is what stays.
	 */
	@Transactional(readOnly = true)
	public boolean isDrafting(Long inspectionId) {
		return inspection(inspectionId).getStatus() == InspectionStatus.PLANNING
				&& this.process.isDraftingPlan(inspectionId);
	}

	/** Refuses any change to the plan unless it {@linkplain #isDrafting is being drafted}. */
	public void requirePlanning(Long inspectionId) {
		if (!isDrafting(inspectionId)) {
			throw new RectiflowException.Conflict("error.plan.notDrafting");
		}
	}

	private RectificationTask addTask(Problem problem, int seq, Feedback.TaskItem item) {
		RectificationTask task = new RectificationTask(problem.getInspectionId(), problem.getId(), problem.getCode(), seq,
				item.title().trim());
		apply(task, item);
		task = this.tasks.save(task);
		saveMeasures(task, item.measures());
		return task;
	}

	private void apply(RectificationTask task, Feedback.TaskItem item) {
		// A task names departments of its own inspection's unit: another unit's are not its to be given work.
		String unitId = inspection(task.getInspectionId()).getUnitId();
		if (StringUtils.hasText(item.leadDepartment()) && !this.directory.isDepartmentOf(unitId, item.leadDepartment())) {
			throw new RectiflowException("error.task.unknownDepartment", item.leadDepartment());
		}
		for (String cooperating : (item.cooperatingDepartments() == null) ? List.<String>of() : item.cooperatingDepartments()) {
			if (!this.directory.isDepartmentOf(unitId, cooperating)) {
				throw new RectiflowException("error.task.unknownDepartment", cooperating);
			}
		}
		if (StringUtils.hasText(item.responsibleLeader()) && !this.directory.userExists(item.responsibleLeader())) {
			throw new RectiflowException("error.task.unknownLeader", item.responsibleLeader());
		}
		task.setKind((item.kind() == null) ? TaskKind.CONCENTRATED : item.kind());
		task.setLeadDepartment(StringUtils.hasText(item.leadDepartment()) ? item.leadDepartment() : null);
		task.setResponsibleLeader(StringUtils.hasText(item.responsibleLeader()) ? item.responsibleLeader() : null);
		task.setCooperatingDepartments(item.cooperatingDepartments());
		task.setResponsiblePerson(item.responsiblePerson());
		task.setDeadline(item.deadline());
		task.setNonPublic(item.nonPublic());
	}

	private void saveMeasures(RectificationTask task, List<String> contents) {
		int seq = 0;
		for (String content : (contents == null) ? List.<String>of() : contents) {
			this.measures.save(new Measure(task.getId(), ++seq, content.trim()));
		}
	}

}

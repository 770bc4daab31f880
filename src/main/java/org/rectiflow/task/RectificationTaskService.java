package org.rectiflow.task;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Viewer;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.inspection.Problem;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.RectiflowProperties;
import org.rectiflow.system.StepClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification tasks through their life: started, carried out, closed off or kept long-term, reopened. Each
 * change of state is made here, in the caller's transaction, which is the engine's when called from a delegate.
 */
@Service
@Transactional
public class RectificationTaskService {

	private static final String CODE_SEPARATORS = "[,，、;；\\s]+";

	private final RectificationTaskRepository tasks;

	private final MeasureRepository measures;

	private final EvidenceRepository evidence;

	private final StageReportRepository stageReports;

	private final DeadlineExtensionRepository extensions;

	private final DeadlineTimes deadlineTimes;

	private final ProblemRepository problems;

	private final InspectionRepository inspections;

	private final RectificationTaskProcessAdapter process;

	private final Directory directory;

	private final RectiflowProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StepClock stepClock;

	RectificationTaskService(RectificationTaskRepository tasks, MeasureRepository measures,
			EvidenceRepository evidence, StageReportRepository stageReports, DeadlineExtensionRepository extensions,
			DeadlineTimes deadlineTimes, ProblemRepository problems, InspectionRepository inspections,
			RectificationTaskProcessAdapter process, Directory directory, RectiflowProperties properties, ApplicationEventPublisher events, Clock clock, StepClock stepClock) {
		this.stepClock = stepClock;
		this.tasks = tasks;
		this.measures = measures;
		this.evidence = evidence;
		this.stageReports = stageReports;
		this.extensions = extensions;
		this.deadlineTimes = deadlineTimes;
		this.problems = problems;
		this.inspections = inspections;
		this.process = process;
		this.directory = directory;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the task's inspection is recorded history (issue 19): no deadline timers, past deadlines allowed. */
	@Transactional(readOnly = true)
	public boolean isRecordedHistory(RectificationTask task) {
		return this.inspections.findById(task.getInspectionId()).map(Inspection::isRecordedHistory).orElse(false);
	}

	/** The unit a task belongs to: its inspection's (issue 18), e.g. for the notices about it. */
	@Transactional(readOnly = true)
	public String unitOf(RectificationTask task) {
		return this.inspections.findById(task.getInspectionId()).map(Inspection::getUnitId).orElse(null);
	}

	@Transactional(readOnly = true)
	public RectificationTask get(Long taskId) {
		return this.tasks.findById(taskId).orElseThrow(() -> new RectiflowException.NotFound("error.task.notFound", taskId));
	}

	/**
	 * The task, if the signed-in person may see it (see {@link Viewer}); otherwise "not found", so that guessing an id
	 * tells nothing, not even that it exists.
	 */
	@Transactional(readOnly = true)
	public RectificationTask visible(Long taskId) {
		RectificationTask task = get(taskId);
		if (!Viewer.current().maySee(task.getLeadDepartment(), task.getCooperatingDepartments(),
				task.getResponsibleLeader())) {
			throw new RectiflowException.NotFound("error.task.notFound", taskId);
		}
		return task;
	}

	@Transactional(readOnly = true)
	public List<RectificationTask> tasksOf(Long inspectionId) {
		return this.tasks.findByInspectionIdOrderByIdAsc(inspectionId);
	}

	/** The lead department of each of the inspection's tasks, in task order (one column, not 65 tasks loaded). */
	@Transactional(readOnly = true)
	public List<String> leadDepartmentsOf(Long inspectionId) {
		return this.tasks.leadDepartmentsOf(inspectionId);
	}

	/** What a person answers for, soonest deadline first: their departments' open tasks and those they lead. */
	@Transactional(readOnly = true)
	public List<RectificationTask> openTasksFor(String userId, Collection<String> departments, int limit) {
		return this.tasks.findOpenFor(departments.isEmpty() ? List.of("") : departments, userId,
				PageRequest.of(0, limit));
	}

	@Transactional(readOnly = true)
	public List<Measure> measuresOf(Long taskId) {
		return this.measures.findByTaskIdOrderBySeqAsc(taskId);
	}

	/** Starts one process instance per task not yet started (nor settled): the plan has been filed. */
	public int startAll(Long inspectionId) {
		// The launch runs as a job. A task's round is counted in the transaction that starts its instance, so a task
		// with a round has an instance: should the job ever run again, it starts no task twice.
		List<RectificationTask> open = tasksOf(inspectionId).stream()
			.filter((t) -> !t.isSettled() && t.getRound() == 0)
			.toList();
		start(open);
		return open.size();
	}

	/**
	 * Parses task codes as people write them ("1.3.4, 2.1.2" or with Chinese separators) and checks that each names
	 * a task of the inspection; an unknown code is a clear error, never a silent skip.
	 */
	@Transactional(readOnly = true)
	public List<RectificationTask> findByCodes(Long inspectionId, String codes) {
		Set<String> wanted = new LinkedHashSet<>(Arrays.stream((codes == null) ? new String[0] : codes.trim().split(CODE_SEPARATORS))
			.filter((c) -> !c.isBlank())
			.toList());
		if (wanted.isEmpty()) {
			throw new RectiflowException("error.task.codesRequired");
		}
		List<RectificationTask> found = this.tasks.findByInspectionIdAndCodeIn(inspectionId, wanted);
		Set<String> unknown = new LinkedHashSet<>(wanted);
		found.forEach((t) -> unknown.remove(t.getCode()));
		if (!unknown.isEmpty()) {
			throw new RectiflowException("error.task.unknownCodes", String.join(", ", unknown));
		}
		return found;
	}

	/** Starts the named tasks again after a review opinion or a look-back; a running long-term cycle is replaced. */
	public List<RectificationTask> reopen(Long inspectionId, String codes) {
		this.inspections.lockById(inspectionId);
		List<RectificationTask> reopened = findByCodes(inspectionId, codes);
		for (RectificationTask task : reopened) {
			this.process.cancel(task.getId(), "reopened");
			withdrawPendingExtension(task.getId());
			task.reopen();
		}
		start(reopened);
		return reopened;
	}

	public void recordProgress(Long taskId, String progressReport) {
		get(taskId).setProgressReport(progressReport);
	}

	/**
	 * Close-off: gives the task its outcome. Takes the inspection's row lock first, so that the "every task
	 * settled?" check that listeners make on {@link TaskSettledEvent} sees every other settlement.
	 */
	public void recordOutcome(Long taskId, TaskStatus outcome) {
		if (outcome == null || !outcome.isCloseOffOutcome()) {
			throw new RectiflowException("error.task.invalidOutcome", outcome);
		}
		RectificationTask task = get(taskId);
		this.inspections.lockById(task.getInspectionId());
		task.recordOutcome(outcome, this.stepClock.now());
		this.events.publishEvent(new TaskSettledEvent(task.getInspectionId(), task.getId()));
	}

	/**
	 * Close-off records how effective the rectification was: a grade (GOOD, FAIRLY_GOOD, FAIR, POOR) and its basis,
	 * both or neither (a close-off typed without one, e.g. by an older client, records none). Checked before
	 * anything is stored, so a bad grade refuses the close-off as a whole.
	 */
	public void recordEffectiveness(Long taskId, String grade, String basis) {
		boolean hasGrade = grade != null && !grade.isBlank();
		boolean hasBasis = basis != null && !basis.isBlank();
		if (!hasGrade && !hasBasis) {
			return;
		}
		if (!hasGrade) {
			throw new RectiflowException("error.effectiveness.grade", "");
		}
		EffectivenessGrade parsed;
		try {
			parsed = EffectivenessGrade.valueOf(grade.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new RectiflowException("error.effectiveness.grade", grade);
		}
		if (!hasBasis) {
			throw new RectiflowException("error.effectiveness.basis");
		}
		if (basis.length() > 2000) {
			throw new RectiflowException("error.effectiveness.basisLength", 2000);
		}
		get(taskId).evaluateEffectiveness(parsed, basis.strip());
	}

	/** The department handed in, or the task was reopened: an open extension request has nothing left to decide. */
	public void withdrawPendingExtension(Long taskId) {
		this.extensions.pendingOf(taskId)
			.ifPresent((e) -> e.withdraw(this.clock.instant()));
	}

	public void markOverdue(Long taskId) {
		get(taskId).markOverdue();
		this.process.raisePriority(taskId);
	}

	public StageReport recordStageReport(Long taskId, String stageMeasures, String stageResults,
			boolean completionClaimed, String reportedBy) {
		get(taskId);
		return this.stageReports.save(new StageReport(taskId, stageMeasures, stageResults, completionClaimed,
				reportedBy, this.stepClock.now()));
	}

	@Transactional(readOnly = true)
	public List<StageReport> stageReportsOf(Long taskId) {
		return this.stageReports.findByTaskIdOrderByReportedAtAsc(taskId);
	}

	@Transactional(readOnly = true)
	public boolean allSettled(Long inspectionId) {
		return tasksOf(inspectionId).stream().allMatch(RectificationTask::isSettled);
	}

	/** Numbered measures, one per line, as the forms show them. */
	public static String numberedMeasures(List<Measure> measures) {
		List<String> lines = new ArrayList<>();
		for (Measure m : measures) {
			lines.add(m.getSeq() + ". " + m.getContent());
		}
		return String.join("\n", lines);
	}

	/**
	 * Starts the tasks' instances together: what each shows (problem, measures, leader, evidence so far) is read with
	 * one query per kind for all of them, not per task.
	 */
	private void start(List<RectificationTask> tasks) {
		if (tasks.isEmpty()) {
			return;
		}
		for (RectificationTask task : tasks) {
			if (task.getDeadline() == null || task.getLeadDepartment() == null || task.getResponsibleLeader() == null) {
				throw new RectiflowException("error.task.incomplete", task.getCode());
			}
		}
		List<Long> ids = tasks.stream().map(RectificationTask::getId).toList();
		Map<Long, Problem> problemsById = this.problems.findByIdIn(tasks.stream().map(RectificationTask::getProblemId).toList())
			.stream()
			.collect(Collectors.toMap(Problem::getId, Function.identity()));
		Map<Long, List<Measure>> measuresByTask = this.measures.findByTaskIdInOrderByTaskIdAscSeqAsc(ids)
			.stream()
			.collect(Collectors.groupingBy(Measure::getTaskId));
		Map<Long, List<Evidence>> evidenceByTask = this.evidence.findByTaskIdInOrderByTaskIdAscUploadedAtAsc(ids)
			.stream()
			.collect(Collectors.groupingBy(Evidence::getTaskId));
		Map<String, String> names = new HashMap<>(this.directory.displayNames(Stream
			.concat(tasks.stream().map(RectificationTask::getResponsibleLeader),
					evidenceByTask.values().stream().flatMap(List::stream).map(Evidence::getUploadedBy))
			.distinct()
			.toList()));
		Function<String, String> displayName = (user) -> names.getOrDefault(user, user);
		Map<Long, String> titles = new HashMap<>();
		Map<Long, Boolean> recordedHistory = new HashMap<>();
		List<RectificationTaskProcessAdapter.Start> starts = new ArrayList<>(tasks.size());
		for (RectificationTask task : tasks) {
			task.startRound();
			String inspectionTitle = titles.computeIfAbsent(task.getInspectionId(),
					(id) -> this.inspections.findById(id).orElseThrow().getTitle());
			// Recorded history (issue 19): deadlines long passed, no timer is armed.
			boolean history = recordedHistory.computeIfAbsent(task.getInspectionId(),
					(id) -> this.inspections.findById(id).orElseThrow().isRecordedHistory());
			starts.add(new RectificationTaskProcessAdapter.Start(task, new RectificationTaskProcessAdapter.StartContext(
					inspectionTitle, problemsById.get(task.getProblemId()).getTitle(),
					numberedMeasures(measuresByTask.getOrDefault(task.getId(), List.of())),
					this.directory.departmentName(task.getLeadDepartment()), displayName.apply(task.getResponsibleLeader()),
					history ? DeadlineTimes.unarmed() : this.deadlineTimes.of(task.getDeadline()),
					this.properties.stageReportPeriod(),
					EvidenceSummary.summarize(evidenceByTask.getOrDefault(task.getId(), List.of()), displayName))));
		}
		this.process.startAll(starts);
	}

}

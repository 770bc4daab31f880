package org.rectiflow.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.inspection.Problem;
import org.rectiflow.inspection.ProblemCategory;
import org.rectiflow.inspection.ProblemCategoryRepository;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.EvidenceRepository;
import org.rectiflow.task.Measure;
import org.rectiflow.task.MeasureRepository;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.TaskStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the ledger and the three lists with a fixed number of queries, whatever the number of tasks. */
@Service
@Transactional(readOnly = true)
public class LedgerService {

	private final InspectionRepository inspections;

	private final ProblemCategoryRepository categories;

	private final ProblemRepository problems;

	private final RectificationTaskRepository tasks;

	private final MeasureRepository measures;

	private final EvidenceRepository evidence;

	private final Directory directory;

	LedgerService(InspectionRepository inspections, ProblemCategoryRepository categories, ProblemRepository problems,
			RectificationTaskRepository tasks, MeasureRepository measures, EvidenceRepository evidence,
			Directory directory) {
		this.inspections = inspections;
		this.categories = categories;
		this.problems = problems;
		this.tasks = tasks;
		this.measures = measures;
		this.evidence = evidence;
		this.directory = directory;
	}

	public Ledger ledger(Long inspectionId) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
		List<RectificationTask> allTasks = this.tasks.findByInspectionIdOrderByIdAsc(inspectionId);
		List<Long> taskIds = allTasks.stream().map(RectificationTask::getId).toList();
		Map<Long, List<String>> measuresByTask = this.measures.findByTaskIdInOrderByTaskIdAscSeqAsc(taskIds)
			.stream()
			.collect(Collectors.groupingBy(Measure::getTaskId, Collectors.mapping(Measure::getContent, Collectors.toList())));
		Map<Long, Long> evidenceByTask = evidenceCounts(inspectionId);
		Map<String, String> leaderNames = new HashMap<>();
		Map<Long, List<Ledger.TaskEntry>> tasksByProblem = new LinkedHashMap<>();
		allTasks.stream()
			.sorted((a, b) -> Integer.compare(a.getSeq(), b.getSeq()))
			.forEach((t) -> tasksByProblem.computeIfAbsent(t.getProblemId(), (k) -> new ArrayList<>())
				.add(entry(t, measuresByTask.getOrDefault(t.getId(), List.of()), evidenceByTask.getOrDefault(t.getId(), 0L),
						leaderNames)));
		Map<Long, List<Problem>> problemsByCategory = this.problems.findByInspectionIdOrderByCategoryIdAscSeqAsc(inspectionId)
			.stream()
			.collect(Collectors.groupingBy(Problem::getCategoryId, LinkedHashMap::new, Collectors.toList()));
		List<Ledger.CategoryEntry> categoryEntries = new ArrayList<>();
		List<TaskStatus> problemOutcomes = new ArrayList<>();
		for (ProblemCategory c : this.categories.findByInspectionIdOrderBySeq(inspectionId)) {
			List<Ledger.ProblemEntry> problemEntries = new ArrayList<>();
			for (Problem p : problemsByCategory.getOrDefault(c.getId(), List.of())) {
				List<Ledger.TaskEntry> entries = tasksByProblem.getOrDefault(p.getId(), List.of());
				TaskStatus outcome = OutcomeCounts.rollUp(entries.stream().map(Ledger.TaskEntry::status).toList());
				problemOutcomes.add(outcome);
				problemEntries.add(new Ledger.ProblemEntry(p.getId(), p.getCode(), p.getTitle(), p.isPreviousRound(),
						outcome, entries));
			}
			categoryEntries.add(new Ledger.CategoryEntry(c.getSeq(), c.getTitle(), problemEntries));
		}
		return new Ledger(inspection.getId(), inspection.getTitle(), inspection.getUnitName(), inspection.getStatus(),
				OutcomeCounts.of(problemOutcomes), OutcomeCounts.of(allTasks.stream().map(RectificationTask::getStatus).toList()),
				categoryEntries);
	}

	/** The responsibility list (责任清单): per lead department, its leader(s) and its tasks' outcomes. */
	public List<Responsibility> responsibilities(Long inspectionId) {
		Map<String, List<Ledger.TaskEntry>> byDepartment = ledger(inspectionId).tasks()
			.stream()
			.collect(Collectors.groupingBy((t) -> (t.leadDepartment() == null) ? "" : t.leadDepartment(), LinkedHashMap::new,
					Collectors.toList()));
		return byDepartment.entrySet()
			.stream()
			.map((e) -> new Responsibility(e.getKey(), this.directory.departmentName(e.getKey()),
					e.getValue().stream().map(Ledger.TaskEntry::responsibleLeaderName).distinct().sorted().toList(),
					OutcomeCounts.of(e.getValue().stream().map(Ledger.TaskEntry::status).toList()),
					(int) e.getValue().stream().filter(Ledger.TaskEntry::overdue).count(),
					e.getValue().stream().map(Ledger.TaskEntry::code).toList()))
			.sorted((a, b) -> Integer.compare(b.counts().total(), a.counts().total()))
			.toList();
	}

	public record Responsibility(String department, String departmentName, List<String> leaders, OutcomeCounts counts,
			int overdue, List<String> taskCodes) {
	}

	private Map<Long, Long> evidenceCounts(Long inspectionId) {
		Collection<Object[]> rows = this.evidence.countByTaskForInspection(inspectionId);
		return rows.stream().collect(Collectors.toMap((r) -> (Long) r[0], (r) -> (Long) r[1]));
	}

	private Ledger.TaskEntry entry(RectificationTask t, List<String> measureTexts, long evidenceCount,
			Map<String, String> leaderNames) {
		String leaderName = (t.getResponsibleLeader() == null) ? ""
				: leaderNames.computeIfAbsent(t.getResponsibleLeader(), this.directory::displayName);
		return new Ledger.TaskEntry(t.getId(), t.getCode(), t.getTitle(), t.getKind(), t.getResponsibleLeader(), leaderName,
				t.getLeadDepartment(), (t.getLeadDepartment() == null) ? "" : this.directory.departmentName(t.getLeadDepartment()),
				t.getCooperatingDepartments(), t.getResponsiblePerson(), t.getDeadline(), t.getStatus(), t.isClosedOff(),
				t.isOverdue(), t.isNonPublic(), t.getRound(), measureTexts, evidenceCount);
	}


}

package org.rectiflow.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.Problem;
import org.rectiflow.inspection.ProblemCategoryRepository;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.plan.importing.ParsedPlan;
import org.rectiflow.plan.importing.PlanWorkbookReader;
import org.rectiflow.round.RoundUnit;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.Measure;
import org.rectiflow.task.MeasureRepository;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.unit.Units;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the feedback and plan of an uploaded workbook (整改方案导入表) as {@link PlanService#register} does for
 * the API: categories, problems, tasks with their leaders, departments, deadlines and measures, and the inspection's
 * rectification process, all in one transaction, or nothing when the workbook has any error.
 * <p>
 * Importing is idempotent: what the workbook says is hashed, and a workbook whose content was imported before
 * answers with the inspection it created, adding no row and starting no process. Two people uploading the same
 * workbook at once are kept apart by the unique hash: the second transaction fails and is answered the same way.
 */
@Service
public class PlanWorkbookImporter {

	private final PlanWorkbookReader reader;

	private final PlanService plans;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ProblemCategoryRepository categories;

	private final ProblemRepository problems;

	private final RectificationTaskRepository tasks;

	private final MeasureRepository measures;

	private final Units units;

	/** The unit of an inspection, whose departments its plan workbook lists. */
	public String unitOf(Long inspectionId) {
		return this.plans.inspection(inspectionId).getUnitId();
	}

	/** The unit whose departments a person's blank template lists: their own (the first of theirs), else the first. */
	public String unitOfPerson(String userId) {
		List<String> theirs = this.units.tenantIds(userId);
		return theirs.isEmpty() ? this.units.unitForNewInspection("") : theirs.get(0);
	}

	PlanWorkbookImporter(PlanWorkbookReader reader, PlanService plans, JdbcTemplate jdbc, Clock clock,
			ProblemCategoryRepository categories, ProblemRepository problems, RectificationTaskRepository tasks,
			MeasureRepository measures, Units units) {
		this.units = units;
		this.reader = reader;
		this.plans = plans;
		this.jdbc = jdbc;
		this.clock = clock;
		this.categories = categories;
		this.problems = problems;
		this.tasks = tasks;
		this.measures = measures;
	}

	/** What an import did: the inspection, whether it was imported before (and when), and what it holds. */
	public record Outcome(Long inspectionId, String title, boolean alreadyImported, Instant importedAt, int problems,
			int tasks) {
	}

	/** @throws org.rectiflow.plan.importing.PlanWorkbookException listing every error, importing nothing */
	@Transactional
	public Outcome importWorkbook(byte[] bytes, String fileName, String importedBy, Locale locale) {
		ParsedPlan plan = this.reader.read(bytes, locale);
		return importWorkbook(plan, this.units.unitForNewInspection(plan.unitName()), null, fileName, importedBy);
	}

	/**
	 * As {@link #importWorkbook(byte[], String, String, Locale)}, for the unit of a round when {@code roundUnit} is
	 * given: the feedback stays with the inspection group until handed over ({@link PlanService#registerForRound}).
	 * @throws org.rectiflow.plan.importing.PlanWorkbookException listing every error, importing nothing
	 */
	@Transactional
	public Outcome importWorkbook(byte[] bytes, String fileName, String importedBy, Locale locale,
			RoundUnit roundUnit) {
		if (roundUnit == null) {
			return importWorkbook(bytes, fileName, importedBy, locale);
		}
		return importWorkbook(this.reader.read(bytes, locale), roundUnit.unitId(), roundUnit, fileName, importedBy);
	}

	/** The same for a chosen unit (issue 18: {@link PlanService#unitForRegistration}). */
	@Transactional
	public Outcome importWorkbook(byte[] bytes, String unitId, String fileName, String importedBy, Locale locale) {
		return importWorkbook(this.reader.read(bytes, locale), unitId, null, fileName, importedBy);
	}

	/**
	 * For the unit chosen (or the unit of {@code roundUnit}, when given), the plan of a round done before the unit used
	 * Rectiflow when {@code recordedHistory} (issue 19): its deadlines may lie in the past, and no timer is armed.
	 * @throws org.rectiflow.plan.importing.PlanWorkbookException listing every error, importing nothing
	 */
	@Transactional
	public Outcome importWorkbook(byte[] bytes, String unitId, RoundUnit roundUnit, String fileName, String importedBy,
			Locale locale, boolean recordedHistory) {
		ParsedPlan plan = this.reader.read(bytes, locale, null, recordedHistory);
		return importWorkbook(plan, (roundUnit != null) ? roundUnit.unitId() : unitId, roundUnit, fileName, importedBy,
				recordedHistory);
	}

	private Outcome importWorkbook(ParsedPlan plan, String unitId, RoundUnit roundUnit, String fileName,
			String importedBy) {
		return importWorkbook(plan, unitId, roundUnit, fileName, importedBy, false);
	}

	private Outcome importWorkbook(ParsedPlan plan, String unitId, RoundUnit roundUnit, String fileName,
			String importedBy, boolean recordedHistory) {
		String hash = hash(plan, unitId);
		Optional<Outcome> earlier = earlier(hash, plan);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Inspection inspection = (roundUnit == null) ? this.plans.register(feedback(plan), unitId, recordedHistory)
				: this.plans.registerForRound(feedback(plan), roundUnit, recordedHistory);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into plan_import (content_sha256, inspection_id, file_name, imported_by, imported_at) values (?, ?, ?, ?, ?)",
				hash, inspection.getId(), abbreviated(fileName), importedBy, Timestamp.from(now));
		return new Outcome(inspection.getId(), inspection.getTitle(), false, now, plan.problemCount(), plan.taskCount());
	}

	/**
	 * Replaces the plan of an inspection being drafted with the reworked workbook (downloaded from
	 * {@link #currentPlan}): its breakdown and the feedback's details; title, group and unit stay. A workbook that says
	 * what the plan already says changes nothing ({@code alreadyImported}), so uploading it twice is harmless.
	 * @throws org.rectiflow.plan.importing.PlanWorkbookException listing every error, changing nothing
	 */
	@Transactional
	public Outcome replacePlan(Long inspectionId, byte[] bytes, Locale locale) {
		Inspection inspection = this.plans.inspection(inspectionId);
		// Only while the plan is drafted: at the leaders, the committee or filing, an upload would replace what they
		// are deciding on or have approved.
		this.plans.requirePlanning(inspectionId);
		ParsedPlan sheet = this.reader.read(bytes, locale, inspection.getUnitId(), inspection.isRecordedHistory());
		ParsedPlan reworked = new ParsedPlan(inspection.getTitle(), inspection.getInspectingBody(), inspection.getUnitName(),
				sheet.onSiteFrom(), sheet.onSiteTo(), sheet.feedbackDate(), sheet.documentNumbers(),
				sheet.concentratedMonths(), sheet.contactLine(), sheet.categories());
		if (canonical(reworked).equals(canonical(currentPlan(inspectionId)))) {
			return new Outcome(inspectionId, inspection.getTitle(), true, this.clock.instant(), reworked.problemCount(),
					reworked.taskCount());
		}
		Long attached = this.jdbc.queryForObject("select (select count(*) from evidence e join rectification_task t on t.id = e.task_id"
				+ " where t.inspection_id = ?) + (select count(*) from supervision_record r where r.inspection_id = ? and r.task_id is not null)"
				+ " + (select count(*) from institutional_rule r where r.inspection_id = ? and r.task_id is not null)"
				+ " + (select count(*) from stage_report s join rectification_task t on t.id = s.task_id where t.inspection_id = ?)"
				+ " + (select count(*) from evidence_draft d join rectification_task t on t.id = d.task_id where t.inspection_id = ?)",
				Long.class, inspectionId, inspectionId, inspectionId, inspectionId, inspectionId);
		if (attached != null && attached > 0) {
			throw new RectiflowException.Conflict("plan.import.attached");
		}
		this.plans.replaceBreakdown(inspectionId, keepFlags(inspectionId, feedback(reworked)));
		return new Outcome(inspectionId, inspection.getTitle(), false, this.clock.instant(), reworked.problemCount(),
				reworked.taskCount());
	}

	/**
	 * The workbook has no column for "previous round" (problems) or "non-public" (tasks), set through the API; a
	 * problem or task the reworked plan still names by the same text keeps them.
	 */
	private Feedback keepFlags(Long inspectionId, Feedback feedback) {
		Map<Long, String> problemTitles = new HashMap<>();
		Set<String> previousRound = new HashSet<>();
		for (Problem p : this.problems.findByInspectionIdOrderByCategoryIdAscSeqAsc(inspectionId)) {
			problemTitles.put(p.getId(), p.getTitle());
			if (p.isPreviousRound()) {
				previousRound.add(p.getTitle());
			}
		}
		Set<String> nonPublic = this.tasks.findByInspectionIdOrderByIdAsc(inspectionId)
			.stream()
			.filter(RectificationTask::isNonPublic)
			.map((t) -> problemTitles.get(t.getProblemId()) + "\u0000" + t.getTitle())
			.collect(Collectors.toSet());
		if (previousRound.isEmpty() && nonPublic.isEmpty()) {
			return feedback;
		}
		List<Feedback.Category> categories = feedback.categories()
			.stream()
			.map((c) -> new Feedback.Category(c.title(), c.problems()
				.stream()
				.map((p) -> new Feedback.ProblemItem(p.title(), previousRound.contains(p.title()), p.tasks()
					.stream()
					.map((t) -> new Feedback.TaskItem(t.title(), t.kind(), t.responsibleLeader(), t.leadDepartment(),
							t.cooperatingDepartments(), t.responsiblePerson(), t.deadline(), t.measures(),
							nonPublic.contains(p.title() + "\u0000" + t.title())))
					.toList()))
				.toList()))
			.toList();
		return new Feedback(feedback.title(), feedback.inspectingBody(), feedback.unitName(), feedback.onSiteFrom(),
				feedback.onSiteTo(), feedback.feedbackDate(), feedback.documentNumbers(), feedback.concentratedMonths(),
				feedback.contactLine(), categories);
	}

	/** The plan as it stands, as a workbook would say it: what the office downloads to rework in Excel. */
	@Transactional(readOnly = true)
	public ParsedPlan currentPlan(Long inspectionId) {
		Inspection inspection = this.plans.inspection(inspectionId);
		List<RectificationTask> all = this.tasks.findByInspectionIdOrderByIdAsc(inspectionId);
		Map<Long, List<String>> measuresByTask = this.measures
			.findByTaskIdInOrderByTaskIdAscSeqAsc(all.stream().map(RectificationTask::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(Measure::getTaskId, Collectors.mapping(Measure::getContent, Collectors.toList())));
		Map<Long, List<RectificationTask>> tasksByProblem = all.stream()
			.sorted(Comparator.comparingInt(RectificationTask::getSeq))
			.collect(Collectors.groupingBy(RectificationTask::getProblemId));
		Map<Long, List<Problem>> problemsByCategory = this.problems.findByInspectionIdOrderByCategoryIdAscSeqAsc(inspectionId)
			.stream()
			.collect(Collectors.groupingBy(Problem::getCategoryId));
		List<ParsedPlan.Category> categories = this.categories.findByInspectionIdOrderBySeq(inspectionId)
			.stream()
			.map((c) -> new ParsedPlan.Category(c.getTitle(), problemsByCategory.getOrDefault(c.getId(), List.of())
				.stream()
				.sorted(Comparator.comparingInt(Problem::getSeq))
				.map((p) -> new ParsedPlan.Problem(p.getTitle(), tasksByProblem.getOrDefault(p.getId(), List.of())
					.stream()
					.map((t) -> new ParsedPlan.Task(t.getTitle(), t.getKind(), t.getResponsibleLeader(), t.getLeadDepartment(),
							t.getCooperatingDepartments(), t.getResponsiblePerson(), t.getDeadline(),
							measuresByTask.getOrDefault(t.getId(), List.of())))
					.toList()))
				.toList()))
			.toList();
		List<String> documentNumbers = (inspection.getDocumentNumbers() == null) ? List.of()
				: List.of(inspection.getDocumentNumbers().split("、"));
		return new ParsedPlan(inspection.getTitle(), inspection.getInspectingBody(), inspection.getUnitName(),
				inspection.getOnSiteFrom(), inspection.getOnSiteTo(), inspection.getFeedbackDate(), documentNumbers,
				inspection.getConcentratedMonths(), inspection.getContactLine(), categories);
	}

	/** The import of this very content, when a concurrent upload of the same workbook won the race. */
	@Transactional(readOnly = true)
	public Optional<Outcome> earlier(byte[] bytes, Locale locale) {
		ParsedPlan plan = this.reader.read(bytes, locale);
		return earlier(hash(plan, this.units.unitForNewInspection(plan.unitName())), plan);
	}

	/** The same for a chosen unit. */
	@Transactional(readOnly = true)
	public Optional<Outcome> earlier(byte[] bytes, String unitId, Locale locale) {
		return earlier(bytes, unitId, locale, false);
	}

	/** The same for a plan of recorded history, whose deadlines may have passed. */
	@Transactional(readOnly = true)
	public Optional<Outcome> earlier(byte[] bytes, String unitId, Locale locale, boolean recordedHistory) {
		ParsedPlan plan = this.reader.read(bytes, locale, null, recordedHistory);
		return earlier(hash(plan, unitId), plan);
	}

	/**
	 * What identifies an import: the content, within its unit (issue 18), so one unit's import never answers another
	 * unit's upload of the same content with its inspection. The first unit's hash is the content's alone, as every
	 * import stored before units were.
	 */
	static String hash(ParsedPlan plan, String unitId) {
		return sha256((Units.FIRST_UNIT_ID.equals(unitId) ? "" : unitId + "\u0000") + canonical(plan));
	}

	private Optional<Outcome> earlier(String hash, ParsedPlan plan) {
		return this.jdbc
			.query("select i.id, i.title, pi.imported_at from plan_import pi join inspection i on i.id = pi.inspection_id"
					+ " where pi.content_sha256 = ?",
					(rs, n) -> new Outcome(rs.getLong("id"), rs.getString("title"), true,
							rs.getTimestamp("imported_at").toInstant(), plan.problemCount(), plan.taskCount()),
					hash)
			.stream()
			.findFirst();
	}

	static Feedback feedback(ParsedPlan plan) {
		List<Feedback.Category> categories = plan.categories()
			.stream()
			.map((c) -> new Feedback.Category(c.title(), c.problems()
				.stream()
				.map((p) -> new Feedback.ProblemItem(p.title(), false, p.tasks()
					.stream()
					.map((t) -> new Feedback.TaskItem(t.title(), t.kind(), t.responsibleLeader(), t.leadDepartment(),
							t.cooperatingDepartments(), t.responsiblePerson(), t.deadline(), t.measures(), false))
					.toList()))
				.toList()))
			.toList();
		return new Feedback(plan.title(), plan.inspectingBody(), plan.unitName(), plan.onSiteFrom(), plan.onSiteTo(),
				plan.feedbackDate(), plan.documentNumbers(), plan.concentratedMonths(), plan.contactLine(), categories);
	}

	/**
	 * Everything the import would store, field by field with separators that cannot occur in a cell: two workbooks
	 * that say the same are the same, whatever their formatting, column order or the names (zh/en, alias or account)
	 * they use for the same leader or department.
	 */
	static String canonical(ParsedPlan plan) {
		StringBuilder text = new StringBuilder("plan-workbook/1");
		field(text, plan.title(), plan.inspectingBody(), plan.unitName(), plan.onSiteFrom(), plan.onSiteTo(),
				plan.feedbackDate(), String.join("\u001d", plan.documentNumbers()), plan.concentratedMonths(),
				plan.contactLine());
		for (ParsedPlan.Category c : plan.categories()) {
			text.append("\u001eC");
			field(text, c.title());
			for (ParsedPlan.Problem p : c.problems()) {
				text.append("\u001eP");
				field(text, p.title());
				for (ParsedPlan.Task t : p.tasks()) {
					text.append("\u001eT");
					field(text, t.title(), t.kind(), t.responsibleLeader(), t.leadDepartment(),
							String.join("\u001d", t.cooperatingDepartments()), t.responsiblePerson(), t.deadline(),
							String.join("\u001d", t.measures()));
				}
			}
		}
		return text.toString();
	}

	private static void field(StringBuilder text, Object... values) {
		for (Object value : values) {
			text.append('\u001f').append((value != null) ? value : "\u0000");
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static String abbreviated(String fileName) {
		return (fileName == null || fileName.length() <= 255) ? fileName : fileName.substring(0, 255);
	}

}

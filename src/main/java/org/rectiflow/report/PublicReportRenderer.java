package org.rectiflow.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectiflow.handover.HandoverKind;
import org.rectiflow.handover.Handovers;
import org.rectiflow.dates.StepDateQueries;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.ledger.Ledger;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.ledger.OutcomeCounts;
import org.rectiflow.supervision.CriticismNotice;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.RectiflowProperties;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.StageReport;
import org.rectiflow.task.StageReportRepository;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the public progress report (整改进展情况通报) and the rectification report to the inspection office
 * (整改情况报告) from the ledger and the process history, in the shape of the published reports (see the Hunan
 * reference case): how the work was organised, counts by outcome, fix-at-once items, what was done per category,
 * problem and task, long-term tasks with their staged measures, next steps, the contact line. The public report
 * leaves out tasks marked non-public (they are counted, and the report says how many were left out, or that none
 * were); the report to the inspection office holds everything. The wording lives in
 * {@code templates/report/*.txt}; the result is one block a line, as {@link ReportDocument} reads it.
 */
@Component
class PublicReportRenderer {

	private static final Map<TaskStatus, String> OUTCOME_WORDS = Map.of(TaskStatus.COMPLETED, "完成",
			TaskStatus.BASICALLY_COMPLETED, "基本完成", TaskStatus.NOT_COMPLETED, "未完成", TaskStatus.LONG_TERM, "长期整改");

	private final SpringTemplateEngine templates;

	private final LedgerService ledgers;

	private final InspectionRepository inspections;

	private final StageReportRepository stageReports;

	private final InstitutionalRuleRepository rules;

	private final RectificationTaskService tasks;

	private final SupervisionService supervision;

	private final WorkRecord workRecord;

	private final RectiflowProperties properties;

	private final Clock clock;

	private final Directory directory;

	private final Handovers handovers;

	private final StepDateQueries stepDates;

	PublicReportRenderer(LedgerService ledgers, InspectionRepository inspections, StageReportRepository stageReports,
			InstitutionalRuleRepository rules, RectificationTaskService tasks, SupervisionService supervision,
			WorkRecord workRecord, RectiflowProperties properties, Clock clock, Directory directory,
			Handovers handovers, StepDateQueries stepDates) {
		this.stepDates = stepDates;
		this.directory = directory;
		this.handovers = handovers;
		this.ledgers = ledgers;
		this.inspections = inspections;
		this.stageReports = stageReports;
		this.rules = rules;
		this.tasks = tasks;
		this.supervision = supervision;
		this.workRecord = workRecord;
		this.properties = properties;
		this.clock = clock;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateResolver(resolver);
	}

	/** A paragraph per task: "针对“…”细化任务，一是…；二是…。" */
	record TaskParagraph(String finding, String narrative) {
	}

	/** An item of a problem in the public report: the whole paragraph as it reads. */
	record ItemParagraph(Long taskId, String text) {
	}

	record ProblemSection(int seq, String title, String outcome, List<ItemParagraph> paragraphs) {
	}

	record CategorySection(String numeral, String title, List<ProblemSection> problems) {
	}

	/** A task in full, for the inspection office: who answers for it, when, what was planned and what was done. */
	record TaskDetail(String code, String title, boolean nonPublic, String leader, String department,
			String cooperating, String person, String deadline, String outcome, String measures, String progress,
			long evidence, List<String> stages, String effectiveness) {
	}

	record FullProblem(String code, String title, String outcome, List<TaskDetail> tasks, String effectiveness) {
	}

	record FullCategory(String numeral, String title, List<FullProblem> problems) {
	}

	String renderPublic(Long inspectionId) {
		return renderPublic(inspectionId, null);
	}

	/** The public report with the unit's words, or with what the data says where it wrote nothing. */
	String renderPublic(Long inspectionId, ReportNarrative narrative) {
		return this.templates.process("report/public-report.txt", publicContext(inspectionId, narrative)).strip()
				+ "\n";
	}

	String renderSubmitted(Long inspectionId, String summary) {
		return renderSubmitted(inspectionId, summary, null);
	}

	String renderSubmitted(Long inspectionId, String summary, ReportNarrative narrative) {
		Context context = baseContext(inspectionId, narrative, ReportKind.SUBMITTED);
		context.setVariable("summary", (summary == null) ? null : oneLine(summary));
		Ledger ledger = (Ledger) context.getVariable("ledger");
		Map<Long, RectificationTask> byId = this.tasks.tasksOf(inspectionId)
			.stream()
			.collect(Collectors.toMap(RectificationTask::getId, Function.identity()));
		List<FullCategory> categories = new ArrayList<>();
		List<String> table = new ArrayList<>();
		ReportNarrative.ProblemNumbering numbering = numberingOf(narrative, ReportKind.SUBMITTED);
		int running = 0;
		for (Ledger.CategoryEntry c : ledger.categories()) {
			List<FullProblem> problems = new ArrayList<>();
			for (Ledger.ProblemEntry p : c.problems()) {
				List<TaskDetail> details = new ArrayList<>();
				for (Ledger.TaskEntry t : p.tasks()) {
					RectificationTask task = byId.get(t.id());
					details.add(new TaskDetail(t.code(), oneLine(t.title()), t.nonPublic(), t.responsibleLeaderName(),
							t.leadDepartmentName(),
							String.join("、", t.cooperatingDepartments().stream().map(this.directory::departmentName).toList()),
							t.responsiblePerson(), WorkRecord.date(t.deadline()), OUTCOME_WORDS.get(t.status()),
							narrative(t.measures()), (task == null || task.getProgressReport() == null) ? null
									: stripEnd(oneLine(task.getProgressReport())) + "。",
							t.evidenceCount(), stages(t.id()), effectiveness(task)));
					table.add(String.join("\t", t.code(), oneLine(t.title()), t.responsibleLeaderName(),
							t.leadDepartmentName(), (t.deadline() != null) ? t.deadline().toString() : "",
							OUTCOME_WORDS.get(t.status())));
				}
				problems.add(new FullProblem(numbered(numbering, p.code(), problems.size() + 1, ++running),
						oneLine(p.title()), OUTCOME_WORDS.get(p.outcome()), details,
						Effectiveness.rollUp(p.tasks().stream().map((t) -> byId.get(t.id())).toList())));
			}
			categories.add(new FullCategory(ChineseNumerals.of(c.seq()), oneLine(c.title()), problems));
		}
		context.setVariable("fullCategories", categories);
		context.setVariable("taskTable", table);
		context.setVariable("ruleList", this.rules.findByInspectionIdOrderByIdAsc(inspectionId)
			.stream()
			.map(PublicReportRenderer::ruleLine)
			.toList());
		context.setVariable("notices", this.supervision.criticismsOf(inspectionId)
			.stream()
			.map((n) -> WorkRecord.date(n.getIssuedAt()) + "，对" + target(n) + "通报批评：" + oneLine(n.getReason()))
			.toList());
		return this.templates.process("report/submitted-report.txt", context).strip() + "\n";
	}

	private String target(CriticismNotice n) {
		String department = (n.getTargetDepartment() == null) ? "" : this.directory.departmentName(n.getTargetDepartment());
		return department + ((n.getTargetPerson() == null) ? "" : n.getTargetPerson());
	}

	private Context publicContext(Long inspectionId, ReportNarrative narrative) {
		Context context = baseContext(inspectionId, narrative, ReportKind.PUBLIC);
		Ledger ledger = (Ledger) context.getVariable("ledger");
		ReportNarrative.ProblemNumbering numbering = numberingOf(narrative, ReportKind.PUBLIC);
		Map<Long, RectificationTask> byId = tasksById(inspectionId);
		boolean marks = narrative != null && narrative.itemMarks();
		int running = 0;
		List<CategorySection> categories = new ArrayList<>();
		for (Ledger.CategoryEntry c : ledger.categories()) {
			List<ProblemSection> problems = new ArrayList<>();
			for (Ledger.ProblemEntry p : c.problems()) {
				List<ItemParagraph> paragraphs = new ArrayList<>();
				running++;
				for (Ledger.TaskEntry t : p.tasks()) {
					// Counted in any case; described only when public. Long-term work has its own section.
					if (t.nonPublic() || isLongTerm(t)) {
						continue;
					}
					ReportNarrative.Item written = (narrative == null) ? null : narrative.item(t.id());
					String body = (written != null && hasText(written.text())) ? oneLine(written.text())
							: defaultItemText(t, byId.get(t.id()));
					String heading = (written != null && hasText(written.heading())) ? stripEnd(oneLine(written.heading())) + "。"
							: "";
					paragraphs.add(new ItemParagraph(t.id(),
							(marks ? ChineseNumerals.circled(paragraphs.size() + 1) : "") + heading + body));
				}
				problems.add(new ProblemSection(
						(numbering == ReportNarrative.ProblemNumbering.CONTINUOUS) ? running : problems.size() + 1,
						oneLine(p.title()), OUTCOME_WORDS.get(p.outcome()), paragraphs));
			}
			categories.add(new CategorySection(ChineseNumerals.of(c.seq()), oneLine(c.title()), problems));
		}
		context.setVariable("categories", categories);
		return context;
	}

	/**
	 * What an item says unless the office wrote it: what the department did, in its accepted account (its
	 * submission); an item not yet done says it is under way; one settled without an account quotes its measures.
	 */
	static String defaultItemText(Ledger.TaskEntry t, RectificationTask task) {
		String prefix = "针对“" + oneLine(t.title()) + "”细化任务，";
		if (t.status() == TaskStatus.NOT_COMPLETED) {
			return prefix + "正在按整改落实方案推进"
					+ ((t.deadline() != null) ? "，整改期限为" + WorkRecord.date(t.deadline()) : "") + "。";
		}
		if (task != null && hasText(task.getProgressReport())) {
			return prefix + stripEnd(oneLine(task.getProgressReport())) + "。";
		}
		return prefix + narrative(t.measures());
	}

	/** The items of the public report as the data writes them, for the office to start from. */
	List<DefaultItem> defaultItems(Long inspectionId) {
		Ledger ledger = this.ledgers.ledger(inspectionId);
		Map<Long, RectificationTask> byId = tasksById(inspectionId);
		List<DefaultItem> items = new ArrayList<>();
		for (Ledger.CategoryEntry c : ledger.categories()) {
			for (Ledger.ProblemEntry p : c.problems()) {
				for (Ledger.TaskEntry t : p.tasks()) {
					if (!t.nonPublic() && !isLongTerm(t)) {
						items.add(new DefaultItem(t.id(), t.code(), oneLine(p.title()), oneLine(t.title()),
								defaultItemText(t, byId.get(t.id()))));
					}
				}
			}
		}
		return items;
	}

	/** An item of the public report, with the text the data gives it. */
	record DefaultItem(Long taskId, String code, String problem, String task, String text) {
	}

	/**
	 * The unit's words as the data would prefill them: the organisation and leadership (how the plan was made and
	 * approved), how the work was done (supervision, review, rules), the next steps, the contact telephone.
	 */
	ReportNarrative prefill(Long inspectionId, ReportKind kind) {
		return prefill(inspection(inspectionId), this.ledgers.ledger(inspectionId), kind);
	}

	private ReportNarrative prefill(Inspection inspection, Ledger ledger, ReportKind kind) {
		List<WorkRecord.Section> sections = this.workRecord.sections(inspection, ledger.problemCounts().total(),
				ledger.taskCounts().total());
		List<String> leadership = new ArrayList<>();
		List<String> workDone = new ArrayList<>();
		for (int i = 0; i < sections.size(); i++) {
			List<String> target = (i == 0) ? leadership : workDone;
			target.add(sections.get(i).numbered(i + 1));
			target.addAll(sections.get(i).paragraphs());
			if (i == 0) {
				target.addAll(leaderChanges(inspection));
			}
		}
		if (sections.isEmpty()) {
			leadership.addAll(leaderChanges(inspection));
		}
		long longTerm = ledger.tasks().stream().filter(PublicReportRenderer::isLongTerm).count();
		return new ReportNarrative(null, null, defaultTitle(inspection, kind), false, null,
				String.join("\n", leadership), String.join("\n", workDone),
				String.join("\n", nextSteps(ledger, (int) longTerm)), null,
				(kind == ReportKind.PUBLIC) ? inspection.getContactLine() : null, null, null,
				numberingOf(null, kind), false, Map.of(), inspection.getUnitName());
	}

	/**
	 * When the leadership changed during the rectification: each responsible leader's handover the unit recorded
	 * (and that took effect) from the feedback on, as the organisation and leadership section tells it.
	 */
	private List<String> leaderChanges(Inspection inspection) {
		if (inspection.getUnitId() == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		List<Handovers.Handover> changes = new ArrayList<>(this.handovers.ofUnit(inspection.getUnitId()));
		java.util.Collections.reverse(changes);
		for (Handovers.Handover h : changes) {
			if (h.kind() != HandoverKind.RESPONSIBLE_LEADER || h.appliedAt() == null
					|| (inspection.getFeedbackDate() != null && h.effectiveOn().isBefore(inspection.getFeedbackDate()))) {
				continue;
			}
			lines.add(WorkRecord.date(h.effectiveOn()) + "起，" + name(h.fromName(), h.from()) + "负责的整改任务由"
					+ name(h.toName(), h.to()) + "接续负责" + (hasText(h.reason()) ? "（" + stripEnd(oneLine(h.reason())) + "）" : "")
					+ "，整改责任不因人员调整而改变。");
		}
		return lines;
	}

	private static String name(String name, String id) {
		return hasText(name) ? name : id;
	}

	static String defaultTitle(Inspection inspection, ReportKind kind) {
		return inspection.getUnitName()
				+ ((kind == ReportKind.PUBLIC) ? "关于巡察整改进展情况的通报" : "关于巡察整改情况的报告");
	}

	private static ReportNarrative.ProblemNumbering numberingOf(ReportNarrative narrative, ReportKind kind) {
		if (narrative != null && narrative.problemNumbering() != null) {
			return narrative.problemNumbering();
		}
		return (kind == ReportKind.PUBLIC) ? ReportNarrative.ProblemNumbering.PER_CATEGORY
				: ReportNarrative.ProblemNumbering.LEDGER_CODES;
	}

	/** "1.1" as the ledger codes it, or 1 2 3 per category, or running through all categories. */
	private static String numbered(ReportNarrative.ProblemNumbering numbering, String code, int inCategory, int running) {
		return switch (numbering) {
			case LEDGER_CODES -> code;
			case PER_CATEGORY -> Integer.toString(inCategory);
			case CONTINUOUS -> Integer.toString(running);
		};
	}

	private Map<Long, RectificationTask> tasksById(Long inspectionId) {
		return this.tasks.tasksOf(inspectionId)
			.stream()
			.collect(Collectors.toMap(RectificationTask::getId, Function.identity()));
	}

	/** "《…》（制定，湘机电职院发〔2023〕5号，2023年10月8日印发）" */
	static String ruleLine(InstitutionalRule r) {
		List<String> notes = new ArrayList<>();
		notes.add("REVISED".equals(r.getAction()) ? "修订" : "制定");
		if (hasText(r.getDocumentNumber())) {
			notes.add(oneLine(r.getDocumentNumber()));
		}
		if (r.getIssuedOn() != null) {
			notes.add(WorkRecord.date(r.getIssuedOn()) + "印发");
		}
		return "《" + oneLine(r.getTitle()) + "》（" + String.join("，", notes) + "）";
	}

	private static String effectiveness(RectificationTask task) {
		return (task == null) ? null : Effectiveness.describe(task.getEffectivenessGrade(), task.getEffectivenessBasis());
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	private Inspection inspection(Long inspectionId) {
		return this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
	}

	private Context baseContext(Long inspectionId, ReportNarrative narrative, ReportKind kind) {
		Inspection inspection = inspection(inspectionId);
		Ledger ledger = this.ledgers.ledger(inspectionId);
		List<Ledger.TaskEntry> all = ledger.tasks();
		List<TaskParagraph> longTerm = new ArrayList<>();
		List<TaskParagraph> longTermInFull = new ArrayList<>();
		for (Ledger.TaskEntry t : all) {
			if (isLongTerm(t)) {
				TaskParagraph paragraph = new TaskParagraph(oneLine(t.title()),
						narrative(t.measures()) + String.join("", stages(t.id())));
				longTermInFull.add(paragraph);
				if (!t.nonPublic()) {
					longTerm.add(paragraph);
				}
			}
		}
		Context context = new Context();
		context.setVariable("ledger", ledger);
		context.setVariable("inspection", inspection);
		context.setVariable("onSiteFrom", WorkRecord.date(inspection.getOnSiteFrom()));
		context.setVariable("onSiteTo", WorkRecord.date(inspection.getOnSiteTo()));
		context.setVariable("feedbackDate", WorkRecord.date(inspection.getFeedbackDate()));
		context.setVariable("months", ChineseNumerals.of(inspection.getConcentratedMonths()));
		ReportNarrative words = (narrative != null) ? narrative : prefill(inspection, ledger, kind);
		context.setVariable("headingLines", headingLines(words, kind));
		context.setVariable("title", hasText(words.title()) ? oneLine(words.title()) : defaultTitle(inspection, kind));
		context.setVariable("organisationLines",
				sectionLines(String.join("\n", nullToEmpty(words.leadership()), nullToEmpty(words.workDone()))));
		context.setVariable("nextStepLines", sectionLines(words.nextSteps()));
		context.setVariable("contact", contact(words));
		context.setVariable("signature", hasText(words.signature()) ? oneLine(words.signature()) : inspection.getUnitName());
		context.setVariable("problems", ledger.problemCounts());
		context.setVariable("tasks", ledger.taskCounts());
		context.setVariable("immediate", countsOf(all, TaskKind.IMMEDIATE));
		context.setVariable("duringInspection", countsOf(all, TaskKind.DURING_INSPECTION));
		context.setVariable("nonPublicCount", all.stream().filter(Ledger.TaskEntry::nonPublic).count());
		context.setVariable("ruleCount", this.rules.countByInspectionId(inspectionId));
		context.setVariable("longTerm", longTerm);
		context.setVariable("longTermInFull", longTermInFull);
		context.setVariable("issuedOn", WorkRecord.date((words.issuedOn() != null) ? words.issuedOn() : issuedOn(inspection)));
		return context;
	}

	/** The heading (红头) above the title, as the unit fills it in: issuing organ, document number, public mark. */
	private static List<String> headingLines(ReportNarrative words, ReportKind kind) {
		List<String> lines = new ArrayList<>();
		if (hasText(words.issuingOrgan())) {
			lines.add(oneLine(words.issuingOrgan()));
		}
		if (hasText(words.documentNumber())) {
			lines.add(oneLine(words.documentNumber()));
		}
		if (kind == ReportKind.PUBLIC && words.publicMark()) {
			lines.add(ReportNarrative.PUBLIC_MARK);
		}
		return lines;
	}

	/**
	 * A narrative section one block a line: blank lines dropped, subheadings （一）（二）… numbered again in order, so
	 * that what the unit wrote in two fields reads as one numbered section.
	 */
	static List<String> sectionLines(String text) {
		List<String> lines = new ArrayList<>();
		int sub = 0;
		for (String line : nullToEmpty(text).replace("\t", " ").split("\\R")) {
			String l = line.strip();
			if (l.isEmpty()) {
				continue;
			}
			java.util.regex.Matcher m = SUBHEADING.matcher(l);
			lines.add(m.matches() ? "（" + ChineseNumerals.of(++sub) + "）" + m.group(1).strip() : l);
		}
		return lines;
	}

	private static final java.util.regex.Pattern SUBHEADING = java.util.regex.Pattern
		.compile("^[（(][一二三四五六七八九十]+[）)](.*)$");

	/** "联系部门：…；联系电话：…；通讯地址：…；邮政编码：…", or nothing when the unit gave none. */
	private static String contact(ReportNarrative words) {
		List<String> parts = new ArrayList<>();
		if (hasText(words.contactOffice())) {
			parts.add("联系部门：" + oneLine(words.contactOffice()));
		}
		if (hasText(words.contactTelephone())) {
			parts.add("联系电话：" + oneLine(words.contactTelephone()));
		}
		if (hasText(words.contactAddress())) {
			parts.add("通讯地址：" + oneLine(words.contactAddress()));
		}
		if (hasText(words.contactPostcode())) {
			parts.add("邮政编码：" + oneLine(words.contactPostcode()));
		}
		return parts.isEmpty() ? null : String.join("；", parts);
	}

	private static String nullToEmpty(String text) {
		return (text == null) ? "" : text;
	}


	/**
	 * The report's date: today, or for recorded history (issue 19) the day its latest step took effect (the
	 * committee's approval of publication, when it is published), never the day it was typed in.
	 */
	private LocalDate issuedOn(Inspection inspection) {
		if (inspection.isRecordedHistory()) {
			return this.stepDates.latest(inspection.getId())
				.orElse((inspection.getFeedbackDate() != null) ? inspection.getFeedbackDate()
						: LocalDate.now(this.clock.withZone(WorkRecord.CHINA)));
		}
		return LocalDate.now(this.clock.withZone(WorkRecord.CHINA));
	}

	/**
	 * Long-term work: closed off as long-term. A task planned as long-term and still open is counted as not completed
	 * ("未完成整改"), so it is told among the open tasks: described here too, the report said "长期整改0项" and then
	 * "对1项长期整改任务" (issue 19). The counts and the text follow the same outcome.
	 */
	private static boolean isLongTerm(Ledger.TaskEntry t) {
		return t.status() == TaskStatus.LONG_TERM;
	}

	private static OutcomeCounts countsOf(List<Ledger.TaskEntry> tasks, TaskKind kind) {
		return OutcomeCounts.of(tasks.stream().filter((t) -> t.kind() == kind).map(Ledger.TaskEntry::status).toList());
	}

	/** The next steps follow from what is still open: unfinished tasks, long-term tasks, the look-back. */
	private List<String> nextSteps(Ledger ledger, int longTermCount) {
		List<String> steps = new ArrayList<>();
		int open = ledger.taskCounts().notCompleted();
		if (open > 0) {
			steps.add("对尚未完成的" + open + "项细化任务，对照整改期限倒排工期，逐项督办，确保按期整改到位");
		}
		if (longTermCount > 0) {
			steps.add("对" + longTermCount + "项长期整改任务，坚持阶段性与长期性相结合，按周期报告阶段性成效，持续推进直至销号");
		}
		steps.add("进一步巩固整改成果，健全巡察整改“闭环”机制，确保问题真改真销号，坚决防止应付式整改、边改边犯整而不改现象再次发生");
		steps.add("在集中整改结束" + months(this.properties.lookBackPeriod()) + "后开展整改“回头看”，对已销号问题逐项复查，发现反弹回潮的重新整改");
		steps.add("举一反三，把巡察整改成果转化为制度机制，突出管长远管根本作用，推动高质量发展");
		List<String> numbered = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			numbered.add(ChineseNumerals.of(i + 1) + "是" + steps.get(i) + "。");
		}
		return numbered;
	}

	private static String months(String period) {
		Period p = Period.parse(period);
		long months = p.toTotalMonths();
		return (months > 0) ? ChineseNumerals.of((int) months) + "个月" : p.getDays() + "天";
	}

	/** Each stage report of a long-term task: the staged measures and the results they brought. */
	private List<String> stages(Long taskId) {
		List<String> stages = new ArrayList<>();
		for (StageReport r : this.stageReports.findByTaskIdOrderByReportedAtAsc(taskId)) {
			stages.add("截至" + WorkRecord.date(r.getReportedAt()) + "，阶段性举措：" + stripEnd(oneLine(r.getStageMeasures()))
					+ "；阶段性成效：" + stripEnd(oneLine(r.getStageResults())) + "。");
		}
		return stages;
	}

	/** "一是…；二是…。" from the measures, as the reports write them. */
	static String narrative(List<String> measures) {
		if (measures.isEmpty()) {
			return "";
		}
		if (measures.size() == 1) {
			return stripEnd(oneLine(measures.get(0))) + "。";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < measures.size(); i++) {
			parts.add(ChineseNumerals.of(i + 1) + "是" + stripEnd(oneLine(measures.get(i))));
		}
		return String.join("；", parts) + "。";
	}

	/** A report keeps one block a line: text typed with line breaks or tabs must not split a block. */
	static String oneLine(String text) {
		return (text == null) ? "" : text.replaceAll("[\\t\\r\\n]+", " ").strip();
	}

	private static String stripEnd(String text) {
		return text.strip().replaceAll("[；;。，,\\s]+$", "");
	}

}

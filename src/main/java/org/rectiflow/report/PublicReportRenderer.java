package org.rectiflow.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

	private final StepDateQueries stepDates;

	PublicReportRenderer(LedgerService ledgers, InspectionRepository inspections, StageReportRepository stageReports,
			InstitutionalRuleRepository rules, RectificationTaskService tasks, SupervisionService supervision,
			WorkRecord workRecord, RectiflowProperties properties, Clock clock, Directory directory,
			StepDateQueries stepDates) {
		this.stepDates = stepDates;
		this.directory = directory;
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

	record ProblemSection(int seq, String title, String outcome, List<TaskParagraph> paragraphs) {
	}

	record CategorySection(String numeral, String title, List<ProblemSection> problems) {
	}

	/** A task in full, for the inspection office: who answers for it, when, what was planned and what was done. */
	record TaskDetail(String code, String title, boolean nonPublic, String leader, String department,
			String cooperating, String person, String deadline, String outcome, String measures, String progress,
			long evidence, List<String> stages) {
	}

	record FullProblem(String code, String title, String outcome, List<TaskDetail> tasks) {
	}

	record FullCategory(String numeral, String title, List<FullProblem> problems) {
	}

	String renderPublic(Long inspectionId) {
		return this.templates.process("report/public-report.txt", publicContext(inspectionId)).strip() + "\n";
	}

	String renderSubmitted(Long inspectionId, String summary) {
		Context context = baseContext(inspectionId);
		context.setVariable("summary", (summary == null) ? null : oneLine(summary));
		Ledger ledger = (Ledger) context.getVariable("ledger");
		Map<Long, RectificationTask> byId = this.tasks.tasksOf(inspectionId)
			.stream()
			.collect(Collectors.toMap(RectificationTask::getId, Function.identity()));
		List<FullCategory> categories = new ArrayList<>();
		List<String> table = new ArrayList<>();
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
							t.evidenceCount(), stages(t.id())));
					table.add(String.join("\t", t.code(), oneLine(t.title()), t.responsibleLeaderName(),
							t.leadDepartmentName(), (t.deadline() != null) ? t.deadline().toString() : "",
							OUTCOME_WORDS.get(t.status())));
				}
				problems.add(new FullProblem(p.code(), oneLine(p.title()), OUTCOME_WORDS.get(p.outcome()), details));
			}
			categories.add(new FullCategory(ChineseNumerals.of(c.seq()), oneLine(c.title()), problems));
		}
		context.setVariable("fullCategories", categories);
		context.setVariable("taskTable", table);
		context.setVariable("ruleList", this.rules.findByInspectionIdOrderByIdAsc(inspectionId));
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

	private Context publicContext(Long inspectionId) {
		Context context = baseContext(inspectionId);
		Ledger ledger = (Ledger) context.getVariable("ledger");
		List<CategorySection> categories = new ArrayList<>();
		for (Ledger.CategoryEntry c : ledger.categories()) {
			List<ProblemSection> problems = new ArrayList<>();
			for (Ledger.ProblemEntry p : c.problems()) {
				List<TaskParagraph> paragraphs = new ArrayList<>();
				for (Ledger.TaskEntry t : p.tasks()) {
					// Counted in any case; described only when public. Long-term work has its own section.
					if (t.nonPublic() || isLongTerm(t)) {
						continue;
					}
					if (t.status() == TaskStatus.NOT_COMPLETED) {
						paragraphs.add(new TaskParagraph(oneLine(t.title()), "正在按整改落实方案推进"
								+ ((t.deadline() != null) ? "，整改期限为" + WorkRecord.date(t.deadline()) : "") + "。"));
					}
					else {
						paragraphs.add(new TaskParagraph(oneLine(t.title()), narrative(t.measures())));
					}
				}
				problems.add(new ProblemSection(problems.size() + 1, oneLine(p.title()), OUTCOME_WORDS.get(p.outcome()),
						paragraphs));
			}
			categories.add(new CategorySection(ChineseNumerals.of(c.seq()), oneLine(c.title()), problems));
		}
		context.setVariable("categories", categories);
		return context;
	}

	private Context baseContext(Long inspectionId) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
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
		context.setVariable("organisation", this.workRecord.sections(inspection, ledger.problemCounts().total(),
				ledger.taskCounts().total()));
		context.setVariable("problems", ledger.problemCounts());
		context.setVariable("tasks", ledger.taskCounts());
		context.setVariable("immediate", countsOf(all, TaskKind.IMMEDIATE));
		context.setVariable("duringInspection", countsOf(all, TaskKind.DURING_INSPECTION));
		context.setVariable("nonPublicCount", all.stream().filter(Ledger.TaskEntry::nonPublic).count());
		context.setVariable("ruleCount", this.rules.countByInspectionId(inspectionId));
		context.setVariable("longTerm", longTerm);
		context.setVariable("longTermInFull", longTermInFull);
		context.setVariable("nextSteps", nextSteps(ledger, longTermInFull.size()));
		context.setVariable("issuedOn", WorkRecord.date(issuedOn(inspection)));
		return context;
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

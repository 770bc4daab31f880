package org.rectiflow.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.ledger.Ledger;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.StageReport;
import org.rectiflow.task.StageReportRepository;
import org.rectiflow.task.TaskStatus;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the public progress report and the submitted rectification report from the ledger, in the shape of the
 * published reports (see the Hunan reference case): counts first, then what was done per problem, then long-term
 * items and the contact line. Tasks marked non-public are counted but not described. The wording lives in
 * {@code templates/report/*.txt}.
 */
@Component
class PublicReportRenderer {

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final Map<TaskStatus, String> OUTCOME_WORDS = Map.of(TaskStatus.COMPLETED, "完成",
			TaskStatus.BASICALLY_COMPLETED, "基本完成", TaskStatus.NOT_COMPLETED, "未完成", TaskStatus.LONG_TERM, "长期整改");

	private final SpringTemplateEngine templates;

	private final LedgerService ledgers;

	private final InspectionRepository inspections;

	private final StageReportRepository stageReports;

	private final InstitutionalRuleRepository rules;

	PublicReportRenderer(LedgerService ledgers, InspectionRepository inspections, StageReportRepository stageReports,
			InstitutionalRuleRepository rules) {
		this.ledgers = ledgers;
		this.inspections = inspections;
		this.stageReports = stageReports;
		this.rules = rules;
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

	String renderPublic(Long inspectionId) {
		Context context = baseContext(inspectionId);
		return this.templates.process("report/public-report.txt", context).strip() + "\n";
	}

	String renderSubmitted(Long inspectionId, String summary) {
		Context context = baseContext(inspectionId);
		context.setVariable("summary", summary);
		return this.templates.process("report/submitted-report.txt", context).strip() + "\n";
	}

	private Context baseContext(Long inspectionId) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
		Ledger ledger = this.ledgers.ledger(inspectionId);
		List<CategorySection> categories = new ArrayList<>();
		List<TaskParagraph> longTerm = new ArrayList<>();
		for (Ledger.CategoryEntry c : ledger.categories()) {
			List<ProblemSection> problems = new ArrayList<>();
			for (Ledger.ProblemEntry p : c.problems()) {
				List<TaskParagraph> paragraphs = new ArrayList<>();
				for (Ledger.TaskEntry t : p.tasks()) {
					// Counted in any case; described only when public and settled (an open task has nothing to report yet).
					if (t.nonPublic() || t.status() == TaskStatus.NOT_COMPLETED) {
						continue;
					}
					if (t.status() == TaskStatus.LONG_TERM) {
						longTerm.add(new TaskParagraph(t.title(), narrative(t.measures()) + stageResults(t.id())));
					}
					else {
						paragraphs.add(new TaskParagraph(t.title(), narrative(t.measures())));
					}
				}
				problems.add(new ProblemSection(problems.size() + 1, p.title(),
						OUTCOME_WORDS.get(p.outcome()), paragraphs));
			}
			categories.add(new CategorySection(ChineseNumerals.of(c.seq()), c.title(), problems));
		}
		Context context = new Context();
		context.setVariable("inspection", inspection);
		context.setVariable("onSiteFrom", format(inspection.getOnSiteFrom()));
		context.setVariable("onSiteTo", format(inspection.getOnSiteTo()));
		context.setVariable("feedbackDate", format(inspection.getFeedbackDate()));
		context.setVariable("months", ChineseNumerals.of(inspection.getConcentratedMonths()));
		context.setVariable("problems", ledger.problemCounts());
		context.setVariable("tasks", ledger.taskCounts());
		context.setVariable("ruleCount", this.rules.countByInspectionId(inspectionId));
		context.setVariable("categories", categories);
		context.setVariable("longTerm", longTerm);
		return context;
	}

	private String stageResults(Long taskId) {
		List<StageReport> reports = this.stageReports.findByTaskIdOrderByReportedAtAsc(taskId);
		if (reports.isEmpty()) {
			return "";
		}
		return "阶段性成效：" + stripEnd(reports.get(reports.size() - 1).getStageResults()) + "。";
	}

	/** "一是…；二是…。" from the measures, as the reports write them. */
	static String narrative(List<String> measures) {
		if (measures.isEmpty()) {
			return "";
		}
		if (measures.size() == 1) {
			return stripEnd(measures.get(0)) + "。";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < measures.size(); i++) {
			parts.add(ChineseNumerals.of(i + 1) + "是" + stripEnd(measures.get(i)));
		}
		return String.join("；", parts) + "。";
	}

	private static String stripEnd(String text) {
		return text.strip().replaceAll("[；;。，,\\s]+$", "");
	}

	private static String format(LocalDate date) {
		return (date == null) ? "" : date.format(CHINESE_DATE);
	}

}

package org.rectiflow.plan.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * What a published progress report (or a feedback document in the same layout) says: the inspection, its
 * categories, problems and quoted tasks with measures, and the counts the report published.
 */
public record ParsedReport(String title, String inspectingBody, String unitName, LocalDate onSiteFrom,
		LocalDate onSiteTo, LocalDate feedbackDate, int concentratedMonths, List<String> documentNumbers,
		String contactLine, List<ParsedCategory> categories, PublishedCounts publishedCounts, int immediateItems,
		int duringInspectionItems, int institutionalRuleCount, List<String> institutionalRuleTitles) {

	public record ParsedCategory(int seq, String title, List<ParsedProblem> problems) {
	}

	/** {@code reportedOutcome} as printed: "完成", "基本完成", … */
	public record ParsedProblem(int seq, String title, String reportedOutcome, List<ParsedTask> tasks) {
	}

	public record ParsedTask(int seq, String finding, List<String> measures, boolean longTerm, String leadDepartment) {
	}

	/** The counts sentence of the report ("14个具体问题，已完成整改13个…"); -1 where the report does not say. */
	public record PublishedCounts(int problemTotal, int problemsCompleted, int problemsBasicallyCompleted,
			int problemsNotCompleted, int problemsLongTerm, int taskTotal, int tasksCompleted,
			int tasksBasicallyCompleted, int tasksNotCompleted, int tasksLongTerm) {
	}

	public int taskCount() {
		return this.categories.stream().flatMap((c) -> c.problems().stream()).mapToInt((p) -> p.tasks().size()).sum();
	}

}

package org.rectiflow.plan.importing;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.task.TaskKind;

/**
 * What a valid plan workbook says, with leaders as user ids and departments as group ids: the inspection, and its
 * categories, problems and tasks in the order of the sheet.
 */
public record ParsedPlan(String title, String inspectingBody, String unitName, LocalDate onSiteFrom,
		LocalDate onSiteTo, LocalDate feedbackDate, List<String> documentNumbers, int concentratedMonths,
		String contactLine, List<Category> categories) {

	public record Category(String title, List<Problem> problems) {
	}

	public record Problem(String title, List<Task> tasks) {
	}

	public record Task(String title, TaskKind kind, String responsibleLeader, String leadDepartment,
			List<String> cooperatingDepartments, String responsiblePerson, LocalDate deadline, List<String> measures) {
	}

	public int taskCount() {
		return this.categories.stream().flatMap((c) -> c.problems().stream()).mapToInt((p) -> p.tasks().size()).sum();
	}

	public int problemCount() {
		return this.categories.stream().mapToInt((c) -> c.problems().size()).sum();
	}

}

package org.rectiflow.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.ledger.OutcomeCounts;

/**
 * What the dashboard (挂图作战) of one inspection shows, counted by the database at the moment of reading: the
 * headline counts, the tasks by problem and by lead department, and the close-offs over time. The page renders it
 * as tables and {@code dashboard.js} draws the same numbers as charts, so both always agree.
 *
 * @param today the day "overdue" and "due soon" are measured against, in China
 */
public record Dashboard(Long inspectionId, String title, String unitName, InspectionStatus status, LocalDate today,
		Headline headline, List<ProblemRow> byProblem, List<DepartmentRow> byDepartment, Completion completion) {

	/**
	 * The numbers people quote in meetings: problems and tasks by outcome, and how many open tasks are overdue or
	 * due within {@link org.rectiflow.calendar.TrafficLight#DUE_SOON_WORKING_DAYS} working days.
	 */
	public record Headline(OutcomeCounts problems, OutcomeCounts tasks, int overdue, int dueSoon) {
	}

	/** One problem's tasks by outcome; {@code overdue} is a subset of {@code notCompleted}. */
	public record ProblemRow(Long id, String code, String title, OutcomeCounts counts, int overdue) {
	}

	/**
	 * One lead department's tasks by outcome; {@code department} is the group id the task list filters on, null for
	 * tasks that have no lead department yet (a plan still being drafted).
	 */
	public record DepartmentRow(String department, String name, OutcomeCounts counts, int overdue) {
	}

	/** Tasks closed off per day and the running total, against all tasks of the inspection. */
	public record Completion(int total, List<Day> days) {

		public int closedOff() {
			return this.days.isEmpty() ? 0 : this.days.get(this.days.size() - 1).cumulative();
		}

	}

	public record Day(LocalDate day, int closedOff, int cumulative) {
	}

	/** The departments with overdue tasks, most overdue first: the second half of the overdue panel. */
	public List<DepartmentRow> overdueByDepartment() {
		return this.byDepartment.stream()
			.filter((d) -> d.overdue() > 0)
			.sorted((a, b) -> Integer.compare(b.overdue(), a.overdue()))
			.toList();
	}

}

package org.rectiflow.ledger;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;

/**
 * The living record of an inspection (台账): every problem with its rolled-up outcome and its tasks. Built from the
 * tables on each read; nothing in it is stored or typed in.
 */
public record Ledger(Long inspectionId, String title, String unitName, InspectionStatus status,
		OutcomeCounts problemCounts, OutcomeCounts taskCounts, List<CategoryEntry> categories) {

	public record CategoryEntry(int seq, String title, List<ProblemEntry> problems) {
	}

	public record ProblemEntry(Long id, String code, String title, boolean previousRound, TaskStatus outcome,
			List<TaskEntry> tasks) {
	}

	public record TaskEntry(Long id, String code, String title, TaskKind kind, String responsibleLeader,
			String responsibleLeaderName, String leadDepartment, String leadDepartmentName,
			List<String> cooperatingDepartments, String responsiblePerson, LocalDate deadline, TaskStatus status,
			boolean closedOff, boolean overdue, boolean nonPublic, int round, List<String> measures,
			long evidenceCount) {

		public boolean settled() {
			return this.closedOff || this.status == TaskStatus.LONG_TERM;
		}

	}

	public List<TaskEntry> tasks() {
		return this.categories.stream().flatMap((c) -> c.problems().stream()).flatMap((p) -> p.tasks().stream()).toList();
	}

	public List<ProblemEntry> problems() {
		return this.categories.stream().flatMap((c) -> c.problems().stream()).toList();
	}

}

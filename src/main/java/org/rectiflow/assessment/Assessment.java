package org.rectiflow.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How each lead department of one inspection has kept to its deadlines, as the discipline committee and the
 * rectification office weigh it in the year-end assessment (考核): overdue tasks and days, returns, extensions and
 * criticism notices. Worst first.
 */
public record Assessment(Long inspectionId, String title, LocalDate asOf, List<DepartmentRow> departments,
		List<NoticeRow> notices, DepartmentRow total) {

	/** One lead department's figures. */
	public record DepartmentRow(String department, String departmentName, int tasks, int settled, int overdueTasks,
			long overdueDays, int returns, int extensionsRequested, int extensionsApproved, int notices,
			List<String> personsCriticised) {
	}

	/** One published criticism notice, against the department and, where named, the person. */
	public record NoticeRow(Long id, Instant issuedAt, String department, String departmentName, String person,
			String kind, Long taskId, String taskCode, String reason) {
	}

}

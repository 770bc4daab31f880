package org.rectiflow.plan.importing;

import java.util.List;

import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.WorkbookError;

/**
 * An uploaded plan workbook was refused: every error found, each with its sheet, row and column, and the leaders and
 * departments it names that do not exist (listed so the office can correct the sheet or ask for the accounts; none is
 * ever created by an import). Nothing of the workbook was imported.
 */
public class PlanWorkbookException extends RectiflowException {

	private final transient List<WorkbookError> errors;

	private final List<String> unknownLeaders;

	private final List<String> unknownDepartments;

	public PlanWorkbookException(List<WorkbookError> errors, List<String> unknownLeaders,
			List<String> unknownDepartments) {
		super("workbook.error.summary", errors.size());
		this.errors = List.copyOf(errors);
		this.unknownLeaders = List.copyOf(unknownLeaders);
		this.unknownDepartments = List.copyOf(unknownDepartments);
	}

	/** A refusal of the whole file (too large, not a workbook, a zip bomb). */
	public PlanWorkbookException(WorkbookError error) {
		this(List.of(error), List.of(), List.of());
	}

	public List<WorkbookError> getErrors() {
		return this.errors;
	}

	public List<String> getUnknownLeaders() {
		return this.unknownLeaders;
	}

	public List<String> getUnknownDepartments() {
		return this.unknownDepartments;
	}

}

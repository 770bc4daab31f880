package org.rectiflow.onboarding;

import java.util.List;

import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.WorkbookError;

/** A unit's directory was refused: every error found, each where the administrator finds it. Nothing was created. */
public class DirectoryException extends RectiflowException {

	private final transient List<WorkbookError> errors;

	public DirectoryException(List<WorkbookError> errors) {
		super("onboarding.error.summary", errors.size());
		this.errors = List.copyOf(errors);
	}

	public DirectoryException(WorkbookError error) {
		this(List.of(error));
	}

	public List<WorkbookError> getErrors() {
		return this.errors;
	}

}

package org.rectiflow.onboarding;

import java.util.List;

import org.rectiflow.system.RectiflowException;

/** A unit's directory was refused: every error found, each where the administrator finds it. Nothing was created. */
public class DirectoryException extends RectiflowException {

	private final transient List<DirectoryError> errors;

	public DirectoryException(List<DirectoryError> errors) {
		super("onboarding.error.summary", errors.size());
		this.errors = List.copyOf(errors);
	}

	public DirectoryException(DirectoryError error) {
		this(List.of(error));
	}

	public List<DirectoryError> getErrors() {
		return this.errors;
	}

}

package org.rectiflow.onboarding;

import org.springframework.context.MessageSourceResolvable;

/**
 * One thing wrong with a unit's directory, where the administrator finds it: the sheet (or the form's section), the
 * row (as Excel numbers it, or the line of the form) and the column (its letter, or the field's name), with a message
 * key and its arguments. Row and column are null for what concerns a whole sheet or the file.
 */
public record DirectoryError(String sheet, Integer row, String column, String key, Object... args)
		implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { this.key };
	}

	@Override
	public Object[] getArguments() {
		return this.args;
	}

	@Override
	public String getDefaultMessage() {
		return this.key;
	}

}

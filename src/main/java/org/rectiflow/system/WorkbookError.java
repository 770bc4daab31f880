package org.rectiflow.system;

import org.springframework.context.MessageSourceResolvable;

/**
 * One thing wrong with an uploaded workbook, where a person finds it in Excel: the sheet, the row (1-based, as Excel
 * numbers them) and the column letter, with a message key and its arguments. Row and column are null for what
 * concerns the whole sheet or file. Every import reports its errors so (the plan workbook, a unit's directory); a
 * form or JSON read as a workbook names its section, line and field in the same places.
 */
public record WorkbookError(String sheet, Integer row, String column, String key, Object... args)
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

	/** "整改任务!F7" as Excel would name the cell, or the sheet alone. */
	public String location() {
		if (this.sheet == null) {
			return "";
		}
		return this.sheet + ((this.row != null) ? "!" + ((this.column != null) ? this.column : "") + this.row : "");
	}

}

package org.rectiflow.system;

/**
 * Text written into a spreadsheet cell must never be read as a formula, neither by Excel nor by a tool the sheet is
 * later converted with (CSV): a cell starting with {@code = + - @}, a tab or a carriage return is prefixed with an
 * apostrophe, as OWASP recommends against formula injection (CSV injection). Task titles, measures and names come
 * from people, and an exported list travels far.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	public static String neutralised(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

}

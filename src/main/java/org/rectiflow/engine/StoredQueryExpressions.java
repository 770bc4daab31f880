package org.rectiflow.engine;

import java.util.regex.Pattern;

/**
 * The only expressions a saved filter may hold: who is looking ({@code currentUser()}, {@code currentUserGroups()})
 * and dates relative to now ({@code now()}, {@code dateTime()} with whole-number plus/minus steps, and
 * {@code workingDays.endOfWorkingDaysFromNow(n)} for deadlines in working days). Everything else, any other bean,
 * method, property or operator, is refused: filters are evaluated for every person who opens Tasklist.
 */
final class StoredQueryExpressions {

	private static final String DATE_TIME = "dateTime\\(\\)(?:\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes)"
			+ "\\(\\d{1,4}\\)|\\.withTimeAtStartOfDay\\(\\))*\\.toDate\\(\\)";

	private static final Pattern ALLOWED = Pattern.compile("\\$\\{\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)|"
			+ DATE_TIME + "|workingDays\\.endOfWorkingDaysFromNow\\(\\d{1,3}\\))\\s*}");

	private StoredQueryExpressions() {
	}

	static boolean isAllowed(String expression) {
		return expression != null && ALLOWED.matcher(expression).matches();
	}

}

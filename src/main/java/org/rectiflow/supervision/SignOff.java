package org.rectiflow.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.StringUtils;

/**
 * An on-site supervision sign-off as a member of the discipline committee fills it in: when and where, who took
 * part, what was checked, the findings, and the verdict (pass, or return to the department with the findings).
 */
public record SignOff(LocalDate date, String place, String participants, String checkedItems, String findings,
		String verdict) {

	public static final String PASS = "accept";

	public static final String RETURN = "return";

	static final int MAX_SHORT = 200;

	static final int MAX_TEXT = 5000;

	/** What the sign-off records about the visit itself. */
	public record Visit(LocalDate date, String place, String participants, String checkedItems) {
	}

	public Visit visit() {
		return new Visit(this.date, trim(this.place), trim(this.participants), trim(this.checkedItems));
	}

	/** A rule broken by one field: the field's name in the form and the message key saying why. */
	public record Problem(String field, String messageKey) {
	}

	/** Every rule the sign-off breaks; empty when it is complete. */
	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		if (this.date == null) {
			problems.add(new Problem("date", "error.signOff.date"));
		}
		required(problems, "place", this.place, MAX_SHORT);
		required(problems, "participants", this.participants, MAX_SHORT * 2);
		required(problems, "checkedItems", this.checkedItems, MAX_TEXT);
		required(problems, "findings", this.findings, MAX_TEXT);
		if (!PASS.equals(this.verdict) && !RETURN.equals(this.verdict)) {
			problems.add(new Problem("verdict", "error.signOff.verdict"));
		}
		return problems;
	}

	private static void required(List<Problem> problems, String field, String value, int max) {
		if (!StringUtils.hasText(value)) {
			problems.add(new Problem(field, "error.signOff.required"));
		}
		else if (value.trim().length() > max) {
			problems.add(new Problem(field, "error.signOff.tooLong"));
		}
	}

	private static String trim(String value) {
		return (value == null) ? null : value.trim();
	}

}

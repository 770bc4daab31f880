package org.rectiflow.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit's own words in a report, as the rectification office writes them in the portal before approval: the heading
 * (issuing organ line 红头, document number 文号, title, the 社会公开稿 mark, date of issue, the issuing body signing
 * under the text), the narrative sections
 * (organisation and leadership, how the work was done, next steps), the contact block, how problems and items are
 * numbered, and the text of each item (what the department did, as accepted, with an optional short heading). What
 * is not here (counts, categories, problems, outcomes, long-term items) is generated from the ledger and cannot be
 * edited. A field left empty takes the generated default when the report is rendered.
 * <p>
 * The narrative sections are text, one block a line: a line starting with （一）… is a subheading (numbered again
 * in order when rendered), any other line a paragraph.
 */
public record ReportNarrative(String issuingOrgan, String documentNumber, String title, boolean publicMark,
		LocalDate issuedOn, String leadership, String workDone, String nextSteps, String contactOffice,
		String contactTelephone, String contactAddress, String contactPostcode, ProblemNumbering problemNumbering,
		boolean itemMarks, Map<Long, Item> items, String signature) {

	/** The line marking the version for the public (社会公开稿), as the heading carries it. */
	public static final String PUBLIC_MARK = "（社会公开稿）";

	/** How the problems of the report are numbered. */
	public enum ProblemNumbering {

		/** 1. 2. 3. in each category, starting again at 1 in the next (the reference report). */
		PER_CATEGORY,
		/** 1. to 30. running through all categories. */
		CONTINUOUS,
		/** 1.1. 1.2. as the ledger codes them (the report to the inspection office, by default). */
		LEDGER_CODES

	}

	/** One item (a rectification task) of the report: its own short heading, if any, and its text. */
	public record Item(String heading, String text) {
	}

	public ReportNarrative {
		items = (items == null) ? Map.of() : Map.copyOf(new LinkedHashMap<>(items));
	}

	/** The item as written for a task, if the office wrote one. */
	public Item item(Long taskId) {
		return this.items.get(taskId);
	}

}

package org.rectiflow.inspection;

import java.time.Clock;
import java.time.LocalDate;

import org.rectiflow.system.RectiflowException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The rules every date a person types must keep (issue 19), at every door: the portal, our API, the plan workbook
 * and the engine's REST API and Tasklist (through the steps' task listeners). A refused date gets a sentence naming
 * the field, the date and the bound it broke, in the person's language:
 * <ul>
 * <li>no date before {@link #EARLIEST} (a year typed as 1203 or 0202), none more than {@link #YEARS_AHEAD} years after
 * today (a year typed as 2206);</li>
 * <li>a date of an inspection's work (a step, a visit, a deadline, a rule's date of issue) is not before the day the
 * inspection group gave its feedback: nothing of the rectification happens before it;</li>
 * <li>a step already done (its effective date, a visit) is not after today;</li>
 * <li>a deadline set while drafting is not in the past, unless the inspection is recorded history, where its
 * deadlines have long passed and no timer is armed for them.</li>
 * </ul>
 * {@code fieldKey} is the message key of the field's label ({@code date.field.*}).
 */
@Component
public class TypedDates {

	/** Party inspections of the kind Rectiflow serves are all later than this. */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** A deadline, an extension or a plan lies at most this many years ahead; a rectification plan spans months. */
	public static final int YEARS_AHEAD = 5;

	private final InspectionRepository inspections;

	private final Clock clock;

	TypedDates(InspectionRepository inspections, Clock clock) {
		this.inspections = inspections;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	public LocalDate latest() {
		return today().plusYears(YEARS_AHEAD);
	}

	/** A date of no inspection in particular (a round, a handover, a notice's deadline): a plausible year. */
	public LocalDate plausible(LocalDate date, String fieldKey) {
		if (date == null) {
			return null;
		}
		if (date.isBefore(EARLIEST)) {
			throw new RectiflowException("error.date.tooEarly", label(fieldKey), date, EARLIEST);
		}
		if (date.isAfter(latest())) {
			throw new RectiflowException("error.date.tooFar", label(fieldKey), date, latest(), YEARS_AHEAD);
		}
		return date;
	}

	/** A date of the inspection's work: plausible, and not before its feedback. */
	public LocalDate ofInspection(Inspection inspection, LocalDate date, String fieldKey) {
		plausible(date, fieldKey);
		if (date != null && inspection.getFeedbackDate() != null && date.isBefore(inspection.getFeedbackDate())) {
			throw new RectiflowException("error.date.beforeInspection", label(fieldKey), date,
					inspection.getFeedbackDate());
		}
		return date;
	}

	public LocalDate ofInspection(Long inspectionId, LocalDate date, String fieldKey) {
		return ofInspection(inspection(inspectionId), date, fieldKey);
	}

	/** The date a step of the inspection was done: of the inspection, and not after today. */
	public LocalDate done(Inspection inspection, LocalDate date, String fieldKey) {
		return done(inspection.getFeedbackDate(), date, fieldKey);
	}

	/** The date a step was done in an inspection fed back on this day (none known: any plausible day). */
	public LocalDate done(LocalDate feedbackDate, LocalDate date, String fieldKey) {
		plausible(date, fieldKey);
		if (date != null && feedbackDate != null && date.isBefore(feedbackDate)) {
			throw new RectiflowException("error.date.beforeInspection", label(fieldKey), date, feedbackDate);
		}
		if (date != null && date.isAfter(today())) {
			throw new RectiflowException("error.date.inFuture", label(fieldKey), date, today());
		}
		return date;
	}

	public LocalDate done(Long inspectionId, LocalDate date, String fieldKey) {
		return done(inspection(inspectionId), date, fieldKey);
	}

	/** A deadline set while drafting: of the inspection and, unless it is recorded history, not in the past. */
	public LocalDate deadline(Inspection inspection, LocalDate deadline, String fieldKey) {
		ofInspection(inspection, deadline, fieldKey);
		if (deadline != null && !inspection.isRecordedHistory() && deadline.isBefore(today())) {
			throw new RectiflowException("error.date.deadlinePast", label(fieldKey), deadline, today());
		}
		return deadline;
	}

	/**
	 * The dates of feedback being registered: plausible, the feedback not after today, the on-site period in order
	 * and before the feedback; its tasks' deadlines as {@link #deadline} says.
	 */
	public void feedback(LocalDate onSiteFrom, LocalDate onSiteTo, LocalDate feedbackDate) {
		plausible(onSiteFrom, "date.field.onSiteFrom");
		plausible(onSiteTo, "date.field.onSiteTo");
		plausible(feedbackDate, "date.field.feedbackDate");
		if (feedbackDate != null && feedbackDate.isAfter(today())) {
			throw new RectiflowException("error.date.inFuture", label("date.field.feedbackDate"), feedbackDate, today());
		}
		if (onSiteFrom != null && onSiteTo != null && onSiteTo.isBefore(onSiteFrom)) {
			throw new RectiflowException("error.date.order", label("date.field.onSiteTo"), onSiteTo,
					label("date.field.onSiteFrom"), onSiteFrom);
		}
		LocalDate lastOnSite = (onSiteTo != null) ? onSiteTo : onSiteFrom;
		if (lastOnSite != null && feedbackDate != null && feedbackDate.isBefore(lastOnSite)) {
			throw new RectiflowException("error.date.order", label("date.field.feedbackDate"), feedbackDate,
					label((onSiteTo != null) ? "date.field.onSiteTo" : "date.field.onSiteFrom"), lastOnSite);
		}
	}

	private Inspection inspection(Long inspectionId) {
		return this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
	}

	/** The field's label, resolved in the person's language when the message is. */
	public static DefaultMessageSourceResolvable label(String fieldKey) {
		return new DefaultMessageSourceResolvable(new String[] { fieldKey }, fieldKey);
	}

}

package org.rectiflow.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rectiflow.plan.importing.ParsedReport;
import org.rectiflow.plan.importing.ReportFormatException;
import org.rectiflow.plan.importing.ReportParser;
import org.rectiflow.identity.Directory;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.TaskKind;
import org.rectiflow.unit.Units;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns the text of a feedback document or progress report into {@link Feedback}. Each task's lead department is
 * inferred from the text, its responsible leader is the department's leader in charge (configured under
 * {@code rectiflow.leaders-in-charge}), and its deadline the end of the concentrated period: all of it is the
 * rectification office's to correct while drafting.
 */
@Component
public class FeedbackImporter {

	private final ReportParser parser;

	private final LeadersInCharge leadersInCharge;

	/** Lead departments are inferred among the departments of the unit the report names (see {@link Units}). */
	FeedbackImporter(LeadersInCharge leadersInCharge, Directory directory, Units units) {
		this.leadersInCharge = leadersInCharge;
		this.parser = new ReportParser((unitName) -> directory.departmentsOf(units.unitForNewInspection(unitName)));
	}

	/** Department group id → user id of the leader in charge of it. */
	@ConfigurationProperties("rectiflow")
	record LeadersInCharge(Map<String, String> leadersInCharge) {

		String of(String department) {
			return (this.leadersInCharge == null) ? null : this.leadersInCharge.get(department);
		}

	}

	/** The institutional rules the report says were created or revised, by title. */
	public List<String> institutionalRules(String text) {
		return parse(text).institutionalRuleTitles();
	}

	public Feedback fromReport(String text) {
		ParsedReport report = parse(text);
		LocalDate deadline = report.feedbackDate().plusMonths(report.concentratedMonths());
		List<Feedback.Category> categories = report.categories()
			.stream()
			.map((c) -> new Feedback.Category(c.title(), c.problems()
				.stream()
				.map((p) -> new Feedback.ProblemItem(p.title(), false, p.tasks()
					.stream()
					.map((t) -> new Feedback.TaskItem(t.finding(), t.longTerm() ? TaskKind.LONG_TERM : TaskKind.CONCENTRATED,
							this.leadersInCharge.of(t.leadDepartment()), t.leadDepartment(), List.of(), null, deadline,
							t.measures(), false))
					.toList()))
				.toList()))
			.toList();
		return new Feedback(report.inspectingBody() + "巡察" + report.unitName(), report.inspectingBody(), report.unitName(), report.onSiteFrom(),
				report.onSiteTo(), report.feedbackDate(), report.documentNumbers(), report.concentratedMonths(),
				report.contactLine(), categories);
	}

	private ParsedReport parse(String text) {
		try {
			return this.parser.parse(text);
		}
		catch (ReportFormatException ex) {
			throw new RectiflowException("error.import.format", ex.getMessage());
		}
	}

}

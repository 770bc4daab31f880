package org.rectiflow.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The reports of a rectification: to the inspection office, its review opinions, and the public report. */
@Service
@Transactional
public class ReportService {

	private final RectificationReportRepository reports;

	private final ReviewOpinionRepository opinions;

	private final InstitutionalRuleRepository rules;

	private final PlanService plans;

	private final RectificationTaskService tasks;

	private final PublicReportRenderer renderer;

	private final Clock clock;

	ReportService(RectificationReportRepository reports, ReviewOpinionRepository opinions,
			InstitutionalRuleRepository rules, PlanService plans, RectificationTaskService tasks,
			PublicReportRenderer renderer, Clock clock) {
		this.reports = reports;
		this.opinions = opinions;
		this.rules = rules;
		this.plans = plans;
		this.tasks = tasks;
		this.renderer = renderer;
		this.clock = clock;
	}

	/** A draft of the rectification report: every task is settled, so the inspection is now reporting. */
	public RectificationReport draftSummary(Long inspectionId, String summary, String by) {
		this.plans.markReporting(inspectionId);
		return this.reports.save(new RectificationReport(inspectionId, ReportKind.DRAFT, summary, by, this.clock.instant()));
	}

	/** The committee approved the draft: what goes to the inspection office is the draft with the computed counts. */
	public RectificationReport submitToInspectionOffice(Long inspectionId, String by) {
		RectificationReport draft = latest(inspectionId, ReportKind.DRAFT)
			.orElseThrow(() -> new RectiflowException.Conflict("error.report.noDraft"));
		String content = this.renderer.renderSubmitted(inspectionId, draft.getContent());
		return this.reports.save(new RectificationReport(inspectionId, ReportKind.SUBMITTED, content, by,
				this.clock.instant()));
	}

	/** The inspection office's review opinion; a reopen must name existing tasks. */
	public ReviewOpinion recordReviewOpinion(Long inspectionId, String decision, String content, String taskCodes,
			String by) {
		String codes = null;
		if (RectificationProcess.REOPEN.equals(decision)) {
			codes = String.join(", ", this.tasks.findByCodes(inspectionId, taskCodes).stream().map((t) -> t.getCode()).toList());
		}
		return this.opinions.save(new ReviewOpinion(inspectionId, decision, content, codes, by, this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<ReviewOpinion> reviewOpinionsOf(Long inspectionId) {
		return this.opinions.findByInspectionIdOrderByReviewedAtAsc(inspectionId);
	}

	/** Publishes the public report: rendered from the ledger as it stands now, and frozen. */
	public RectificationReport publish(Long inspectionId, String contactLine, String by) {
		Inspection inspection = this.plans.inspection(inspectionId);
		if (StringUtils.hasText(contactLine)) {
			inspection.setContactLine(contactLine.trim());
		}
		return this.reports.save(new RectificationReport(inspectionId, ReportKind.PUBLIC,
				this.renderer.renderPublic(inspectionId), by, this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public String previewPublicReport(Long inspectionId) {
		return this.renderer.renderPublic(inspectionId);
	}

	@Transactional(readOnly = true)
	public Optional<RectificationReport> latest(Long inspectionId, ReportKind kind) {
		return this.reports.findByInspectionIdAndKindOrderByCreatedAtDesc(inspectionId, kind).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public List<InstitutionalRule> rulesOf(Long inspectionId) {
		return this.rules.findByInspectionIdOrderByIdAsc(inspectionId);
	}

	public InstitutionalRule addRule(Long inspectionId, Long taskId, String title, String action,
			LocalDate issuedOn) {
		if (!StringUtils.hasText(title)) {
			throw new RectiflowException("error.rule.title");
		}
		if (!"CREATED".equals(action) && !"REVISED".equals(action)) {
			throw new RectiflowException("error.rule.action", action);
		}
		this.plans.inspection(inspectionId);
		return this.rules.save(new InstitutionalRule(inspectionId, taskId, title.trim(), action, issuedOn));
	}

}

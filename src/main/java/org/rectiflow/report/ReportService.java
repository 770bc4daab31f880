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
import org.rectiflow.system.StepClock;
import org.rectiflow.inspection.TypedDates;
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

	private final StepClock stepClock;

	private final TypedDates typedDates;

	ReportService(RectificationReportRepository reports, ReviewOpinionRepository opinions,
			InstitutionalRuleRepository rules, PlanService plans, RectificationTaskService tasks,
			PublicReportRenderer renderer, Clock clock, StepClock stepClock, TypedDates typedDates) {
		this.typedDates = typedDates;
		this.stepClock = stepClock;
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
		return this.reports.save(new RectificationReport(inspectionId, ReportKind.DRAFT, summary, by, this.stepClock.now()));
	}

	/** The committee approved the draft: what goes to the inspection office is the draft with the computed counts. */
	public RectificationReport submitToInspectionOffice(Long inspectionId, String by) {
		RectificationReport draft = latest(inspectionId, ReportKind.DRAFT)
			.orElseThrow(() -> new RectiflowException.Conflict("error.report.noDraft"));
		String content = this.renderer.renderSubmitted(inspectionId, draft.getContent());
		return this.reports.save(new RectificationReport(inspectionId, ReportKind.SUBMITTED, content, by,
				this.stepClock.now()));
	}

	/** The inspection office's review opinion; a reopen must name existing tasks. */
	public ReviewOpinion recordReviewOpinion(Long inspectionId, String decision, String content, String taskCodes,
			String by) {
		String codes = null;
		if (RectificationProcess.REOPEN.equals(decision)) {
			codes = String.join(", ", this.tasks.findByCodes(inspectionId, taskCodes).stream().map((t) -> t.getCode()).toList());
		}
		return this.opinions.save(new ReviewOpinion(inspectionId, decision, content, codes, by, this.stepClock.now()));
	}

	@Transactional(readOnly = true)
	public List<ReviewOpinion> reviewOpinionsOf(Long inspectionId) {
		return this.opinions.findByInspectionIdOrderByReviewedAtAsc(inspectionId);
	}

	/**
	 * The rectification office asks the Party committee to approve publication: it has checked the text, and the
	 * contact line it gives goes into the text the committee reads.
	 */
	public void requestPublication(Long inspectionId, String contactLine, boolean confirmed) {
		if (!confirmed) {
			throw new RectiflowException("error.report.notConfirmed");
		}
		Inspection inspection = this.plans.inspection(inspectionId);
		if (StringUtils.hasText(contactLine)) {
			inspection.setContactLine(contactLine.trim());
		}
	}

	/**
	 * Publishes the public report once the committee approved: rendered from the ledger as it stands now, and
	 * frozen; from now on it is served without login.
	 */
	public RectificationReport publish(Long inspectionId, String by) {
		this.plans.inspection(inspectionId);
		return this.reports.save(new RectificationReport(inspectionId, ReportKind.PUBLIC,
				this.renderer.renderPublic(inspectionId), by, this.stepClock.now()));
	}

	@Transactional(readOnly = true)
	public String previewPublicReport(Long inspectionId) {
		return this.renderer.renderPublic(inspectionId);
	}

	/** The public report as published, or nothing before the committee approved publication. */
	@Transactional(readOnly = true)
	public Optional<ReportDocument> publishedPublicReport(Long inspectionId) {
		return latest(inspectionId, ReportKind.PUBLIC).map((r) -> ReportDocument.parse(r.getContent()));
	}

	/** The public report as published, or else what it would say if published now. */
	@Transactional(readOnly = true)
	public ReportDocument publicReport(Long inspectionId) {
		return publishedPublicReport(inspectionId)
			.orElseGet(() -> ReportDocument.parse(this.renderer.renderPublic(inspectionId)));
	}

	/**
	 * The rectification report to the inspection office: as submitted, or else what would go out now with the
	 * latest draft of the summary.
	 */
	@Transactional(readOnly = true)
	public ReportDocument rectificationReport(Long inspectionId) {
		return ReportDocument.parse(latest(inspectionId, ReportKind.SUBMITTED).map(RectificationReport::getContent)
			.orElseGet(() -> this.renderer.renderSubmitted(inspectionId,
					latest(inspectionId, ReportKind.DRAFT).map(RectificationReport::getContent).orElse(null))));
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
		this.typedDates.ofInspection(this.plans.inspection(inspectionId), issuedOn, "date.field.ruleIssuedOn");
		// A rule names a task of its own inspection: another inspection's (another unit's) task does not exist here.
		if (taskId != null && !inspectionId.equals(this.tasks.get(taskId).getInspectionId())) {
			throw new RectiflowException.NotFound("error.task.notFound", taskId);
		}
		return this.rules.save(new InstitutionalRule(inspectionId, taskId, title.trim(), action, issuedOn));
	}

}

package org.rectiflow.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.TypedDates;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.plan.importing.RuleSheet;
import org.rectiflow.system.Actors;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.StepClock;
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

	private final ReportDrafts drafts;

	private final StepClock stepClock;

	private final TypedDates typedDates;

	ReportService(RectificationReportRepository reports, ReviewOpinionRepository opinions,
			InstitutionalRuleRepository rules, PlanService plans, RectificationTaskService tasks,
			PublicReportRenderer renderer, Clock clock, ReportDrafts drafts, StepClock stepClock,
			TypedDates typedDates) {
		this.drafts = drafts;
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

	/**
	 * A draft of the rectification report: every task is settled, so the inspection is now reporting. The office
	 * sends it to the Party committee: the latest version of its words is the one the committee reads.
	 */
	public RectificationReport draftSummary(Long inspectionId, String summary, String by) {
		this.plans.markReporting(inspectionId);
		RectificationReport draft = this.reports
			.save(new RectificationReport(inspectionId, ReportKind.DRAFT, summary, by, this.stepClock.now()));
		this.drafts.requestApproval(inspectionId, ReportKind.SUBMITTED, null, by);
		return draft;
	}

	/**
	 * The committee approved the draft: what goes to the inspection office is the version of the words it read,
	 * with the summary and the computed counts; the version records the approval.
	 */
	public RectificationReport submitToInspectionOffice(Long inspectionId, String by) {
		RectificationReport draft = latest(inspectionId, ReportKind.DRAFT)
			.orElseThrow(() -> new RectiflowException.Conflict("error.report.noDraft"));
		Optional<ReportVersion> approved = this.drafts.requested(inspectionId, ReportKind.SUBMITTED);
		String content = this.renderer.renderSubmitted(inspectionId, draft.getContent(),
				approved.map(this.drafts::narrativeOf).orElse(null));
		RectificationReport report = this.reports.save(new RectificationReport(inspectionId, ReportKind.SUBMITTED,
				content, by, this.stepClock.now()));
		approved.ifPresent((v) -> this.drafts.approved(v, by, report));
		return report;
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
	 * The review opinions as a person of these units reads them: none when the inspection is of another unit (issue 18; the
	 * address is checked by isolation/UnitGate too). {@code null} units: every unit, for an administrator.
	 */
	@Transactional(readOnly = true)
	public List<ReviewOpinion> reviewOpinionsOf(Long inspectionId, Collection<String> units) {
		if (units == null) {
			return reviewOpinionsOf(inspectionId);
		}
		return units.isEmpty() ? List.of() : this.opinions.findByInspectionIdInUnits(inspectionId, units);
	}

	/**
	 * The rectification office asks the Party committee to approve publication: it has checked the text, and the
	 * contact line it gives goes into the text the committee reads.
	 */
	public void requestPublication(Long inspectionId, String contactLine, boolean confirmed) {
		requestPublication(inspectionId, contactLine, confirmed, null);
	}

	/**
	 * As above; the latest version of the office's words is the one the committee is asked to approve (a first
	 * version is saved from the data if the office never edited the draft).
	 */
	public void requestPublication(Long inspectionId, String contactLine, boolean confirmed, String by) {
		if (!confirmed) {
			throw new RectiflowException("error.report.notConfirmed");
		}
		Inspection inspection = this.plans.inspection(inspectionId);
		if (StringUtils.hasText(contactLine)) {
			inspection.setContactLine(contactLine.trim());
		}
		this.drafts.requestApproval(inspectionId, ReportKind.PUBLIC,
				StringUtils.hasText(contactLine) ? contactLine.trim() : null, (by != null) ? by : Actors.SYSTEM);
	}

	/**
	 * Publishes the public report once the committee approved: rendered from the ledger as it stands now, and
	 * frozen; from now on it is served without login.
	 */
	public RectificationReport publish(Long inspectionId, String by) {
		this.plans.inspection(inspectionId);
		Optional<ReportVersion> approved = this.drafts.requested(inspectionId, ReportKind.PUBLIC);
		RectificationReport report = this.reports.save(new RectificationReport(inspectionId, ReportKind.PUBLIC,
				this.renderer.renderPublic(inspectionId, approved.map(this.drafts::narrativeOf).orElse(null)), by,
				this.stepClock.now()));
		approved.ifPresent((v) -> this.drafts.approved(v, by, report));
		return report;
	}

	/** What the public report would say if published now, with the office's latest words. */
	@Transactional(readOnly = true)
	public String previewPublicReport(Long inspectionId) {
		return this.renderer.renderPublic(inspectionId, latestWords(inspectionId, ReportKind.PUBLIC));
	}

	private ReportNarrative latestWords(Long inspectionId, ReportKind kind) {
		return this.drafts.latest(inspectionId, kind).map(this.drafts::narrativeOf).orElse(null);
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
			.orElseGet(() -> ReportDocument.parse(previewPublicReport(inspectionId)));
	}

	/**
	 * The rectification report to the inspection office: as submitted, or else what would go out now with the
	 * latest draft of the summary.
	 */
	@Transactional(readOnly = true)
	public ReportDocument rectificationReport(Long inspectionId) {
		return ReportDocument.parse(latest(inspectionId, ReportKind.SUBMITTED).map(RectificationReport::getContent)
			.orElseGet(() -> this.renderer.renderSubmitted(inspectionId,
					latest(inspectionId, ReportKind.DRAFT).map(RectificationReport::getContent).orElse(null),
					latestWords(inspectionId, ReportKind.SUBMITTED))));
	}

	@Transactional(readOnly = true)
	public Optional<RectificationReport> latest(Long inspectionId, ReportKind kind) {
		return this.reports.findByInspectionIdAndKindOrderByCreatedAtDesc(inspectionId, kind).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public List<InstitutionalRule> rulesOf(Long inspectionId) {
		return this.rules.findByInspectionIdOrderByIdAsc(inspectionId);
	}

	/** The rules of an inspection that exists: an unknown inspection is "not found", as on every page of it. */
	@Transactional(readOnly = true)
	public List<InstitutionalRule> rulesOfInspection(Long inspectionId) {
		this.plans.inspection(inspectionId);
		return rulesOf(inspectionId);
	}

	/**
	 * The institutional rules as a person of these units reads them: none when the inspection is of another unit (issue 18; the
	 * address is checked by isolation/UnitGate too). {@code null} units: every unit, for an administrator.
	 */
	@Transactional(readOnly = true)
	public List<InstitutionalRule> rulesOf(Long inspectionId, Collection<String> units) {
		if (units == null) {
			return rulesOf(inspectionId);
		}
		return units.isEmpty() ? List.of() : this.rules.findByInspectionIdInUnits(inspectionId, units);
	}

	public InstitutionalRule addRule(Long inspectionId, Long taskId, String title, String action,
			LocalDate issuedOn) {
		return addRule(inspectionId, taskId, title, action, issuedOn, null);
	}

	/** Registers a rule created or revised in the rectification, with its document number (文号) and date. */
	public InstitutionalRule addRule(Long inspectionId, Long taskId, String title, String action, LocalDate issuedOn,
			String documentNumber) {
		String number = checkRule(inspectionId, taskId, title, action, issuedOn, documentNumber);
		return this.rules.save(new InstitutionalRule(inspectionId, taskId, title.trim(), action, issuedOn, number));
	}

	/** Corrects a rule of the inspection: every field as given, checked as when it was registered. */
	public InstitutionalRule updateRule(Long inspectionId, Long ruleId, Long taskId, String title, String action,
			LocalDate issuedOn, String documentNumber) {
		InstitutionalRule rule = rule(inspectionId, ruleId);
		String number = checkRule(inspectionId, taskId, title, action, issuedOn, documentNumber);
		rule.update(taskId, title.trim(), action, issuedOn, number);
		return rule;
	}

	/** A rule of the inspection: another inspection's (another unit's) rule does not exist here. */
	@Transactional(readOnly = true)
	public InstitutionalRule rule(Long inspectionId, Long ruleId) {
		return this.rules.findById(ruleId)
			.filter((r) -> r.getInspectionId().equals(inspectionId))
			.orElseThrow(() -> new RectiflowException.NotFound("error.rule.notFound", ruleId));
	}

	/** The task a rule belongs to, named by its code in the ledger ("1.2.3"); none for an empty code. */
	@Transactional(readOnly = true)
	public Long taskIdOf(Long inspectionId, String code) {
		if (!StringUtils.hasText(code)) {
			return null;
		}
		return this.tasks.findByCodes(inspectionId, code.trim()).stream().findFirst().map((t) -> t.getId())
			.orElseThrow(() -> new RectiflowException("error.rule.taskCode", code));
	}

	/**
	 * The rules of the plan workbook's rule sheet: a rule whose name is registered already is corrected, any other
	 * added. All or nothing: a bad document number or an unknown task code refuses the sheet, naming its row.
	 * @return how many rules were added or corrected
	 */
	public int importRules(Long inspectionId, List<RuleSheet.Rule> sheet) {
		Map<String, InstitutionalRule> byTitle = new HashMap<>();
		rulesOf(inspectionId).forEach((r) -> byTitle.putIfAbsent(r.getTitle(), r));
		for (RuleSheet.Rule row : sheet) {
			Long taskId;
			try {
				taskId = taskIdOf(inspectionId, row.taskCode());
			}
			catch (RectiflowException ex) {
				throw new RectiflowException("error.ruleSheet.taskCode", row.row(), row.taskCode());
			}
			try {
				InstitutionalRule known = byTitle.get(row.title());
				if (known != null) {
					updateRule(inspectionId, known.getId(), taskId, row.title(), row.action(), row.issuedOn(),
							row.documentNumber());
				}
				else {
					byTitle.put(row.title(), addRule(inspectionId, taskId, row.title(), row.action(), row.issuedOn(),
							row.documentNumber()));
				}
			}
			catch (RectiflowException ex) {
				if ("error.rule.documentNumber".equals(ex.getMessageKey())) {
					throw new RectiflowException("error.ruleSheet.documentNumber", row.row(), row.documentNumber());
				}
				// Any other refusal of the row (its date, its name) in its own words, with the row it came from.
				throw new RectiflowException("error.ruleSheet.row", row.row(), ex);
			}
		}
		return sheet.size();
	}

	/** Checks a rule before anything is stored; returns its document number as it is kept (or null). */
	private String checkRule(Long inspectionId, Long taskId, String title, String action, LocalDate issuedOn,
			String documentNumber) {
		if (!StringUtils.hasText(title)) {
			throw new RectiflowException("error.rule.title");
		}
		if (!"CREATED".equals(action) && !"REVISED".equals(action)) {
			throw new RectiflowException("error.rule.action", action);
		}
		String number = StringUtils.hasText(documentNumber) ? documentNumber.strip().replace(" ", "") : null;
		if (number != null && !ReportDrafts.DOCUMENT_NUMBER.matcher(number).matches()) {
			throw new RectiflowException("error.rule.documentNumber", number);
		}
		this.typedDates.ofInspection(this.plans.inspection(inspectionId), issuedOn, "date.field.ruleIssuedOn");
		// A rule names a task of its own inspection: another inspection's (another unit's) task does not exist here.
		if (taskId != null && !inspectionId.equals(this.tasks.get(taskId).getInspectionId())) {
			throw new RectiflowException.NotFound("error.task.notFound", taskId);
		}
		return number;
	}

}

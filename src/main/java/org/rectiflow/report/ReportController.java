package org.rectiflow.report;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.rectiflow.identity.Viewer;
import org.rectiflow.system.ApiController;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.identity.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** API of the reports: the rectification report, review opinions, the public report, institutional rules. */
@ApiController("/api/inspections/{inspectionId}")
class ReportController {

	private final ReportService reports;

	ReportController(ReportService reports) {
		this.reports = reports;
	}

	record ReportView(ReportKind kind, String content, String createdBy, Instant createdAt) {

		static ReportView of(RectificationReport r) {
			return new ReportView(r.getKind(), r.getContent(), r.getCreatedBy(), r.getCreatedAt());
		}

	}

	record OpinionView(String decision, String content, String reopenedTaskCodes, String reviewedBy,
			Instant reviewedAt) {
	}

	record RuleRequest(Long taskId, String title, String action, LocalDate issuedOn, String documentNumber) {
	}

	record RuleView(Long id, Long taskId, String title, String action, LocalDate issuedOn, String documentNumber) {

		static RuleView of(InstitutionalRule r) {
			return new RuleView(r.getId(), r.getTaskId(), r.getTitle(), r.getAction(), r.getIssuedOn(),
					r.getDocumentNumber());
		}

	}

	/** The latest report of a kind: draft, submitted or public. */
	@GetMapping("/reports/{kind}")
	@PreAuthorize(Roles.REPORTS)
	ReportView report(@PathVariable Long inspectionId, @PathVariable String kind) {
		ReportKind reportKind;
		try {
			reportKind = ReportKind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RectiflowException.NotFound("error.report.notFound");
		}
		return this.reports.latest(inspectionId, reportKind)
			.map(ReportView::of)
			.orElseThrow(() -> new RectiflowException.NotFound("error.report.notFound"));
	}

	/** What the public report would say if published now. */
	@PreAuthorize(Roles.REPORTS)
	@GetMapping(path = "/public-report/preview", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
	String preview(@PathVariable Long inspectionId) {
		return this.reports.previewPublicReport(inspectionId);
	}

	@GetMapping("/review-opinions")
	@PreAuthorize(Roles.REPORTS)
	List<OpinionView> reviewOpinions(@PathVariable Long inspectionId) {
		return this.reports.reviewOpinionsOf(inspectionId, Viewer.current().unitCut())
			.stream()
			.map((o) -> new OpinionView(o.getDecision(), o.getContent(), o.getReopenedTaskCodes(), o.getReviewedBy(),
					o.getReviewedAt()))
			.toList();
	}

	@GetMapping("/institutional-rules")
	@PreAuthorize(Roles.REPORTS)
	List<RuleView> rules(@PathVariable Long inspectionId) {
		return this.reports.rulesOf(inspectionId, Viewer.current().unitCut()).stream().map(RuleView::of).toList();
	}

	@PostMapping("/institutional-rules")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	ResponseEntity<RuleView> addRule(@PathVariable Long inspectionId, @RequestBody RuleRequest request) {
		InstitutionalRule rule = this.reports.addRule(inspectionId, request.taskId(), request.title(), request.action(),
				request.issuedOn(), request.documentNumber());
		return ResponseEntity.created(URI.create("/api/inspections/" + inspectionId + "/institutional-rules/" + rule.getId()))
			.body(RuleView.of(rule));
	}

	/** Corrects a rule: every field as given (a field left out is cleared, except title and action, required). */
	@PutMapping("/institutional-rules/{ruleId}")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	RuleView updateRule(@PathVariable Long inspectionId, @PathVariable Long ruleId, @RequestBody RuleRequest request) {
		return RuleView.of(this.reports.updateRule(inspectionId, ruleId, request.taskId(), request.title(),
				request.action(), request.issuedOn(), request.documentNumber()));
	}

}

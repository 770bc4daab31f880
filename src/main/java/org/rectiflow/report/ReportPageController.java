package org.rectiflow.report;

import java.time.ZoneId;
import java.util.Optional;

import org.rectiflow.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reports in the portal: the public progress report (整改进展情况通报) as published, or a preview generated from
 * the ledger before publication, and the rectification report to the inspection office (整改情况报告, full and not
 * public, for the roles that oversee the rectification); each as a page, {@code .docx} and PDF. Both are for the
 * readers of the whole plan ({@link Roles#REPORTS}): until the Party committee approves publication the progress
 * report is an internal draft covering every department's tasks, which a department's clerk may not read; once
 * published, everyone reads it at its public address ({@link PublicReportController}).
 */
@Controller
class ReportPageController {

	private final ReportService reports;

	private final ReportFormats formats;

	ReportPageController(ReportService reports, ReportFormats formats) {
		this.reports = reports;
		this.formats = formats;
	}

	@GetMapping("/inspections/{inspectionId}/public-report")
	@PreAuthorize(Roles.REPORTS)
	String publicReport(@PathVariable Long inspectionId, Model model) {
		Optional<RectificationReport> published = this.reports.latest(inspectionId, ReportKind.PUBLIC);
		model.addAttribute("inspectionId", inspectionId);
		model.addAttribute("published", published.isPresent());
		model.addAttribute("publishedAt", published.map(RectificationReport::getCreatedAt)
			.map((i) -> i.atZone(ZoneId.of("Asia/Shanghai")))
			.orElse(null));
		model.addAttribute("doc", this.reports.publicReport(inspectionId));
		return "report/public-report";
	}

	@GetMapping("/inspections/{inspectionId}/public-report.pdf")
	@PreAuthorize(Roles.REPORTS)
	ResponseEntity<byte[]> publicReportPdf(@PathVariable Long inspectionId) {
		return ReportFiles.pdf("整改进展情况通报", this.formats.pdf(this.reports.publicReport(inspectionId)));
	}

	@GetMapping("/inspections/{inspectionId}/public-report.docx")
	@PreAuthorize(Roles.REPORTS)
	ResponseEntity<byte[]> publicReportDocx(@PathVariable Long inspectionId) {
		return ReportFiles.docx("整改进展情况通报", this.formats.docx(this.reports.publicReport(inspectionId)));
	}

	@GetMapping("/inspections/{inspectionId}/rectification-report")
	@PreAuthorize(Roles.REPORTS)
	String rectificationReport(@PathVariable Long inspectionId, Model model) {
		Optional<RectificationReport> submitted = this.reports.latest(inspectionId, ReportKind.SUBMITTED);
		model.addAttribute("inspectionId", inspectionId);
		model.addAttribute("submitted", submitted.isPresent());
		model.addAttribute("submittedAt", submitted.map(RectificationReport::getCreatedAt)
			.map((i) -> i.atZone(ZoneId.of("Asia/Shanghai")))
			.orElse(null));
		model.addAttribute("doc", this.reports.rectificationReport(inspectionId));
		return "report/rectification-report";
	}

	@GetMapping("/inspections/{inspectionId}/rectification-report.pdf")
	@PreAuthorize(Roles.REPORTS)
	ResponseEntity<byte[]> rectificationReportPdf(@PathVariable Long inspectionId) {
		return ReportFiles.pdf("整改情况报告", this.formats.pdf(this.reports.rectificationReport(inspectionId)));
	}

	@GetMapping("/inspections/{inspectionId}/rectification-report.docx")
	@PreAuthorize(Roles.REPORTS)
	ResponseEntity<byte[]> rectificationReportDocx(@PathVariable Long inspectionId) {
		return ReportFiles.docx("整改情况报告", this.formats.docx(this.reports.rectificationReport(inspectionId)));
	}

}

package org.rectiflow.report;

import org.rectiflow.system.RectiflowException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public progress report for everyone, without login, at a stable address
 * ({@code /public/inspections/{id}/progress-report}, {@code .pdf}, {@code .docx}) — and only once the Party
 * committee approved its publication: before that, every address answers 404 and tells nothing of the ledger. What
 * is served is the text frozen on publication, never the live ledger.
 */
@Controller
class PublicReportController {

	static final String PATH = "/public/inspections/{inspectionId}/progress-report";

	private final ReportService reports;

	private final ReportFormats formats;

	PublicReportController(ReportService reports, ReportFormats formats) {
		this.reports = reports;
		this.formats = formats;
	}

	@GetMapping(PATH)
	String page(@PathVariable Long inspectionId, Model model) {
		model.addAttribute("inspectionId", inspectionId);
		model.addAttribute("doc", published(inspectionId));
		return "report/public";
	}

	@GetMapping(PATH + ".pdf")
	ResponseEntity<byte[]> pdf(@PathVariable Long inspectionId) {
		return ReportFiles.pdf("整改进展情况通报", this.formats.pdf(published(inspectionId)));
	}

	@GetMapping(PATH + ".docx")
	ResponseEntity<byte[]> docx(@PathVariable Long inspectionId) {
		return ReportFiles.docx("整改进展情况通报", this.formats.docx(published(inspectionId)));
	}

	private ReportDocument published(Long inspectionId) {
		return this.reports.publishedPublicReport(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.report.notPublished"));
	}

}

package org.rectiflow.report;

import java.time.ZoneId;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public progress report as published, or a preview generated from the ledger before publication. */
@Controller
class PublicReportPageController {

	private final ReportService reports;

	PublicReportPageController(ReportService reports) {
		this.reports = reports;
	}

	@GetMapping("/inspections/{inspectionId}/public-report")
	String publicReport(@PathVariable Long inspectionId, Model model) {
		Optional<RectificationReport> published = this.reports.latest(inspectionId, ReportKind.PUBLIC);
		model.addAttribute("inspectionId", inspectionId);
		model.addAttribute("published", published.isPresent());
		model.addAttribute("publishedAt", published.map(RectificationReport::getCreatedAt)
			.map((i) -> i.atZone(ZoneId.of("Asia/Shanghai")))
			.orElse(null));
		model.addAttribute("reportText", published.map(RectificationReport::getContent)
			.orElseGet(() -> this.reports.previewPublicReport(inspectionId)));
		return "report/public-report";
	}

}

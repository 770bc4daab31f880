package org.rectiflow.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.rectiflow.identity.Roles;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report drafts in the portal ({@code /inspections/{id}/reports/public/draft} and {@code …/submitted/draft}):
 * the rectification office writes the unit's words (heading, organisation and leadership, how the work was done,
 * next steps, contact block, numbering, each item's text) beside the locked data sections, every save a version;
 * the readers of the reports see the versions and compare two of them block by block
 * ({@code …/versions?from=1&to=2}). A refused save shows the page again with everything as typed and the reason.
 */
@Controller
class ReportDraftPageController {

	static final String OFFICE = "hasAuthority('GROUP_rectificationOffice')";

	private final ReportDrafts drafts;

	private final Messages messages;

	ReportDraftPageController(ReportDrafts drafts, Messages messages) {
		this.drafts = drafts;
		this.messages = messages;
	}

	@GetMapping("/inspections/{inspectionId}/reports/{kind}/draft")
	@PreAuthorize(Roles.REPORTS)
	String draft(@PathVariable Long inspectionId, @PathVariable String kind, Model model) {
		ReportKind reportKind = ReportDrafts.kindOf(kind);
		ReportNarrative words = this.drafts.current(inspectionId, reportKind);
		return page(inspectionId, reportKind, words, (words.issuedOn() == null) ? "" : words.issuedOn().toString(),
				model);
	}

	@PostMapping("/inspections/{inspectionId}/reports/{kind}/draft")
	@PreAuthorize(OFFICE)
	String save(@PathVariable Long inspectionId, @PathVariable String kind, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ReportKind reportKind = ReportDrafts.kindOf(kind);
		ReportNarrative typed = typed(inspectionId, reportKind, form, null);
		try {
			LocalDate issuedOn = issuedOn(form.get("issuedOn"));
			ReportNarrative words = typed(inspectionId, reportKind, form, issuedOn);
			ReportVersion version = this.drafts.save(inspectionId, reportKind, words, Actors.current());
			redirect.addFlashAttribute("message", this.messages.get("reportDraft.saved", version.getNumber()));
			return "redirect:/inspections/" + inspectionId + "/reports/" + kind + "/draft";
		}
		catch (RectiflowException ex) {
			if (ex instanceof RectiflowException.NotFound) {
				throw ex;
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", this.messages.get(ex));
			return page(inspectionId, reportKind, typed, form.getOrDefault("issuedOn", ""), model);
		}
	}

	@GetMapping("/inspections/{inspectionId}/reports/{kind}/versions")
	@PreAuthorize(Roles.REPORTS)
	String versions(@PathVariable Long inspectionId, @PathVariable String kind,
			@RequestParam(name = "from", required = false) Integer from,
			@RequestParam(name = "to", required = false) Integer to, Model model) {
		ReportKind reportKind = ReportDrafts.kindOf(kind);
		List<ReportVersion> versions = this.drafts.versions(inspectionId, reportKind);
		model.addAttribute("inspectionId", inspectionId);
		model.addAttribute("kind", kind);
		model.addAttribute("versions", versions);
		if (from != null && to != null) {
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			model.addAttribute("diff", this.drafts.compare(inspectionId, reportKind, from, to));
		}
		model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
		return "report/versions";
	}

	private String page(Long inspectionId, ReportKind kind, ReportNarrative words, String issuedOn, Model model) {
		model.addAttribute("inspectionId", inspectionId);
		model.addAttribute("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("isPublic", kind == ReportKind.PUBLIC);
		model.addAttribute("words", words);
		model.addAttribute("issuedOn", issuedOn);
		List<PublicReportRenderer.DefaultItem> items = (kind == ReportKind.PUBLIC) ? this.drafts.defaultItems(inspectionId)
				: List.of();
		model.addAttribute("items", items);
		List<ReportVersion> versions = this.drafts.versions(inspectionId, kind);
		model.addAttribute("versions", versions);
		model.addAttribute("requested", this.drafts.requested(inspectionId, kind).orElse(null));
		model.addAttribute("frozen", kind == ReportKind.PUBLIC && this.drafts.published(inspectionId));
		ReportDocument preview;
		try {
			preview = ReportDocument.parse(this.drafts.render(inspectionId, kind, words));
		}
		catch (RuntimeException ex) {
			preview = null;
		}
		model.addAttribute("doc", preview);
		return "report/draft";
	}

	/**
	 * The words as typed. An item's text left as the data gives it is not stored as the office's own: it goes on
	 * following the department's account.
	 */
	private ReportNarrative typed(Long inspectionId, ReportKind kind, Map<String, String> form, LocalDate issuedOn) {
		Map<Long, ReportNarrative.Item> items = new LinkedHashMap<>();
		if (kind == ReportKind.PUBLIC) {
			for (PublicReportRenderer.DefaultItem d : this.drafts.defaultItems(inspectionId)) {
				String heading = form.get("itemHeading." + d.taskId());
				String text = form.get("itemText." + d.taskId());
				if (text != null && Objects.equals(text.strip(), d.text())) {
					text = null;
				}
				if ((heading != null && !heading.isBlank()) || (text != null && !text.isBlank())) {
					items.put(d.taskId(), new ReportNarrative.Item(heading, text));
				}
			}
		}
		ReportNarrative.ProblemNumbering numbering = null;
		for (ReportNarrative.ProblemNumbering n : ReportNarrative.ProblemNumbering.values()) {
			if (n.name().equals(form.get("problemNumbering"))) {
				numbering = n;
			}
		}
		return new ReportNarrative(form.get("issuingOrgan"), form.get("documentNumber"), form.get("title"),
				"on".equals(form.get("publicMark")) || "true".equals(form.get("publicMark")), issuedOn,
				form.get("leadership"), form.get("workDone"), form.get("nextSteps"), form.get("contactOffice"),
				form.get("contactTelephone"), form.get("contactAddress"), form.get("contactPostcode"), numbering,
				"on".equals(form.get("itemMarks")) || "true".equals(form.get("itemMarks")), items, form.get("signature"));
	}

	private static LocalDate issuedOn(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.reportDraft.issuedOn", text);
		}
	}

}

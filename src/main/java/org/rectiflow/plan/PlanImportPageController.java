package org.rectiflow.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Viewer;
import org.rectiflow.plan.importing.ParsedPlan;
import org.rectiflow.plan.importing.PlanWorkbookException;
import org.rectiflow.plan.importing.PlanWorkbookReader;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;
import org.rectiflow.round.InspectingBody;
import org.rectiflow.round.RoundUnit;
import org.rectiflow.round.Rounds;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rectification office's page for registering feedback and plan from a workbook ({@code /inspections/import}):
 * the template to download, the upload form, and every error of a refused workbook listed by sheet, row and column
 * with the unknown leaders and departments, so the office corrects the sheet in one go rather than one error per
 * upload. While a plan is drafted, the problem list offers it as a filled-in workbook
 * ({@code /inspections/{id}/plan.xlsx}) and takes the reworked one back ({@code POST /inspections/{id}/plan}).
 */
@Controller
class PlanImportPageController {

	static final String OFFICE = "hasAuthority('GROUP_rectificationOffice')";

	/** The unit's office for its own unit; with a round, the round's inspection group or the office (checked in code). */
	static final String REGISTERS = OFFICE + " or #round != null";

	/** A page listing thousands of errors helps nobody; the first ones show what is wrong. */
	static final int ERRORS_SHOWN = 200;

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDays.ZONE);

	private final PlanWorkbookImporter importer;

	private final PlanWorkbookTemplate template;

	private final MessageSource messageSource;

	private final Messages messages;

	private final PlanService plans;

	private final Units units;

	private final InspectingBody inspectingBody;

	private final Rounds rounds;

	PlanImportPageController(PlanWorkbookImporter importer, PlanWorkbookTemplate template, MessageSource messageSource,
			Messages messages, PlanService plans, Units units, InspectingBody inspectingBody, Rounds rounds) {
		this.plans = plans;
		this.units = units;
		this.inspectingBody = inspectingBody;
		this.rounds = rounds;
		this.importer = importer;
		this.template = template;
		this.messageSource = messageSource;
		this.messages = messages;
	}

	/** One error as the page lists it. */
	record ErrorLine(String sheet, Integer row, String column, String message) {
	}

	@GetMapping("/inspections/import")
	@PreAuthorize(REGISTERS)
	String form(@RequestParam(required = false) Long round, @RequestParam(required = false) String unit, Model model) {
		target(round, unit, model);
		limits(model);
		units(model);
		model.addAttribute("action", "/inspections/import");
		return "plan/import";
	}

	/**
	 * The round's unit the upload is for (shown on the page, sent back with it), checked as the API checks it; null
	 * for the unit's own registration, which only its rectification office may do.
	 */
	private RoundUnit target(Long round, String unit, Model model) {
		if (round == null) {
			// The unit's own registration: its rectification office (the form offers its units when it has several).
			if (!Viewer.current().groups().contains(Groups.RECTIFICATION_OFFICE)) {
				throw new AccessDeniedException("rectification office only");
			}
			return null;
		}
		if (!StringUtils.hasText(unit)) {
			throw new RectiflowException("error.handOver.roundAndUnit");
		}
		RoundUnit target = this.inspectingBody.requireMayActFor(Viewer.current(), round, unit.trim());
		model.addAttribute("target", target);
		model.addAttribute("targetRound", this.rounds.get(round));
		return target;
	}

	/** The plan being drafted as a filled-in workbook, to rework in Excel and upload again. */
	@GetMapping("/inspections/{inspectionId}/plan.xlsx")
	@PreAuthorize(OFFICE)
	void currentPlan(@PathVariable Long inspectionId, Locale locale, HttpServletResponse response) throws IOException {
		ParsedPlan plan = this.importer.currentPlan(inspectionId);
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(this.messages.get("plan.import.planFile") + "-" + plan.title().replaceAll("[\\\\/:*?\"<>|\\r\\n]", "")
					+ ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		this.template.write(response.getOutputStream(), locale, plan, this.importer.unitOf(inspectionId));
	}

	/** The reworked workbook replaces the plan being drafted; errors are listed as for a first import. */
	@PostMapping("/inspections/{inspectionId}/plan")
	@PreAuthorize(OFFICE)
	String replace(@PathVariable Long inspectionId, @RequestParam("file") MultipartFile file, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		PlanWorkbookImporter.Outcome outcome;
		try {
			byte[] bytes = (file.getSize() > PlanWorkbookReader.MAX_FILE_BYTES) ? tooLarge(file) : file.getBytes();
			outcome = this.importer.replacePlan(inspectionId, bytes, locale);
		}
		catch (PlanWorkbookException ex) {
			refused(ex, file, locale, model, response);
			model.addAttribute("action", "/inspections/" + inspectionId + "/plan");
			model.addAttribute("replacing", this.importer.currentPlan(inspectionId).title());
			return "plan/import";
		}
		redirect.addFlashAttribute("message", outcome.alreadyImported() ? this.messages.get("plan.import.unchanged")
				: this.messages.get("plan.import.replaced", outcome.problems(), outcome.tasks()));
		return "redirect:/inspections/" + inspectionId;
	}

	@GetMapping("/inspections/import/template.xlsx")
	@PreAuthorize(OFFICE + " or (#round != null and @inspectingBody.isOverseer())")
	void template(@RequestParam(required = false) Long round, Locale locale, Principal principal,
			HttpServletResponse response) throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(this.messages.get("plan.import.templateFile") + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		this.template.write(response.getOutputStream(), locale, this.importer.unitOfPerson(principal.getName()));
	}

	@PostMapping("/inspections/import")
	@PreAuthorize(REGISTERS)
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) Long round,
			@RequestParam(required = false) String unit,
			@RequestParam(name = "unitId", required = false) String unitId,
			@RequestParam(defaultValue = "false") boolean recordedHistory, Principal principal, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		RoundUnit target = target(round, unit, model);
		PlanWorkbookImporter.Outcome outcome;
		String unitOfUpload;
		try {
			// A round's unit for its inspection group; otherwise the unit the person registers for (issue 18).
			unitOfUpload = (target != null) ? target.unitId() : this.plans.unitForRegistration(unitId, Viewer.current());
		}
		catch (RectiflowException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", this.messages.get(ex));
			limits(model);
			units(model);
			model.addAttribute("action", "/inspections/import");
			return "plan/import";
		}
		try {
			byte[] bytes = (file.getSize() > PlanWorkbookReader.MAX_FILE_BYTES) ? tooLarge(file) : file.getBytes();
			try {
				outcome = this.importer.importWorkbook(bytes, unitOfUpload, target, file.getOriginalFilename(),
						principal.getName(), locale, recordedHistory);
			}
			catch (DuplicateKeyException ex) {
				outcome = this.importer.earlier(bytes, unitOfUpload, locale, recordedHistory).orElseThrow(() -> ex);
			}
		}
		catch (PlanWorkbookException ex) {
			refused(ex, file, locale, model, response);
			units(model);
			model.addAttribute("selectedUnit", unitOfUpload);
			model.addAttribute("action", "/inspections/import");
			return "plan/import";
		}
		redirect.addFlashAttribute("message", outcome.alreadyImported()
				? this.messages.get("plan.import.already", WHEN.format(outcome.importedAt()), outcome.title())
				: this.messages.get("plan.import.done", outcome.problems(), outcome.tasks()));
		// The group's feedback stays with the group until handed over: back to the round, where it is handed over.
		return (target != null) ? "redirect:/office/rounds/" + target.roundId()
				: "redirect:/inspections/" + outcome.inspectionId();
	}

	private void refused(PlanWorkbookException ex, MultipartFile file, Locale locale, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		List<ErrorLine> lines = ex.getErrors()
			.stream()
			.limit(ERRORS_SHOWN)
			.map((e) -> new ErrorLine(e.sheet(), e.row(), e.column(), this.messageSource.getMessage(e, locale)))
			.toList();
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("errors", lines);
		model.addAttribute("errorCount", ex.getErrors().size());
		model.addAttribute("unknownLeaders", String.join("、", ex.getUnknownLeaders()));
		model.addAttribute("unknownDepartments", String.join("、", ex.getUnknownDepartments()));
		limits(model);
	}

	/** Not read at all: the reader refuses it by its size, without the bytes. */
	private static byte[] tooLarge(MultipartFile file) {
		throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.tooLarge",
				String.format(Locale.ROOT, "%.1f MB", file.getSize() / 1024.0 / 1024.0),
				String.format(Locale.ROOT, "%.1f MB", PlanWorkbookReader.MAX_FILE_BYTES / 1024.0 / 1024.0)));
	}

	/** The units the person may register for, offered as a choice when there are several (issue 18). */
	private void units(Model model) {
		Viewer viewer = Viewer.current();
		List<Unit> choices = viewer.allUnits() ? this.units.all() : this.units.all()
			.stream()
			.filter((u) -> viewer.units().contains(u.getId()))
			.toList();
		model.addAttribute("unitChoices", (choices.size() > 1) ? choices : List.of());
	}

	private static void limits(Model model) {
		model.addAttribute("maxMegabytes", PlanWorkbookReader.MAX_FILE_BYTES / 1024 / 1024);
		model.addAttribute("maxRows", PlanWorkbookReader.MAX_ROWS);
	}

}

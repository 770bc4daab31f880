package org.rectiflow.report;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.rectiflow.identity.Roles;
import org.rectiflow.plan.importing.PlanWorkbookException;
import org.rectiflow.plan.importing.PlanWorkbookReader;
import org.rectiflow.plan.importing.RuleSheet;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The institutional rules (制度) of a rectification in the portal ({@code /inspections/{id}/institutional-rules}):
 * the readers of the reports see the list; the rectification office registers a rule with its document number
 * (文号) and date, and corrects one ({@code ?edit=ruleId}). A refused entry shows the form again as typed.
 */
@Controller
class InstitutionalRulePageController {

	/** The form as typed, kept when it is refused. */
	record RuleForm(Long id, String title, String documentNumber, String issuedOn, String action, String taskCode) {
	}

	private final ReportService reports;

	private final RectificationTaskService tasks;

	private final Messages messages;

	private final PlanWorkbookReader reader;

	private final MessageSource messageSource;

	InstitutionalRulePageController(ReportService reports, RectificationTaskService tasks, Messages messages,
			PlanWorkbookReader reader, MessageSource messageSource) {
		this.reports = reports;
		this.tasks = tasks;
		this.messages = messages;
		this.reader = reader;
		this.messageSource = messageSource;
	}

	@GetMapping("/inspections/{inspectionId}/institutional-rules")
	@PreAuthorize(Roles.REPORTS)
	String rules(@PathVariable Long inspectionId, @RequestParam(name = "edit", required = false) Long edit,
			Model model) {
		RuleForm form = new RuleForm(null, "", "", "", "CREATED", "");
		if (edit != null) {
			InstitutionalRule r = this.reports.rule(inspectionId, edit);
			form = new RuleForm(r.getId(), r.getTitle(), r.getDocumentNumber(),
					(r.getIssuedOn() == null) ? "" : r.getIssuedOn().toString(), r.getAction(), codeOf(inspectionId, r));
		}
		return page(inspectionId, form, model);
	}

	@PostMapping("/inspections/{inspectionId}/institutional-rules")
	@PreAuthorize(ReportDraftPageController.OFFICE)
	String add(@PathVariable Long inspectionId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(inspectionId, null, params, model, redirect, response);
	}

	@PostMapping("/inspections/{inspectionId}/institutional-rules/{ruleId}")
	@PreAuthorize(ReportDraftPageController.OFFICE)
	String edit(@PathVariable Long inspectionId, @PathVariable Long ruleId, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return save(inspectionId, ruleId, params, model, redirect, response);
	}

	/** The rule sheet (制度) of the plan workbook: the same file the plan was imported from, or any with the sheet. */
	@PostMapping("/inspections/{inspectionId}/institutional-rules/import")
	@PreAuthorize(ReportDraftPageController.OFFICE)
	String importSheet(@PathVariable Long inspectionId, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect, Locale locale) {
		try {
			if (file.getSize() > PlanWorkbookReader.MAX_FILE_BYTES) {
				throw new RectiflowException("error.ruleSheet.tooLarge");
			}
			List<RuleSheet.Rule> rules = this.reader.readRules(file.getBytes());
			redirect.addFlashAttribute("message", this.messages.get("rule.imported", this.reports.importRules(inspectionId, rules)));
		}
		catch (PlanWorkbookException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex) + "："
					+ String.join("；", ex.getErrors().stream().limit(10)
						.map((e) -> e.location() + " " + this.messageSource.getMessage(e, locale))
						.toList()));
		}
		catch (RectiflowException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex));
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("error", this.messages.get("workbook.error.unreadable"));
		}
		return "redirect:/inspections/" + inspectionId + "/institutional-rules";
	}

	private String save(Long inspectionId, Long ruleId, Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		RuleForm form = new RuleForm(ruleId, params.get("title"), params.get("documentNumber"), params.get("issuedOn"),
				params.get("action"), params.get("taskCode"));
		try {
			LocalDate issuedOn = date(form.issuedOn());
			Long taskId = this.reports.taskIdOf(inspectionId, form.taskCode());
			InstitutionalRule rule = (ruleId == null)
					? this.reports.addRule(inspectionId, taskId, form.title(), form.action(), issuedOn, form.documentNumber())
					: this.reports.updateRule(inspectionId, ruleId, taskId, form.title(), form.action(), issuedOn,
							form.documentNumber());
			redirect.addFlashAttribute("message", this.messages.get("rule.saved", rule.getTitle()));
			return "redirect:/inspections/" + inspectionId + "/institutional-rules";
		}
		catch (RectiflowException ex) {
			if (ex instanceof RectiflowException.NotFound) {
				throw ex;
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", this.messages.get(ex));
			return page(inspectionId, form, model);
		}
	}

	private String page(Long inspectionId, RuleForm form, Model model) {
		List<InstitutionalRule> rules = this.reports.rulesOfInspection(inspectionId);
		Map<Long, String> codes = this.tasks.tasksOf(inspectionId)
			.stream()
			.collect(Collectors.toMap(RectificationTask::getId, RectificationTask::getCode));
		model.addAttribute("inspectionId", inspectionId);
		model.addAttribute("rules", rules);
		model.addAttribute("codes", codes);
		model.addAttribute("form", form);
		return "report/rules";
	}

	private String codeOf(Long inspectionId, InstitutionalRule r) {
		if (r.getTaskId() == null) {
			return "";
		}
		return this.tasks.tasksOf(inspectionId)
			.stream()
			.collect(Collectors.toMap(RectificationTask::getId, Function.identity()))
			.get(r.getTaskId())
			.getCode();
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.rule.issuedOn", text);
		}
	}

}

package org.rectiflow.onboarding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.identity.Directory;
import org.rectiflow.system.Messages;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrator's pages for onboarding units (issue 18): {@code /units} lists the units, {@code /units/new}
 * creates one from a form (unit name, short name, a department per line, a person per line) or from a directory
 * workbook ({@code /units/import}; the template at {@code /units/template.xlsx}). A refused directory is shown again
 * with every error and where it is, nothing created; a created one shows each person's initial password once.
 */
@Controller
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class UnitOnboardingPageController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** A person's line of the form: fields separated by commas or tabs (a row pasted from Excel). */
	private static final Pattern FIELDS = Pattern.compile("\\s*[,，\\t]\\s*");

	/** Roles within a person's line: separated by 、 ; / or spaces. */
	private static final Pattern ROLES = Pattern.compile("[、;；/\\s]+");

	private final Onboarding onboarding;

	private final DirectoryWorkbook workbook;

	private final Units units;

	private final Directory directory;

	private final MessageSource messageSource;

	private final Messages messages;

	UnitOnboardingPageController(Onboarding onboarding, DirectoryWorkbook workbook, Units units, Directory directory,
			MessageSource messageSource, Messages messages) {
		this.onboarding = onboarding;
		this.workbook = workbook;
		this.units = units;
		this.directory = directory;
		this.messageSource = messageSource;
		this.messages = messages;
	}

	/** A unit as the list shows it. */
	record UnitRow(String id, String name, String shortName, int departments, int people) {
	}

	/** One error as the page lists it. */
	record ErrorLine(String sheet, Integer row, String column, String message) {
	}

	@GetMapping("/units")
	String units(Model model) {
		List<UnitRow> rows = new ArrayList<>();
		for (Unit unit : this.units.all()) {
			rows.add(new UnitRow(unit.getId(), unit.getName(), unit.getShortName(),
					this.directory.departmentsOf(unit.getId()).size(), this.units.userMembers(unit.getId()).size()));
		}
		model.addAttribute("units", rows);
		return "onboarding/units";
	}

	@GetMapping("/units/new")
	String form(Model model) {
		model.addAttribute("name", "");
		model.addAttribute("shortName", "");
		model.addAttribute("departments", "");
		model.addAttribute("people", "");
		return form(model, null);
	}

	@GetMapping("/units/template.xlsx")
	void template(Locale locale, HttpServletResponse response) throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(this.messages.get("onboarding.templateFile") + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		this.workbook.writeTemplate(response.getOutputStream(), locale);
	}

	@PostMapping("/units/new")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String shortName,
			@RequestParam(defaultValue = "") String departments, @RequestParam(defaultValue = "") String people,
			Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("name", name);
		model.addAttribute("shortName", shortName);
		model.addAttribute("departments", departments);
		model.addAttribute("people", people);
		try {
			return created(this.onboarding.onboard(fromForm(name, shortName, departments, people), locale), model);
		}
		catch (DirectoryException ex) {
			return refused(ex, null, locale, model, response);
		}
	}

	@PostMapping("/units/import")
	String upload(@RequestParam("file") MultipartFile file, Locale locale, Model model, HttpServletResponse response)
			throws IOException {
		model.addAttribute("name", "");
		model.addAttribute("shortName", "");
		model.addAttribute("departments", "");
		model.addAttribute("people", "");
		try {
			if (file.getSize() > DirectoryWorkbook.MAX_FILE_BYTES) {
				throw new DirectoryException(new WorkbookError(null, null, null, "onboarding.error.tooLarge",
						String.format(Locale.ROOT, "%.1f MB", DirectoryWorkbook.MAX_FILE_BYTES / 1024.0 / 1024.0)));
			}
			return created(this.onboarding.onboardWorkbook(file.getBytes(), locale), model);
		}
		catch (DirectoryException ex) {
			return refused(ex, file.getOriginalFilename(), locale, model, response);
		}
	}

	/** The form's text as a directory: a department per line; a person per line, their fields separated by commas. */
	static UnitDirectory fromForm(String name, String shortName, String departments, String people) {
		List<UnitDirectory.Department> ds = departments.lines()
			.map(String::strip)
			.filter((l) -> !l.isEmpty())
			.map(UnitDirectory.Department::new)
			.toList();
		List<UnitDirectory.Person> ps = people.lines().filter((l) -> !l.isBlank()).map((line) -> {
			String[] f = FIELDS.split(line.strip(), -1);
			String roles = field(f, 3);
			return new UnitDirectory.Person(field(f, 0), field(f, 1), field(f, 2),
					(roles == null) ? List.of() : Arrays.stream(ROLES.split(roles)).filter((r) -> !r.isBlank()).toList(),
					field(f, 4));
		}).toList();
		return new UnitDirectory(name, shortName, ds, ps);
	}

	private static String field(String[] fields, int i) {
		return (i < fields.length && !fields[i].isBlank()) ? fields[i].strip() : null;
	}

	private String created(Onboarding.Onboarded onboarded, Model model) {
		model.addAttribute("onboarded", onboarded);
		return "onboarding/created";
	}

	private String refused(DirectoryException ex, String fileName, Locale locale, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("fileName", fileName);
		model.addAttribute("errors", ex.getErrors()
			.stream()
			.map((e) -> new ErrorLine(e.sheet(), e.row(), e.column(), this.messageSource.getMessage(e, locale)))
			.toList());
		return form(model, ex);
	}

	private String form(Model model, DirectoryException ex) {
		model.addAttribute("roleLabels", DirectoryWorkbook.roleLabels());
		model.addAttribute("maxMegabytes", DirectoryWorkbook.MAX_FILE_BYTES / 1024 / 1024);
		return "onboarding/new";
	}

}

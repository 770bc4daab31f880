package org.rectiflow.onboarding;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.rectiflow.system.ApiController;
import org.rectiflow.system.Messages;
import org.rectiflow.system.WorkbookError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Onboarding for scripts: {@code POST /api/units} with a unit's directory as JSON ({@link UnitDirectory}), or
 * {@code POST /api/units/import} with a directory workbook (multipart {@code file}). Answers 201 with the unit, its
 * departments' ids and each person's initial password (shown this once), or 400 with every error where it is, nothing
 * created. Administrators only. ({@code GET /api/units}, the units a person sees, is unit's {@code UnitController}.)
 */
@ApiController("/api/units")
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class UnitOnboardingApiController {

	record DepartmentView(String id, String name) {
	}

	record AccountView(String account, String name, String department, List<String> roles, String initialPassword) {
	}

	record OnboardedView(String id, String name, String shortName, List<DepartmentView> departments,
			List<AccountView> accounts) {

		static OnboardedView of(Onboarding.Onboarded o) {
			return new OnboardedView(o.unit().getId(), o.unit().getName(), o.unit().getShortName(),
					o.departments().stream().map((d) -> new DepartmentView(d.groupId(), d.name())).toList(),
					o.accounts()
						.stream()
						.map((a) -> new AccountView(a.account(), a.name(), a.department(), a.roles(), a.initialPassword()))
						.toList());
		}

	}

	record ErrorView(String sheet, Integer row, String column, String message) {
	}

	private final Onboarding onboarding;

	private final MessageSource messageSource;

	private final Messages messages;

	UnitOnboardingApiController(Onboarding onboarding, MessageSource messageSource, Messages messages) {
		this.onboarding = onboarding;
		this.messageSource = messageSource;
		this.messages = messages;
	}

	@PostMapping
	ResponseEntity<OnboardedView> create(@RequestBody UnitDirectory directory, Locale locale) {
		return created(this.onboarding.onboard(directory, locale));
	}

	@PostMapping("/import")
	ResponseEntity<OnboardedView> importWorkbook(@RequestParam("file") MultipartFile file, Locale locale)
			throws IOException {
		if (file.getSize() > DirectoryWorkbook.MAX_FILE_BYTES) {
			throw new DirectoryException(new WorkbookError(null, null, null, "onboarding.error.tooLarge",
					String.format(Locale.ROOT, "%.1f MB", DirectoryWorkbook.MAX_FILE_BYTES / 1024.0 / 1024.0)));
		}
		return created(this.onboarding.onboardWorkbook(file.getBytes(), locale));
	}

	private static ResponseEntity<OnboardedView> created(Onboarding.Onboarded onboarded) {
		return ResponseEntity.created(URI.create("/api/units/" + onboarded.unit().getId()))
			.body(OnboardedView.of(onboarded));
	}

	/** Every error with where it is, as {@code errors} beside the summary. */
	@ExceptionHandler(DirectoryException.class)
	ProblemDetail refused(DirectoryException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, this.messages.get(locale,
				ex.getMessageKey(), ex.getArgs()));
		problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
		problem.setProperty("errors", ex.getErrors()
			.stream()
			.map((e) -> new ErrorView(e.sheet(), e.row(), e.column(), this.messageSource.getMessage(e, locale)))
			.toList());
		return problem;
	}

}

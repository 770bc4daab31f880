package org.rectiflow.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.rectiflow.system.Messages;
import org.rectiflow.system.SignedInUnits;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page ({@code /audit}), for the discipline committee only: newest first, paged, filtered by user, kind
 * and dates (days in China), with the hash chain verified on request. A filter value the page cannot read is dropped,
 * never an error page.
 */
@Controller
@PreAuthorize("hasAuthority('GROUP_discipline')")
class AuditController {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 200;

	private final AuditLog auditLog;

	private final Messages messages;

	private final ZoneId zone;

	private final AuditPresenter presenter;

	AuditController(AuditLog auditLog, Messages messages, Clock clock, AuditPresenter presenter) {
		this.auditLog = auditLog;
		this.messages = messages;
		this.presenter = presenter;
		this.zone = clock.getZone();
	}

	@GetMapping("/audit")
	String audit(@RequestParam(name = "actor", required = false) String actor,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "size", required = false) String size,
			@RequestParam(name = "verify", required = false) String verify, Model model) {
		AuditKind kindFilter = Arrays.stream(AuditKind.values())
			.filter((k) -> k.name().equals(kind))
			.findFirst()
			.orElse(null);
		LocalDate fromDay = day(from);
		LocalDate toDay = day(to);
		String actorFilter = (actor == null || actor.isBlank()) ? null : actor.trim();
		int pageSize = bounded(size, DEFAULT_SIZE, 1, MAX_SIZE);
		int pageNumber = bounded(page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
		// The discipline committee is a global role: each unit's sees its unit's entries (issue 18).
		AuditLog.Page result = this.auditLog.find(new AuditLog.Filter(actorFilter, kindFilter,
				(fromDay != null) ? fromDay.atStartOfDay(this.zone).toInstant() : null,
				(toDay != null) ? toDay.plusDays(1).atStartOfDay(this.zone).toInstant() : null), SignedInUnits.current(),
				pageNumber, pageSize);
		model.addAttribute("result", result);
		// Names and labels for people; the stored text stays beside them, and the chain is verified over it alone.
		model.addAttribute("rows", this.presenter.present(result.entries()));
		model.addAttribute("kinds", AuditKind.values());
		model.addAttribute("actor", actorFilter);
		model.addAttribute("kind", kindFilter);
		model.addAttribute("from", fromDay);
		model.addAttribute("to", toDay);
		model.addAttribute("zone", this.zone);
		if (verify != null) {
			AuditChain.Verification verification = this.auditLog.verify();
			model.addAttribute("verification", verification);
			// Numbers as text: message formats would print entry 1027 as "1,027".
			model.addAttribute("verificationText", verification.intact()
					? this.messages.get("audit.verify.intact", String.valueOf(verification.checked()))
					: this.messages.get("audit.verify.broken", String.valueOf(verification.brokenAt()),
							this.messages.get("audit.verify.reason." + verification.problem()),
							String.valueOf(verification.checked())));
		}
		return "audit/audit";
	}

	private static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int bounded(String text, int fallback, int min, int max) {
		try {
			int value = (text == null) ? fallback : Integer.parseInt(text.trim());
			return Math.min(max, Math.max(min, value));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}

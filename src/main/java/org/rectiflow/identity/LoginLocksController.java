package org.rectiflow.identity;

import java.time.Clock;

import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.system.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an administrator sees who is locked out after failed sign-ins (accounts and client addresses, with their
 * failures and until when) and lifts a lock, e.g. for a leader who mistyped before a deadline. Each lift is audited.
 */
@Controller
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class LoginLocksController {

	private final LoginThrottle throttle;

	private final AuditLog auditLog;

	private final Messages messages;

	private final Clock clock;

	LoginLocksController(LoginThrottle throttle, AuditLog auditLog, Messages messages, Clock clock) {
		this.throttle = throttle;
		this.auditLog = auditLog;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/login-locks")
	String locks(Model model) {
		model.addAttribute("locks", this.throttle.current());
		model.addAttribute("zone", this.clock.getZone());
		return "identity/login-locks";
	}

	@PostMapping("/admin/login-locks/lift")
	String lift(@RequestParam(name = "key", required = false) String key, RedirectAttributes redirect) {
		this.throttle.lift((key == null) ? "" : key).ifPresentOrElse((lock) -> {
			this.auditLog.record(AuditKind.LOGIN_LOCK_LIFTED, lock.key(), "failures " + lock.failures()
					+ ((lock.lockedUntil() != null) ? ", locked until " + lock.lockedUntil() : ""));
			redirect.addFlashAttribute("message", this.messages.get("loginLocks.lifted", lock.name()));
		}, () -> redirect.addFlashAttribute("error", this.messages.get("loginLocks.none")));
		return "redirect:/admin/login-locks";
	}

}

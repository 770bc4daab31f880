package org.rectiflow.notification;

import org.rectiflow.system.Actors;
import org.rectiflow.system.SignedInUnits;
import org.rectiflow.system.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page ({@code /inbox}): the signed-in person's notices, unread first, each leading to its item; and the
 * channels they want beside it ({@code /inbox/preferences}).
 */
@Controller
class InboxController {

	private final Inbox inbox;

	private final Messages messages;

	private final ObjectProvider<JavaMailSender> mail;

	private final ObjectProvider<NoticeLinks> links;

	InboxController(Inbox inbox, Messages messages, ObjectProvider<JavaMailSender> mail,
			ObjectProvider<NoticeLinks> links) {
		this.links = links;
		this.inbox = inbox;
		this.messages = messages;
		this.mail = mail;
	}

	@GetMapping("/inbox")
	String inbox(Model model) {
		model.addAttribute("entries", this.inbox.entries(Actors.current(), SignedInUnits.current()));
		return "notification/inbox";
	}

	/**
	 * Marks the notice read and goes to its item: back to the inbox when it has none, is not one's own, or no longer
	 * opens for the person ({@link NoticeLinks}).
	 */
	@GetMapping("/inbox/{id}")
	String open(@PathVariable("id") String id, RedirectAttributes redirect) {
		Long entryId = parse(id);
		String user = Actors.current();
		var entry = (entryId != null) ? this.inbox.entry(user, entryId, SignedInUnits.current())
				: java.util.Optional.<Inbox.Entry>empty();
		if (entry.isEmpty()) {
			redirect.addFlashAttribute("error", this.messages.get("inbox.notFound"));
			return "redirect:/inbox";
		}
		this.inbox.markRead(user, entryId);
		String link = entry.get().link();
		if (link == null) {
			return "redirect:/inbox";
		}
		if (this.links.stream().anyMatch((l) -> !l.opens(link))) {
			redirect.addFlashAttribute("error", this.messages.get("inbox.linkGone"));
			return "redirect:/inbox";
		}
		return "redirect:" + link;
	}

	@PostMapping("/inbox/{id}/read")
	String read(@PathVariable("id") String id, RedirectAttributes redirect) {
		Long entryId = parse(id);
		if (entryId == null || !this.inbox.markRead(Actors.current(), entryId)) {
			redirect.addFlashAttribute("error", this.messages.get("inbox.notFound"));
		}
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/read-all")
	String readAll(RedirectAttributes redirect) {
		int marked = this.inbox.markAllRead(Actors.current());
		redirect.addFlashAttribute("message", this.messages.get("inbox.allRead", marked));
		return "redirect:/inbox";
	}

	@GetMapping("/inbox/preferences")
	String preferences(Model model) {
		model.addAttribute("email", this.inbox.wantsEmail(Actors.current()));
		model.addAttribute("emailAvailable", this.mail.getIfAvailable() != null);
		return "notification/preferences";
	}

	@PostMapping("/inbox/preferences")
	String savePreferences(@RequestParam(name = "email", required = false) String email, RedirectAttributes redirect) {
		this.inbox.setEmail(Actors.current(), "true".equals(email) || "on".equals(email));
		redirect.addFlashAttribute("message", this.messages.get("inbox.preferences.saved"));
		return "redirect:/inbox/preferences";
	}

	private static Long parse(String id) {
		try {
			return Long.valueOf(id.trim());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

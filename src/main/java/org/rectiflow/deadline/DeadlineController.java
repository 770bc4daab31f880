package org.rectiflow.deadline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.identity.Directory;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.DeadlineExtension;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Extensions from the task page: the lead department asks for a later deadline with a reason, the responsible
 * leader approves or refuses. A refused post names the reason in place and keeps what was typed.
 */
@Controller
class DeadlineController {

	private final DeadlineService deadlines;

	private final Directory directory;

	private final Messages messages;

	DeadlineController(DeadlineService deadlines, Directory directory, Messages messages) {
		this.deadlines = deadlines;
		this.directory = directory;
		this.messages = messages;
	}

	@PostMapping("/tasks/{taskId}/extension")
	String request(@PathVariable Long taskId, @RequestParam(name = "requestedDeadline", required = false) String date,
			@RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
		String user = Actors.current();
		try {
			DeadlineExtension extension = this.deadlines.requestExtension(taskId, parse(date), reason, user,
					this.directory.groupIds(user));
			redirect.addFlashAttribute("message",
					this.messages.get("extension.requested", extension.getRequestedDeadline()));
			return "redirect:/tasks/" + taskId + "#deadline";
		}
		catch (RectiflowException ex) {
			if (ex instanceof RectiflowException.NotFound) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.get(ex));
			redirect.addFlashAttribute("extensionForm", Map.of("requestedDeadline", nz(date), "reason", nz(reason)));
			return "redirect:/tasks/" + taskId + "#deadline";
		}
	}

	@PostMapping("/tasks/{taskId}/extension/decision")
	String decide(@PathVariable Long taskId, @RequestParam(name = "decision", required = false) String decision,
			@RequestParam(name = "opinion", required = false) String opinion, RedirectAttributes redirect) {
		try {
			this.deadlines.decideExtensionAs(taskId, decision, opinion, Actors.current());
			redirect.addFlashAttribute("message", this.messages.get(RectificationTaskProcess.APPROVE.equals(decision)
					? "extension.approved" : "extension.refused"));
		}
		catch (RectiflowException.AlreadyDone done) {
			redirect.addFlashAttribute("message", this.messages.get(done));
		}
		catch (RectiflowException | NotValidException ex) {
			if (ex instanceof RectiflowException.NotFound) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.refusal(ex));
			redirect.addFlashAttribute("extensionDecision", Map.of("decision", nz(decision), "opinion", nz(opinion)));
		}
		return "redirect:/tasks/" + taskId + "#deadline";
	}

	private static LocalDate parse(String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.trim());
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.extension.dateInvalid", date);
		}
	}

	private static String nz(String value) {
		return (value == null) ? "" : value;
	}

}

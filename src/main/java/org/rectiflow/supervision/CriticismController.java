package org.rectiflow.supervision;

import java.util.Map;

import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The discipline committee's decision on a criticism notice for a task still missing its submission after the
 * grace period, posted from the task page by the member who is logged in.
 */
@Controller
class CriticismController {

	private final SupervisionService supervision;

	private final Messages messages;

	CriticismController(SupervisionService supervision, Messages messages) {
		this.supervision = supervision;
		this.messages = messages;
	}

	@PostMapping("/tasks/{taskId}/criticism")
	String decide(@PathVariable Long taskId, @RequestParam(name = "decision", required = false) String decision,
			@RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
		try {
			this.supervision.decideCriticismAs(taskId, decision, reason, Actors.current());
			redirect.addFlashAttribute("message", this.messages
				.get(RectificationTaskProcess.ISSUE.equals(decision) ? "criticism.issued" : "criticism.waived"));
			return "redirect:/tasks/" + taskId + "#deadline";
		}
		catch (RectiflowException.AlreadyDone done) {
			redirect.addFlashAttribute("message", this.messages.get(done));
			return "redirect:/tasks/" + taskId + "#deadline";
		}
		catch (RectiflowException | NotValidException ex) {
			if (ex instanceof RectiflowException.NotFound) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.refusal(ex));
		}
		redirect.addFlashAttribute("criticismForm",
				Map.of("decision", (decision == null) ? "" : decision, "reason", (reason == null) ? "" : reason));
		return "redirect:/tasks/" + taskId + "#deadline";
	}

}

package org.rectiflow.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The on-site supervision sign-off, posted from the task page by a member of the discipline committee and signed
 * with their login. Every missing or wrong field is named in place, with what was typed kept.
 */
@Controller
class SignOffController {

	private final SupervisionService supervision;

	private final Messages messages;

	SignOffController(SupervisionService supervision, Messages messages) {
		this.supervision = supervision;
		this.messages = messages;
	}

	@PostMapping("/tasks/{taskId}/sign-off")
	String signOff(@PathVariable Long taskId, @RequestParam(name = "date", required = false) String date,
			@RequestParam(name = "place", required = false) String place,
			@RequestParam(name = "participants", required = false) String participants,
			@RequestParam(name = "checkedItems", required = false) String checkedItems,
			@RequestParam(name = "findings", required = false) String findings,
			@RequestParam(name = "verdict", required = false) String verdict, RedirectAttributes redirect) {
		SignOff signOff = new SignOff(parse(date), place, participants, checkedItems, findings, verdict);
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		signOff.problems().forEach((p) -> fieldErrors.putIfAbsent(p.field(), this.messages.get(p.messageKey())));
		if (fieldErrors.isEmpty()) {
			try {
				this.supervision.signOff(taskId, signOff, Actors.current());
				redirect.addFlashAttribute("message", this.messages.get(SignOff.PASS.equals(verdict)
						? "signOff.passed" : "signOff.returned"));
				return "redirect:/tasks/" + taskId;
			}
			catch (RectiflowException.AlreadyDone done) {
				redirect.addFlashAttribute("message", this.messages.get(done));
				return "redirect:/tasks/" + taskId;
			}
			catch (RectiflowException | NotValidException ex) {
				if (ex instanceof RectiflowException.NotFound) {
					throw ex;
				}
				redirect.addFlashAttribute("error", this.messages.refusal(ex));
			}
		}
		else {
			redirect.addFlashAttribute("error", this.messages.get("error.signOff.incomplete"));
		}
		redirect.addFlashAttribute("signOffErrors", fieldErrors);
		redirect.addFlashAttribute("signOff", Map.of("date", (date == null) ? "" : date, "place", nz(place),
				"participants", nz(participants), "checkedItems", nz(checkedItems), "findings", nz(findings), "verdict",
				nz(verdict)));
		return "redirect:/tasks/" + taskId + "#sign-off";
	}

	private static LocalDate parse(String date) {
		try {
			return (date == null || date.isBlank()) ? null
					: LocalDate.parse(date.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String nz(String value) {
		return (value == null) ? "" : value;
	}

}

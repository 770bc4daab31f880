package org.rectiflow.plan;

import org.rectiflow.inspection.Inspection;
import org.rectiflow.system.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The button "移交被巡察单位" of the office's round page ({@code round/rounds.html}): hands the feedback the group
 * registered over to the unit ({@link HandOvers}), then back to the round.
 */
@Controller
class HandOverPageController {

	private final HandOvers handOvers;

	private final Messages messages;

	HandOverPageController(HandOvers handOvers, Messages messages) {
		this.handOvers = handOvers;
		this.messages = messages;
	}

	@PostMapping("/inspections/{inspectionId}/hand-over")
	@PreAuthorize("isAuthenticated()")
	String handOver(@PathVariable Long inspectionId, RedirectAttributes redirect) {
		Inspection inspection = this.handOvers.handOver(inspectionId);
		redirect.addFlashAttribute("message", this.messages.get("handOver.done", inspection.getUnitName()));
		return "redirect:/office/rounds/" + inspection.getRoundId();
	}

}

package org.rectiflow.recheck;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The re-check pages (销号反向核查): the inspection office draws samples and sees every draw and its results
 * ({@code /rechecks}); whoever re-checks a unit records the outcome of a drawn task ({@code /rechecks/{id}}).
 */
@Controller
class ReCheckController {

	private final ReCheckService service;

	private final Messages messages;

	private final Clock clock;

	ReCheckController(ReCheckService service, Messages messages, Clock clock) {
		this.service = service;
		this.messages = messages;
		this.clock = clock;
	}

	/** The draw form as posted, shown again with the reason when it is refused. */
	record DrawForm(List<String> unitIds, String sampleSize, String samplePercent, String seed) {
	}

	@GetMapping("/rechecks")
	@PreAuthorize("hasAuthority('GROUP_inspectionOffice')")
	String draws(Model model) {
		String user = Actors.current();
		model.addAttribute("draws", this.service.drawsFor(user));
		model.addAttribute("units", this.service.unitsOf(user));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DrawForm(List.of(), "", "", ""));
		}
		model.addAttribute("zone", this.clock.getZone());
		return "recheck/draws";
	}

	@PostMapping("/rechecks/draws")
	@PreAuthorize("hasAuthority('GROUP_inspectionOffice')")
	String processDrawForm(@RequestParam(name = "unitIds", required = false) List<String> unitIds,
			@RequestParam(name = "sampleSize", required = false) String sampleSize,
			@RequestParam(name = "samplePercent", required = false) String samplePercent,
			@RequestParam(name = "seed", required = false) String seed, RedirectAttributes redirect) {
		List<String> units = (unitIds == null) ? List.of() : unitIds;
		try {
			ReCheckDraw draw = this.service.draw(new ReCheckService.Parameters(units, sampleSize, samplePercent, seed),
					Actors.current());
			redirect.addFlashAttribute("message",
					this.messages.get("reCheck.drawn", String.valueOf(draw.getDrawnTaskIds().size())));
			return "redirect:/rechecks/draws/" + draw.getId();
		}
		catch (RectiflowException ex) {
			if (ex instanceof RectiflowException.Forbidden) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.refusal(ex));
			redirect.addFlashAttribute("form", new DrawForm(units, sampleSize, samplePercent, seed));
			return "redirect:/rechecks";
		}
	}

	@GetMapping("/rechecks/draws/{drawId}")
	@PreAuthorize("hasAuthority('GROUP_inspectionOffice')")
	String draw(@PathVariable Long drawId, Model model) {
		model.addAttribute("view", this.service.drawFor(drawId, Actors.current()));
		model.addAttribute("zone", this.clock.getZone());
		return "recheck/draw";
	}

	@GetMapping("/rechecks/{reCheckId}")
	String reCheck(@PathVariable Long reCheckId, Model model) {
		String user = Actors.current();
		ReCheck reCheck = this.service.visibleReCheck(reCheckId, user);
		ReCheckService.ReCheckView view = this.service.view(reCheck);
		model.addAttribute("view", view);
		model.addAttribute("mayCheck", this.service.mayCheck(reCheck, user)
				&& ReCheckProcess.USER_TASK_RE_CHECK.equals(view.step()));
		model.addAttribute("office", this.service.isOffice(user));
		model.addAttribute("zone", this.clock.getZone());
		return "recheck/recheck";
	}

	@PostMapping("/rechecks/{reCheckId}")
	String processReCheckForm(@PathVariable Long reCheckId,
			@RequestParam(name = "reCheckOutcome", required = false) String outcome,
			@RequestParam(name = "reCheckFinding", required = false) String finding, RedirectAttributes redirect) {
		try {
			this.service.checkAs(reCheckId, outcome, finding, Actors.current());
			redirect.addFlashAttribute("message", this.messages
				.get(ReCheckProcess.FAILED.equals(outcome) ? "reCheck.failedRecorded" : "reCheck.passedRecorded"));
		}
		catch (RectiflowException.AlreadyDone done) {
			redirect.addFlashAttribute("message", this.messages.get(done));
		}
		catch (RectiflowException | NotValidException ex) {
			if (ex instanceof RectiflowException.NotFound || ex instanceof RectiflowException.Forbidden) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.refusal(ex));
			redirect.addFlashAttribute("reCheckFinding", finding);
		}
		return "redirect:/rechecks/" + reCheckId;
	}

}

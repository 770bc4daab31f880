package org.rectiflow.handover;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handover page ({@code /handovers}): the unit's rectification office records a handover and sees the unit's
 * handovers, applied and waiting for their date. An administrator chooses the unit.
 */
@Controller
@PreAuthorize("hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_camunda-admin')")
class HandoverPageController {

	private final Handovers handovers;

	private final Units units;

	private final Directory directory;

	private final Messages messages;

	HandoverPageController(Handovers handovers, Units units, Directory directory, Messages messages) {
		this.handovers = handovers;
		this.units = units;
		this.directory = directory;
		this.messages = messages;
	}

	/** A choice in the form's lists: a person or a department, by id and name. */
	record Choice(String id, String name) {
	}

	@GetMapping("/handovers")
	String page(@RequestParam(name = "unit", required = false) String unitId, Model model) {
		Viewer viewer = Viewer.current();
		List<Unit> mine = viewer.groups().contains(Groups.CAMUNDA_ADMIN) ? this.units.all()
				: this.units.visibleTo(viewer.userId());
		Unit unit = mine.stream().filter((u) -> u.getId().equals(unitId)).findFirst().orElse(mine.isEmpty() ? null : mine.get(0));
		model.addAttribute("units", mine);
		model.addAttribute("unit", unit);
		if (unit != null) {
			Map<String, String> names = this.directory.displayNames(this.units.userMembers(unit.getId()));
			model.addAttribute("people", names.entrySet()
				.stream()
				.map((e) -> new Choice(e.getKey(), e.getValue()))
				.sorted(Comparator.comparing(Choice::name))
				.toList());
			Map<String, String> departments = this.handovers.departmentsOf(unit.getId());
			model.addAttribute("departmentNames", departments);
			model.addAttribute("departments", departments
				.entrySet()
				.stream()
				.map((e) -> new Choice(e.getKey(), e.getValue()))
				.toList());
			model.addAttribute("handovers", this.handovers.ofUnit(unit.getId()));
			model.addAttribute("heads", this.handovers.departmentHeads(unit.getId()));
		}
		return "handover/handovers";
	}

	@PostMapping("/handovers")
	String record(@RequestParam("unit") String unitId, @RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "department", required = false) String department,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to,
			@RequestParam(name = "effectiveOn", required = false) String effectiveOn,
			@RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
		try {
			HandoverKind parsedKind = null;
			for (HandoverKind k : HandoverKind.values()) {
				if (k.name().equals(kind)) {
					parsedKind = k;
				}
			}
			LocalDate date = null;
			if (effectiveOn != null && !effectiveOn.isBlank()) {
				try {
					date = LocalDate.parse(effectiveOn.trim());
				}
				catch (DateTimeParseException ex) {
					throw new RectiflowException("error.handover.dateInvalid", effectiveOn);
				}
			}
			Handovers.Handover h = this.handovers.record(unitId,
					new HandoverRequest(parsedKind, department, from, to, date, reason), Viewer.current());
			redirect.addFlashAttribute("message", this.messages.get(
					(h.appliedAt() != null) ? "handover.recorded" : "handover.scheduled", h.fromName(), h.toName(),
					h.effectiveOn().getMonthValue(), h.effectiveOn().getDayOfMonth(), h.taskCount()));
		}
		catch (RectiflowException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex));
		}
		return "redirect:/handovers?unit=" + unitId;
	}

}

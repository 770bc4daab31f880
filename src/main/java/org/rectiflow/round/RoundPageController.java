package org.rectiflow.round;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspecting body's round pages ({@code /office/rounds}): the rounds, a round's units with their inspection
 * groups and leaders, and for each unit its feedback — to register (the plan import page, for the unit and round)
 * and to hand over to the unit. The inspection office opens rounds and assigns units and groups; an inspection
 * group's member sees the rounds and units of their group only; a unit's people are refused (403).
 */
@Controller
class RoundPageController {

	private static final String OFFICE = "hasAuthority('GROUP_inspectionOffice')";

	private final Rounds rounds;

	private final InspectingBody inspectingBody;

	private final Units units;

	private final Directory directory;

	private final Messages messages;

	RoundPageController(Rounds rounds, InspectingBody inspectingBody, Units units, Directory directory,
			Messages messages) {
		this.rounds = rounds;
		this.inspectingBody = inspectingBody;
		this.units = units;
		this.directory = directory;
		this.messages = messages;
	}

	/** A unit of the round as the page lists it. */
	record UnitLine(RoundUnit unit, String leaderName, String members, Rounds.RoundInspection inspection) {
	}

	@GetMapping("/office/rounds")
	String rounds(Model model) {
		Oversight oversight = this.inspectingBody.require(Viewer.current());
		return list(oversight, model, Map.of());
	}

	@PostMapping("/office/rounds")
	@PreAuthorize(OFFICE)
	String create(@RequestParam(required = false) String number, @RequestParam(required = false) String name,
			@RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Oversight oversight = this.inspectingBody.require(Viewer.current());
		Round round;
		try {
			round = this.rounds.create(parseNumber(number), name, date(startsOn), date(endsOn), Actors.current());
		}
		catch (RectiflowException ex) {
			refused(ex, model, response);
			return list(oversight, model, Map.of("number", value(number), "name", value(name), "startsOn",
					value(startsOn), "endsOn", value(endsOn)));
		}
		redirect.addFlashAttribute("message", this.messages.get("round.created", round.number(), round.name()));
		return "redirect:/office/rounds/" + round.id();
	}

	@GetMapping("/office/rounds/{roundId}")
	String round(@PathVariable long roundId, Model model) {
		Oversight oversight = this.inspectingBody.require(Viewer.current());
		return detail(roundId, oversight, model, Map.of());
	}

	@PostMapping("/office/rounds/{roundId}/units")
	@PreAuthorize(OFFICE)
	String assign(@PathVariable long roundId, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String groupName, @RequestParam(required = false) String leader,
			@RequestParam(required = false) String members, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Oversight oversight = this.inspectingBody.require(Viewer.current());
		RoundUnit assigned;
		try {
			if (unit != null && !oversight.oversees(unit.trim())) {
				throw new RectiflowException("error.round.unitUnknown", unit);
			}
			assigned = this.rounds.assign(roundId, unit, groupName, leader, people(members));
		}
		catch (RectiflowException ex) {
			if (ex instanceof RectiflowException.NotFound) {
				throw ex;
			}
			refused(ex, model, response);
			return detail(roundId, oversight, model, Map.of("unit", value(unit), "groupName", value(groupName), "leader",
					value(leader), "members", value(members)));
		}
		redirect.addFlashAttribute("message", this.messages.get("round.assigned", assigned.unitName(),
				assigned.groupName(), this.directory.displayName(assigned.leaderId())));
		return "redirect:/office/rounds/" + roundId;
	}

	private String list(Oversight oversight, Model model, Map<String, String> form) {
		List<Round> all = this.rounds.all();
		if (!oversight.office()) {
			Set<Long> mine = this.rounds.roundsOfGroups(oversight.groupIds());
			all = all.stream().filter((r) -> mine.contains(r.id())).toList();
		}
		model.addAttribute("rounds", all);
		model.addAttribute("office", oversight.office());
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now());
		return "round/rounds";
	}

	private String detail(long roundId, Oversight oversight, Model model, Map<String, String> form) {
		Round round = this.rounds.get(roundId);
		List<RoundUnit> assigned = this.rounds.unitsOf(roundId, null)
			.stream()
			.filter((u) -> oversight.office() ? oversight.oversees(u.unitId()) : oversight.groupIds().contains(u.groupId()))
			.toList();
		if (!oversight.office() && assigned.isEmpty()) {
			throw new RectiflowException.NotFound("error.round.notFound", roundId);
		}
		Map<String, Rounds.RoundInspection> inspections = this.rounds.inspectionsOf(roundId);
		Map<String, String> names = this.directory
			.displayNames(assigned.stream().map(RoundUnit::leaderId).toList());
		Map<String, String> groupMembers = new LinkedHashMap<>();
		List<UnitLine> lines = assigned.stream().map((u) -> new UnitLine(u, names.get(u.leaderId()),
				groupMembers.computeIfAbsent(u.groupId(), (g) -> String.join("、", this.directory
					.displayNames(this.rounds.membersOf(g))
					.entrySet()
					.stream()
					.filter((e) -> !e.getKey().equals(u.leaderId()))
					.map(Map.Entry::getValue)
					.sorted()
					.toList())),
				inspections.get(u.unitId())))
			.toList();
		Set<String> taken = assigned.stream().map(RoundUnit::unitId).collect(java.util.stream.Collectors.toSet());
		List<Unit> free = oversight.office() ? this.units.all()
			.stream()
			.filter((u) -> oversight.oversees(u.getId()) && !taken.contains(u.getId()))
			.toList() : List.of();
		model.addAttribute("round", round);
		model.addAttribute("lines", lines);
		model.addAttribute("freeUnits", free);
		model.addAttribute("office", oversight.office());
		model.addAttribute("form", form);
		return "round/round";
	}

	private void refused(RectiflowException ex, Model model, HttpServletResponse response) {
		response.setStatus((ex instanceof RectiflowException.Conflict) ? 409 : 400);
		model.addAttribute("error", this.messages.get(ex));
	}

	private static Integer parseNumber(String number) {
		if (number == null || !number.trim().matches("\\d{1,4}")) {
			throw new RectiflowException("error.round.number", Rounds.MAX_NUMBER);
		}
		return Integer.valueOf(number.trim());
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.round.date", value);
		}
	}

	private static List<String> people(String members) {
		if (members == null || members.isBlank()) {
			return List.of();
		}
		return Arrays.stream(members.split("[,，、\\s]+")).filter((m) -> !m.isBlank()).toList();
	}

	private static String value(String v) {
		return (v == null) ? "" : v;
	}

}

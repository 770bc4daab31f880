package org.rectiflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an administrator keeps the working-day calendar current: each November the State Council publishes the
 * next year's holidays and the weekend days worked in exchange, and they are entered here, day by day.
 */
@Controller
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class CalendarController {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	private final CalendarDays calendar;

	private final WorkingDays workingDays;

	private final Messages messages;

	private final Clock clock;

	CalendarController(CalendarDays calendar, WorkingDays workingDays, Messages messages, Clock clock) {
		this.calendar = calendar;
		this.workingDays = workingDays;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String calendar(@RequestParam(name = "year", required = false) String year, Model model) {
		int shown = LocalDate.now(this.clock.withZone(WorkingDays.ZONE)).getYear();
		try {
			int asked = (year == null) ? shown : Integer.parseInt(year.trim());
			if (asked >= FIRST_YEAR && asked <= LAST_YEAR) {
				shown = asked;
			}
			else {
				model.addAttribute("error", this.messages.get("error.calendar.year", year));
			}
		}
		catch (NumberFormatException ex) {
			model.addAttribute("error", this.messages.get("error.calendar.year", year));
		}
		model.addAttribute("year", shown);
		model.addAttribute("days", this.calendar.year(shown));
		return "deadline/calendar";
	}

	@PostMapping("/admin/calendar")
	String put(@RequestParam(name = "date", required = false) String date,
			@RequestParam(name = "working", defaultValue = "false") boolean working,
			@RequestParam(name = "name", required = false) String name, RedirectAttributes redirect) {
		LocalDate day = parse(date);
		try {
			this.calendar.put(day, working, name, Actors.current());
			this.workingDays.refresh();
			redirect.addFlashAttribute("message", this.messages.get("calendar.saved", day));
		}
		catch (RectiflowException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex));
		}
		return "redirect:/admin/calendar?year=" + ((day != null) ? day.getYear() : "");
	}

	@PostMapping("/admin/calendar/remove")
	String remove(@RequestParam(name = "date", required = false) String date, RedirectAttributes redirect) {
		LocalDate day = parse(date);
		if (day == null) {
			redirect.addFlashAttribute("error", this.messages.get("error.calendar.date"));
			return "redirect:/admin/calendar";
		}
		this.calendar.remove(day);
		this.workingDays.refresh();
		redirect.addFlashAttribute("message", this.messages.get("calendar.removed", day));
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

	private static LocalDate parse(String date) {
		try {
			return (date == null || date.isBlank()) ? null : LocalDate.parse(date.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}

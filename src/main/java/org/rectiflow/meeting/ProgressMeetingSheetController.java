package org.rectiflow.meeting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.rectiflow.identity.Roles;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The progress meeting sheet (调度会材料) at {@code /inspections/{id}/progress-meeting?date=yyyy-MM-dd}: what the
 * rectification office prints for a progress meeting, grouped by responsible leader. The date is typed by hand or
 * passed around in chat groups, so a date it cannot read gives today's sheet with a notice, never an error page.
 */
@Controller
class ProgressMeetingSheetController {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2099;

	private final ProgressMeetingSheetService sheets;

	private final MessageSource messages;

	ProgressMeetingSheetController(ProgressMeetingSheetService sheets, MessageSource messages) {
		this.sheets = sheets;
		this.messages = messages;
	}

	@GetMapping("/inspections/{inspectionId}/progress-meeting")
	@PreAuthorize(Roles.PROGRESS_MEETING)
	String sheet(@PathVariable Long inspectionId, @RequestParam(required = false) String date, Locale locale,
			Model model) {
		LocalDate today = this.sheets.today();
		LocalDate chosen = today;
		String notice = null;
		if (date != null && !date.isBlank()) {
			LocalDate parsed = parse(date.trim());
			if (parsed != null) {
				chosen = parsed;
			}
			else {
				String shown = (date.length() > 40) ? date.substring(0, 40) + "…" : date;
				notice = this.messages.getMessage("meeting.notice.badDate", new Object[] { shown, today.toString() },
						locale);
			}
		}
		model.addAttribute("sheet", this.sheets.sheet(inspectionId, chosen));
		model.addAttribute("today", today);
		model.addAttribute("notice", notice);
		return "meeting/sheet";
	}

	/** A calendar date within the years a rectification can concern, or null: far years only break the arithmetic. */
	private static LocalDate parse(String text) {
		try {
			LocalDate date = LocalDate.parse(text);
			return (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}

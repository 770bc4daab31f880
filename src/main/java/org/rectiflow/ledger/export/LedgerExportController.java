package org.rectiflow.ledger.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.ledger.InspectionScopes;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.ledger.ProblemFilter;
import org.rectiflow.ledger.TaskListQuery;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export buttons of the three list pages: {@code /inspections/{id}/problems.xlsx}, {@code …/tasks.xlsx} and
 * {@code …/responsibilities.xlsx} take the parameters of their page, so the workbook holds what the person filtered
 * (every page of it) and, like the page, only the tasks the person may see ({@link LedgerScope}). A parameter the list
 * cannot read is dropped as on the page. The workbook is written straight into the response as it is built.
 */
@Controller
class LedgerExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final LedgerQueries queries;

	private final LedgerWorkbooks workbooks;

	private final MessageSource messages;

	private final Clock clock;

	private final InspectionScopes scopes;

	LedgerExportController(LedgerQueries queries, LedgerWorkbooks workbooks, MessageSource messages, Clock clock,
			InspectionScopes scopes) {
		this.queries = queries;
		this.workbooks = workbooks;
		this.messages = messages;
		this.clock = clock;
		this.scopes = scopes;
	}

	@GetMapping("/inspections/{inspectionId}/problems.xlsx")
	void problems(@PathVariable Long inspectionId, @RequestParam Map<String, String> params, Locale locale,
			HttpServletResponse response) throws IOException {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		LedgerScope scope = this.scopes.current(inspectionId);
		ProblemFilter filter = ProblemFilter.parse(params, this.queries.problems(inspectionId, scope).categories(),
				new ArrayList<>());
		attachment(response, "ledger.problemList", heading, locale);
		this.workbooks.problems(inspectionId, filter, scope, locale, response.getOutputStream());
	}

	@GetMapping("/inspections/{inspectionId}/tasks.xlsx")
	void tasks(@PathVariable Long inspectionId, @RequestParam Map<String, String> params, Locale locale,
			HttpServletResponse response) throws IOException {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		LedgerScope scope = this.scopes.current(inspectionId);
		TaskListQuery query = TaskListQuery.parse(params, this.queries.taskOptions(inspectionId, scope)).query();
		attachment(response, "ledger.taskList", heading, locale);
		this.workbooks.tasks(inspectionId, query, scope, locale, response.getOutputStream());
	}

	@GetMapping("/inspections/{inspectionId}/responsibilities.xlsx")
	void responsibilities(@PathVariable Long inspectionId, @RequestParam(required = false) String by, Locale locale,
			HttpServletResponse response) throws IOException {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		LedgerQueries.ResponsibilityView view = "leader".equalsIgnoreCase((by != null) ? by.trim() : null)
				? LedgerQueries.ResponsibilityView.LEADER : LedgerQueries.ResponsibilityView.DEPARTMENT;
		attachment(response, "ledger.responsibilityList", heading, locale);
		this.workbooks.responsibilities(inspectionId, view, this.scopes.current(inspectionId), locale, response.getOutputStream());
	}

	/** "任务清单-<inspection>-2026-11-25.xlsx", in UTF-8 for browsers (RFC 6266) with an ASCII fallback. */
	private void attachment(HttpServletResponse response, String listKey, LedgerQueries.Heading heading,
			Locale locale) {
		String title = heading.title().replaceAll("[\\\\/:*?\"<>|\\r\\n]", "");
		if (title.length() > 60) {
			title = title.substring(0, 60);
		}
		String name = this.messages.getMessage(listKey, null, listKey, locale) + "-" + title + "-"
				+ LocalDate.ofInstant(this.clock.instant(), WorkingDays.ZONE) + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
	}

}

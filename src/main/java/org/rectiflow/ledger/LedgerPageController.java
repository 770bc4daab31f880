package org.rectiflow.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger (台账) of one inspection as the three lists people work with every day: the problem list
 * ({@code /inspections/{id}}), the task list ({@code /inspections/{id}/tasks}, whose parameters are the contract of
 * {@link TaskListQuery}) and the responsibility list ({@code /inspections/{id}/responsibilities}). A list never answers a
 * parameter it cannot read with an error page: it drops the value and says so above the list.
 */
@Controller
class LedgerPageController {

	private final LedgerQueries queries;

	private final MessageSource messages;

	private final InspectionScopes scopes;

	LedgerPageController(LedgerQueries queries, MessageSource messages, InspectionScopes scopes) {
		this.queries = queries;
		this.messages = messages;
		this.scopes = scopes;
	}

	/** The problems of one category that pass the filters, for the grouped problem list. */
	record CategoryGroup(Long id, int seq, String title, List<LedgerQueries.ProblemRow> problems) {
	}

	@GetMapping("/inspections/{inspectionId}")
	String problems(@PathVariable Long inspectionId, @RequestParam Map<String, String> params, Locale locale,
			Model model) {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		LedgerQueries.ProblemList list = this.queries.problems(inspectionId, this.scopes.current(inspectionId));
		List<LedgerQueries.Option> categories = list.categories();
		List<ListNotice> notices = new ArrayList<>();
		ProblemFilter filter = ProblemFilter.parse(params, categories, notices);
		Map<Long, CategoryGroup> groups = new LinkedHashMap<>();
		int shown = 0;
		for (LedgerQueries.ProblemRow p : list.rows()) {
			if (filter.matches(p)) {
				groups.computeIfAbsent(p.categoryId(), (id) -> new CategoryGroup(id, p.categorySeq(), p.categoryTitle(), new ArrayList<>()))
					.problems()
					.add(p);
				shown++;
			}
		}
		model.addAttribute("heading", heading);
		model.addAttribute("list", list);
		model.addAttribute("groups", groups.values());
		model.addAttribute("shown", shown);
		model.addAttribute("categories", categories);
		model.addAttribute("category", filter.category());
		model.addAttribute("status", filter.status());
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("q", filter.q());
		model.addAttribute("filtered", filter.filtered());
		model.addAttribute("exportQuery", filter.queryString());
		model.addAttribute("notices", texts(notices, locale));
		return "ledger/problems";
	}

	@GetMapping("/inspections/{inspectionId}/tasks")
	String tasks(@PathVariable Long inspectionId, @RequestParam Map<String, String> params, Locale locale,
			Model model) {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		LedgerScope scope = this.scopes.current(inspectionId);
		LedgerQueries.TaskOptions options = this.queries.taskOptions(inspectionId, scope);
		TaskListQuery.Parsed parsed = TaskListQuery.parse(params, options);
		LedgerQueries.TaskPage page = this.queries.tasks(inspectionId, parsed.query(), scope);
		List<ListNotice> notices = new ArrayList<>(parsed.notices());
		if (page.requestedPage() != null) {
			notices.add(new ListNotice("ledger.lists.notice.pageBeyond", page.requestedPage() + 1, page.totalPages()));
		}
		model.addAttribute("heading", heading);
		model.addAttribute("options", options);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("kinds", TaskKind.values());
		model.addAttribute("lights", List.of(TrafficLight.GREEN, TrafficLight.YELLOW, TrafficLight.RED));
		model.addAttribute("sorts", TaskListQuery.Sort.values());
		model.addAttribute("query", page.query());
		model.addAttribute("page", page);
		model.addAttribute("notices", texts(notices, locale));
		return "ledger/tasks";
	}

	@GetMapping("/inspections/{inspectionId}/responsibilities")
	String responsibilities(@PathVariable Long inspectionId, @RequestParam(required = false) String by,
			Locale locale, Model model) {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		List<ListNotice> notices = new ArrayList<>();
		LedgerQueries.ResponsibilityView view = LedgerQueries.ResponsibilityView.DEPARTMENT;
		if ("leader".equalsIgnoreCase((by != null) ? by.trim() : null)) {
			view = LedgerQueries.ResponsibilityView.LEADER;
		}
		else if (by != null && !by.isBlank() && !"department".equalsIgnoreCase(by.trim())) {
			notices.add(new ListNotice("ledger.lists.notice.ignored", new DefaultMessageSourceResolvable("ledger.lists.by"),
					ListNotice.shown(by.trim())));
		}
		model.addAttribute("heading", heading);
		model.addAttribute("by", view.name().toLowerCase(Locale.ROOT));
		model.addAttribute("rows", this.queries.responsibilities(inspectionId, view, this.scopes.current(inspectionId)));
		model.addAttribute("notices", texts(notices, locale));
		return "ledger/responsibilities";
	}

	/** In the language the page is rendered in, which a {@code ?lang=en} switches within this very request. */
	private List<String> texts(List<ListNotice> notices, Locale locale) {
		return notices.stream().map((n) -> this.messages.getMessage(n, locale)).toList();
	}

}

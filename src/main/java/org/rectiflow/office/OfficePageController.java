package org.rectiflow.office;

import java.util.List;

import org.rectiflow.identity.Viewer;
import org.rectiflow.round.InspectingBody;
import org.rectiflow.round.Oversight;
import org.rectiflow.round.Round;
import org.rectiflow.round.Rounds;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspecting body's pages across units: the dashboard ({@code /office/dashboard}, one row per inspection of the
 * units overseen, sortable by each column, each row leading the office into the unit's ledger, which it may read and
 * not change) and the queue ({@code /office/queue}, the filings and report reviews waiting for the office, each
 * leading to where the office acts). The inspection office sees every unit it oversees, an inspection group's member
 * the units of their group; anyone else is refused (403).
 */
@Controller
class OfficePageController {

	private final OfficeViews views;

	private final InspectingBody inspectingBody;

	private final Rounds rounds;

	OfficePageController(OfficeViews views, InspectingBody inspectingBody, Rounds rounds) {
		this.views = views;
		this.inspectingBody = inspectingBody;
		this.rounds = rounds;
	}

	@GetMapping("/office")
	String office() {
		this.inspectingBody.require(Viewer.current());
		return "redirect:/office/dashboard";
	}

	@GetMapping("/office/dashboard")
	String dashboard(@RequestParam(required = false) String round, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Model model) {
		Oversight oversight = this.inspectingBody.require(Viewer.current());
		Long roundId = (round != null && round.matches("\\d{1,18}")) ? Long.valueOf(round) : null;
		Round chosen = (roundId == null) ? null : this.rounds.find(roundId).orElse(null);
		OfficeViews.Sort by = OfficeViews.Sort.of(sort);
		boolean descending = "desc".equals(dir);
		List<OfficeViews.DashboardRow> rows = this.views.dashboard(oversight, (chosen == null) ? null : chosen.id(), by,
				descending);
		model.addAttribute("rows", rows);
		model.addAttribute("sort", by);
		model.addAttribute("descending", descending);
		model.addAttribute("round", chosen);
		model.addAttribute("rounds", this.rounds.all());
		model.addAttribute("office", oversight.office());
		model.addAttribute("totals", Totals.of(rows));
		return "office/dashboard";
	}

	@GetMapping("/office/queue")
	String queue(Model model) {
		Oversight oversight = this.inspectingBody.require(Viewer.current());
		model.addAttribute("rows", this.views.queue(oversight));
		model.addAttribute("office", oversight.office());
		return "office/queue";
	}

	/** The dashboard's headline: units, inspections and the sums of its columns. */
	record Totals(long units, int inspections, int total, int settled, int overdue, int returns, int criticismNotices,
			long awaitingFiling) {

		static Totals of(List<OfficeViews.DashboardRow> rows) {
			return new Totals(rows.stream().map(OfficeViews.DashboardRow::unitId).distinct().count(), rows.size(),
					rows.stream().mapToInt(OfficeViews.DashboardRow::total).sum(),
					rows.stream().mapToInt(OfficeViews.DashboardRow::settled).sum(),
					rows.stream().mapToInt(OfficeViews.DashboardRow::overdue).sum(),
					rows.stream().mapToInt(OfficeViews.DashboardRow::returns).sum(),
					rows.stream().mapToInt(OfficeViews.DashboardRow::criticismNotices).sum(),
					rows.stream().filter((r) -> r.state() == OfficeViews.PlanState.FILING).count());
		}

	}

}

package org.rectiflow.office;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.rectiflow.identity.Viewer;
import org.rectiflow.round.InspectingBody;
import org.rectiflow.round.Oversight;
import org.rectiflow.round.Round;
import org.rectiflow.round.Rounds;
import org.rectiflow.system.Messages;
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

	private final Messages messages;

	OfficePageController(OfficeViews views, InspectingBody inspectingBody, Rounds rounds, Messages messages) {
		this.views = views;
		this.inspectingBody = inspectingBody;
		this.rounds = rounds;
		this.messages = messages;
	}

	@GetMapping("/office")
	String office() {
		this.inspectingBody.require(Viewer.current());
		return "redirect:/office/dashboard";
	}

	@GetMapping("/office/dashboard")
	String dashboard(@RequestParam(required = false) String round, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, HttpServletRequest request, Model model) {
		Oversight oversight = this.inspectingBody.require(Viewer.current());
		Long roundId = (round != null && round.matches("\\d{1,18}")) ? Long.valueOf(round) : null;
		Round chosen = (roundId == null) ? null : this.rounds.find(roundId).orElse(null);
		OfficeViews.Sort by = OfficeViews.Sort.of(sort);
		boolean descending = "desc".equals(dir);
		List<OfficeViews.DashboardRow> rows = this.views.dashboard(oversight, (chosen == null) ? null : chosen.id(), by,
				descending);
		model.addAttribute("rows", rows);
		model.addAttribute("lines", Line.of(rows, oversight.office(), request.getContextPath(), this.messages));
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

	/**
	 * A dashboard row as the page shows it. The dashboard has a row per inspection of every unit overseen, hundreds of
	 * them, so what a row shows beyond its figures is made here once: the state's name (looked up once per state, not
	 * once per row), the days since filing, and the links, which are plain paths under the context path (built by
	 * Thymeleaf's link expressions, three per row cost more than the rest of the row; docs/PERFORMANCE.md).
	 *
	 * @param row the figures
	 * @param stateName the state as the page names it
	 * @param stateClass the state tag's CSS classes
	 * @param days the days since filing, or a dash before filing
	 * @param ledger the unit's ledger, for the inspection office once the feedback is handed over; else null
	 * @param charts the unit's charts, when the ledger is linked; else null
	 * @param round the round's page, when the inspection is of one; else null
	 */
	record Line(OfficeViews.DashboardRow row, String stateName, String stateClass, String days, String ledger,
			String charts, String round) {

		static List<Line> of(List<OfficeViews.DashboardRow> rows, boolean office, String contextPath,
				Messages messages) {
			Map<OfficeViews.PlanState, String> names = new EnumMap<>(OfficeViews.PlanState.class);
			List<Line> lines = new ArrayList<>(rows.size());
			for (OfficeViews.DashboardRow r : rows) {
				String name = names.computeIfAbsent(r.state(), (s) -> messages.get("office.state." + s.name()));
				boolean linked = office && r.state() != OfficeViews.PlanState.WITH_GROUP;
				String ledger = linked ? contextPath + "/inspections/" + r.inspectionId() : null;
				lines.add(new Line(r, name, "tag state " + r.state().name(),
						(r.daysSinceFiling() == null) ? "—" : r.daysSinceFiling().toString(), ledger,
						linked ? ledger + "/dashboard" : null,
						(r.roundId() == null) ? null : contextPath + "/office/rounds/" + r.roundId()));
			}
			return lines;
		}

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

package org.rectiflow.repeat;

import java.util.List;

import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Roles;
import org.rectiflow.identity.Viewer;
import org.rectiflow.unit.Units;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The repeat rates page ({@code /repeat-rates}): per unit, the share of each round's problems that repeat an earlier round. */
@Controller
class RepeatRatesPageController {

	private final RepeatProblems repeats;

	private final Units units;

	RepeatRatesPageController(RepeatProblems repeats, Units units) {
		this.repeats = repeats;
		this.units = units;
	}

	@GetMapping("/repeat-rates")
	@PreAuthorize(Roles.LEDGER)
	String rates(Model model) {
		model.addAttribute("units", ratesFor(Viewer.current(), this.repeats, this.units));
		return "repeat/rates";
	}

	/** The rates of the units the person sees; an administrator, who belongs to no unit, sees every unit's. */
	static List<RepeatProblems.UnitRate> ratesFor(Viewer viewer, RepeatProblems repeats, Units units) {
		if (viewer.groups().contains(Groups.CAMUNDA_ADMIN)) {
			return repeats.repeatRates();
		}
		return repeats.repeatRates(RepeatProblemController.unitIds(units.visibleTo(viewer.userId())));
	}

}

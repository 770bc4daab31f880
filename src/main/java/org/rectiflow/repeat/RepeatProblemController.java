package org.rectiflow.repeat;

import java.util.List;

import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Roles;
import org.rectiflow.identity.Viewer;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.system.ApiController;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Repeat problems in the API: an inspection's flagged problems with the earlier problems they repeat, and the repeat
 * rates of the units the caller sees (the inspection office: every unit it oversees; a unit's people: their own).
 */
@ApiController("/api")
class RepeatProblemController {

	private final RepeatProblems repeats;

	private final InspectionRepository inspections;

	private final Units units;

	RepeatProblemController(RepeatProblems repeats, InspectionRepository inspections, Units units) {
		this.repeats = repeats;
		this.inspections = inspections;
		this.units = units;
	}

	/** A flagged problem and every earlier problem it repeats, best first. */
	record FlaggedProblem(Long problemId, List<RepeatProblems.Match> repeats) {
	}

	@GetMapping("/inspections/{inspectionId}/repeat-problems")
	@PreAuthorize(Roles.LEDGER)
	List<FlaggedProblem> repeatProblems(@PathVariable Long inspectionId) {
		Inspection inspection = this.inspections.findById(inspectionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.inspection.notFound", inspectionId));
		Viewer viewer = Viewer.current();
		if (!viewer.groups().contains(Groups.CAMUNDA_ADMIN)
				&& !this.units.tenantIds(viewer.userId()).contains(inspection.getUnitId())) {
			throw new RectiflowException.NotFound("error.inspection.notFound", inspectionId);
		}
		return this.repeats.matches(inspectionId)
			.entrySet()
			.stream()
			.map((e) -> new FlaggedProblem(e.getKey(), e.getValue()))
			.toList();
	}

	@GetMapping("/repeat-rates")
	@PreAuthorize(Roles.LEDGER)
	List<RepeatProblems.UnitRate> repeatRates() {
		return RepeatRatesPageController.ratesFor(Viewer.current(), this.repeats, this.units);
	}

	static List<String> unitIds(List<Unit> units) {
		return units.stream().map(Unit::getId).toList();
	}

}

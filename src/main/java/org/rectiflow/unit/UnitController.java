package org.rectiflow.unit;

import java.util.List;

import org.rectiflow.system.Actors;
import org.rectiflow.system.ApiController;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /api/units}: the units the caller sees, as the engine does: those the caller or one of the caller's
 * groups is a member of. A unit's people see their own unit; the inspection office, a group member of every unit it
 * oversees, sees all of those; someone of no unit (the administrator) an empty list.
 */
@ApiController("/api/units")
class UnitController {

	/** A unit as the API shows it. */
	record UnitView(String id, String name, String shortName) {
	}

	private final Units units;

	UnitController(Units units) {
		this.units = units;
	}

	@GetMapping
	List<UnitView> units() {
		return this.units.visibleTo(Actors.current())
			.stream()
			.map((u) -> new UnitView(u.getId(), u.getName(), u.getShortName()))
			.toList();
	}

}

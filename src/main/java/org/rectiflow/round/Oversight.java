package org.rectiflow.round;

import java.util.Set;

/**
 * What a person oversees as the inspecting body: the inspection office oversees every unit its group is a tenant
 * member of; an inspection group's member the units their groups inspect. A unit's own people oversee nothing.
 *
 * @param office whether the person is of the inspection office
 * @param groupIds the inspection groups (Camunda group ids) the person belongs to
 * @param unitIds the units overseen
 */
public record Oversight(boolean office, Set<String> groupIds, Set<String> unitIds) {

	public static final Oversight NONE = new Oversight(false, Set.of(), Set.of());

	/** Whether the person is of the inspecting body at all (the office or an inspection group). */
	public boolean any() {
		return this.office || !this.groupIds.isEmpty();
	}

	public boolean oversees(String unitId) {
		return unitId != null && this.unitIds.contains(unitId);
	}

}

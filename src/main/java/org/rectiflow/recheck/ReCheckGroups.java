package org.rectiflow.recheck;

/**
 * Who re-checks a unit's closed tasks: the candidate group of {@code userTask_reCheck}. The glossary gives the
 * re-check to the unit's inspection group (巡察组); until rounds assign a group to each unit, {@link OfficeReCheckGroups}
 * answers the inspection office. This is the one place to change when rounds exist: implement it with the unit's
 * group of the current round (the group must be a member of the unit's tenant, as docs/UNITS.md says the inspecting
 * body's groups are).
 */
public interface ReCheckGroups {

	/** The id of the group that re-checks the unit's tasks. */
	String candidateGroup(String unitId);

}

package org.rectiflow.round;

/**
 * A unit inspected in a round and the inspection group (巡察组) assigned to it: the group's Camunda group id (a
 * group-tenant member of the unit, so the engine lets the group see the unit's work), its name and its leader (组长).
 */
public record RoundUnit(long roundId, String unitId, String unitName, long roundGroupId, String groupId,
		String groupName, String leaderId) {
}

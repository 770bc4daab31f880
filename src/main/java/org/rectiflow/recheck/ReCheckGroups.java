package org.rectiflow.recheck;

/**
 * Who re-checks a unit's closed tasks: the candidate group of {@code userTask_reCheck}. The glossary gives the
 * re-check to the unit's inspection group (巡察组): {@link RoundReCheckGroups} answers the unit's group of the latest
 * round that inspected it, else the inspection office.
 */
public interface ReCheckGroups {

	/** The id of the group that re-checks the unit's tasks. */
	String candidateGroup(String unitId);

}

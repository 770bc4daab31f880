package org.rectiflow.recheck;

import java.util.List;
import java.util.Optional;

import org.rectiflow.identity.Groups;
import org.rectiflow.round.Round;
import org.rectiflow.round.RoundUnit;
import org.rectiflow.round.Rounds;
import org.springframework.stereotype.Component;

/**
 * The unit's inspection group re-checks its closed tasks (巡察组, the glossary's re-checker): the group assigned to the
 * unit in the latest round that inspected it. The group is a member of the unit's tenant (round/Rounds), so the
 * engine lets it see and work the unit's re-check step. A unit no round has inspected yet (a single-unit
 * installation, or a unit onboarded after the last round) is re-checked by the inspection office.
 */
@Component
class RoundReCheckGroups implements ReCheckGroups {

	private final Rounds rounds;

	RoundReCheckGroups(Rounds rounds) {
		this.rounds = rounds;
	}

	@Override
	public String candidateGroup(String unitId) {
		// Rounds come newest first (by number).
		for (Round round : this.rounds.all()) {
			Optional<RoundUnit> assigned = this.rounds.unitsOf(round.id(), List.of(unitId)).stream().findFirst();
			if (assigned.isPresent()) {
				return assigned.get().groupId();
			}
		}
		return Groups.INSPECTION_OFFICE;
	}

}

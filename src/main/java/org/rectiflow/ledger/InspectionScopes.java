package org.rectiflow.ledger;

import java.util.List;
import java.util.Set;

import org.rectiflow.identity.Viewer;
import org.rectiflow.round.InspectingBody;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The scope of one inspection's three lists (and their exports) for the signed-in person: {@link LedgerScope#of} as
 * for any list, and the whole ledger, read-only, for a member or the leader of the inspection group assigned to the
 * inspection's unit in a round (巡察组: the unit they inspect). Their group's tenant membership already lets them
 * reach the unit's inspections through {@code isolation/UnitGate} (and nothing of any other unit); by their roles
 * alone they would see none of its tasks. Only within that unit: a group member who is also one of another unit's
 * people keeps only their ordinary view there. What they may change is unchanged (nothing: every write asks for a
 * unit's role).
 */
@Component
public class InspectionScopes {

	private final InspectingBody inspectingBody;

	private final JdbcTemplate jdbc;

	InspectionScopes(InspectingBody inspectingBody, JdbcTemplate jdbc) {
		this.inspectingBody = inspectingBody;
		this.jdbc = jdbc;
	}

	/** The current person's scope in this inspection's lists. */
	public LedgerScope current(Long inspectionId) {
		Viewer viewer = Viewer.current();
		LedgerScope scope = LedgerScope.of(viewer);
		if (scope.all() || viewer.userId().isEmpty()) {
			return scope;
		}
		List<String> unit = this.jdbc.queryForList("select unit_id from inspection where id = ?", String.class,
				inspectionId);
		if (unit.isEmpty() || !viewer.seesUnit(unit.get(0))) {
			return scope;
		}
		return this.inspectingBody.of(viewer).oversees(unit.get(0))
				? new LedgerScope(true, "", Set.of(), Set.of(unit.get(0))) : scope;
	}

}

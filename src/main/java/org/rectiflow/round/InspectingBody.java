package org.rectiflow.round;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.rectiflow.engine.Unauthenticated;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.RectiflowException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inspecting body (巡察机构) as the office's pages meet it: which units a person oversees ({@link Oversight}),
 * and whether they may act for the inspection group of a unit in a round (register its feedback, hand it over).
 * The inspection office's units are the tenants its group is a member of (every unit, see docs/UNITS.md); an
 * inspection group's are those it is assigned to in {@code round_unit}. Two queries at most, whatever the number of
 * units.
 */
@Component
public class InspectingBody {

	private final IdentityService identityService;

	private final JdbcClient jdbc;

	InspectingBody(IdentityService identityService, JdbcClient jdbc) {
		this.identityService = identityService;
		this.jdbc = jdbc;
	}

	/** What the person oversees; {@link Oversight#NONE} for a unit's people and for nobody. */
	public Oversight of(Viewer viewer) {
		boolean office = viewer.groups().contains(Groups.INSPECTION_OFFICE);
		Set<String> units = new HashSet<>();
		if (office) {
			Unauthenticated.call(this.identityService, () -> this.identityService.createTenantQuery()
				.groupMember(Groups.INSPECTION_OFFICE)
				.list())
				.stream()
				.map(Tenant::getId)
				.forEach(units::add);
		}
		Set<String> groups = new HashSet<>();
		if (!viewer.groups().isEmpty()) {
			List<Map<String, Object>> rows = this.jdbc.sql("""
					select rg.group_id, ru.unit_id from round_group rg
					left join round_unit ru on ru.round_group_id = rg.id
					where rg.group_id in (:groups)
					""").param("groups", viewer.groups()).query().listOfRows();
			for (Map<String, Object> row : rows) {
				groups.add((String) value(row, "group_id"));
				Object unit = value(row, "unit_id");
				if (unit != null) {
					units.add((String) unit);
				}
			}
		}
		if (!office && groups.isEmpty()) {
			return Oversight.NONE;
		}
		return new Oversight(office, Set.copyOf(groups), Set.copyOf(units));
	}

	/** Whether the signed-in person is of the inspecting body ({@code @inspectingBody.isOverseer()} in access rules). */
	public boolean isOverseer() {
		Viewer viewer = Viewer.current();
		if (viewer.groups().contains(Groups.INSPECTION_OFFICE)) {
			return true;
		}
		return !viewer.groups().isEmpty() && this.jdbc.sql("select count(*) from round_group where group_id in (:groups)")
			.param("groups", viewer.groups())
			.query(Long.class)
			.single() > 0;
	}

	/** The person's oversight, or 403 with a sentence for anyone not of the inspecting body. */
	public Oversight require(Viewer viewer) {
		Oversight oversight = of(viewer);
		if (!oversight.any()) {
			throw new RectiflowException.Forbidden("error.office.forbidden");
		}
		return oversight;
	}

	/**
	 * Whether the person may act for the inspection group of the unit in the round: the inspection office, when it
	 * oversees the unit, or a member of the group assigned to it. 400 when the unit is not in the round, 403 for
	 * anyone else.
	 */
	public RoundUnit requireMayActFor(Viewer viewer, long roundId, String unitId) {
		List<RoundUnit> assigned = this.jdbc.sql(Rounds.ROUND_UNITS + " where ru.round_id = :round and ru.unit_id = :unit")
			.param("round", roundId)
			.param("unit", unitId)
			.query(Rounds::roundUnit)
			.list();
		if (assigned.isEmpty()) {
			throw new RectiflowException("error.round.unitNotInRound", unitId, roundId);
		}
		RoundUnit roundUnit = assigned.get(0);
		Oversight oversight = of(viewer);
		if (!(oversight.office() && oversight.oversees(unitId)) && !viewer.groups().contains(roundUnit.groupId())) {
			throw new RectiflowException.Forbidden("error.round.notYourGroup");
		}
		return roundUnit;
	}

	/** H2 answers column labels in upper case, PostgreSQL in lower case. */
	static Object value(Map<String, Object> row, String column) {
		Object v = row.get(column);
		return (v != null || row.containsKey(column)) ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
	}

}

package org.rectiflow.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.rectiflow.identity.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The part of a ledger a person may see, as a condition on the tasks ({@code t}): everything for those who oversee or
 * receive the filing; otherwise the tasks the person answers for as leader and those their departments lead or
 * cooperate on. Every list query of {@link LedgerQueries} takes one, so no list shows more than the task page would.
 * <p>
 * All of that within the person's units ({@code units}, issue 18; {@code null}: no cut, for an administrator and for
 * the application's own reads): the lists across inspections are cut by {@code inspection.unit_id} in SQL
 * ({@link #unitCondition}); a list under one inspection is reached only through an inspection of the person's units
 * (isolation/UnitGate).
 */
public record LedgerScope(boolean all, String userId, Set<String> departments, Set<String> units) {

	/** Everything, in every unit: the application's own reads. */
	public static final LedgerScope ALL = new LedgerScope(true, "", Set.of(), null);

	/** A scope in every unit. */
	public LedgerScope(boolean all, String userId, Set<String> departments) {
		this(all, userId, departments, null);
	}

	public static LedgerScope of(Viewer viewer) {
		return viewer.seesLedger() ? new LedgerScope(true, "", Set.of(), viewer.unitCut())
				: new LedgerScope(false, viewer.userId(), viewer.departments(), viewer.unitCut());
	}

	/**
	 * {@code " and <column> in (...)"}: the inspections of the scope's units, {@code column} being an inspection id
	 * column; empty for every unit, never true for no unit.
	 */
	String unitCondition(String inspectionColumn, MapSqlParameterSource params) {
		if (this.units == null) {
			return "";
		}
		if (this.units.isEmpty()) {
			return " and 1 = 0";
		}
		params.addValue("scopeUnits", List.copyOf(this.units));
		return " and " + inspectionColumn + " in (select si.id from inspection si where si.unit_id in (:scopeUnits))";
	}

	/** The current person's scope. */
	public static LedgerScope current() {
		return of(Viewer.current());
	}

	/** {@code " and (...)"} restricting {@code t}, with its parameters added; empty for everything. */
	String condition(MapSqlParameterSource params) {
		if (this.all) {
			return "";
		}
		List<String> any = new ArrayList<>();
		params.addValue("scopeUser", this.userId);
		any.add("t.responsible_leader = :scopeUser");
		if (!this.departments.isEmpty()) {
			params.addValue("scopeDepartments", List.copyOf(this.departments));
			any.add("t.lead_department in (:scopeDepartments)");
			int i = 0;
			for (String department : this.departments) {
				String name = "scopeCooperating" + i++;
				params.addValue(name, "%," + department + ",%");
				any.add("concat(',', t.cooperating_departments, ',') like :" + name);
			}
		}
		return " and (" + String.join(" or ", any) + ")";
	}

}

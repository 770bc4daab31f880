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
 */
public record LedgerScope(boolean all, String userId, Set<String> departments) {

	public static final LedgerScope ALL = new LedgerScope(true, "", Set.of());

	public static LedgerScope of(Viewer viewer) {
		return viewer.seesLedger() ? ALL : new LedgerScope(false, viewer.userId(), viewer.departments());
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

package org.rectiflow.identity;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectiflow.system.SignedInUnits;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking, and so what of the rectification they may see, from their Camunda groups:
 * <ul>
 * <li>the rectification office, the discipline committee, the Party secretary and administrators see everything of
 * their unit ({@link #seesEverything()});</li>
 * <li>the Party committee, which approves the plan, the leaders, who are consulted on it, and the inspection office,
 * with which it is filed, see the plan as a whole: the three lists and the reports ({@link #seesLedger()});</li>
 * <li>a leader opens the tasks they answer for, with their evidence; a department the tasks it leads or cooperates on
 * ({@link #maySee});</li>
 * <li>the progress meeting sheet and the dashboard are also open to the leaders, who sit in the progress meeting
 * (调度会) where every task is reviewed ({@link #attendsProgressMeetings()}).</li>
 * </ul>
 * Every role is a role <em>in the person's units</em> (issue 18): the role groups are global, so what a person sees is
 * cut to the units (Camunda tenants) they belong to, directly or through a group ({@link #units()}); an
 * administrator, whom the engine does not check either, sees every unit ({@link #allUnits()}).
 * <p>
 * Read from the signed-in person's authorities ({@code GROUP_<groupId>}, {@code UNIT_<unitId>}, set at sign-in and
 * kept current on every request by {@code SessionGroupsFilter}); nobody signed in sees nothing.
 */
public record Viewer(String userId, Set<String> groups, Set<String> units) {

	static final Set<String> OVERSIGHT = Set.of(Groups.RECTIFICATION_OFFICE, Groups.DISCIPLINE, Groups.PARTY_SECRETARY,
			Groups.CAMUNDA_ADMIN);

	/** The plan as a whole: the committee approves it, the leaders are consulted on it, the office receives it. */
	static final Set<String> PLAN_READERS = Set.of(Groups.PARTY_COMMITTEE, Groups.LEADERS, Groups.INSPECTION_OFFICE);

	public static final Viewer NOBODY = new Viewer("", Set.of(), Set.of());

	/** The authority a person's unit (tenant) id becomes: {@code UNIT_<unitId>}. */
	public static final String UNIT_PREFIX = SignedInUnits.PREFIX;

	public static Viewer current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return NOBODY;
		}
		return new Viewer(authentication.getName(), prefixed(authentication, CamundaIdentityAuthenticationProvider.GROUP_PREFIX),
				prefixed(authentication, UNIT_PREFIX));
	}

	private static Set<String> prefixed(Authentication authentication, String prefix) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith(prefix))
			.map((a) -> a.substring(prefix.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** An administrator: not cut by unit, as the engine does not check them either. */
	public boolean allUnits() {
		return this.groups.contains(Groups.CAMUNDA_ADMIN);
	}

	/** Whether data of this unit is the person's to see at all (their roles then say how much of it). */
	public boolean seesUnit(String unitId) {
		return allUnits() || (unitId != null && this.units.contains(unitId));
	}

	/** The units to cut a query by, or {@code null} for no cut (an administrator). */
	public Set<String> unitCut() {
		return allUnits() ? null : this.units;
	}

	public boolean seesEverything() {
		return this.groups.stream().anyMatch(OVERSIGHT::contains);
	}

	/** The three lists as planned and filed: everyone who oversees, the committee, the leaders, the inspection office. */
	public boolean seesLedger() {
		return seesEverything() || this.groups.stream().anyMatch(PLAN_READERS::contains);
	}

	public boolean attendsProgressMeetings() {
		return seesEverything() || this.groups.contains(Groups.LEADERS) || this.groups.contains(Groups.PARTY_COMMITTEE);
	}

	/** The charts of the whole unit: those at the progress meeting, and the inspection office. */
	public boolean seesDashboard() {
		return attendsProgressMeetings() || this.groups.contains(Groups.INSPECTION_OFFICE);
	}

	/** The workflow role groups and the administrators': global, never a unit's department. */
	static final Set<String> ROLE_GROUPS = Set.of(Groups.PARTY_COMMITTEE, Groups.LEADERS, Groups.PARTY_SECRETARY,
			Groups.DISCIPLINE, Groups.RECTIFICATION_OFFICE, Groups.INSPECTION_OFFICE, Groups.CAMUNDA_ADMIN);

	/** Whether a group of a person's counts as a department of theirs: any but the role groups (see below). */
	public static boolean isDepartmentGroup(String groupId) {
		return !ROLE_GROUPS.contains(groupId);
	}

	/**
	 * The department groups the person belongs to: every group of theirs but the role groups. Each unit has
	 * departments of its own (see {@link Directory#departmentsOf}); a viewer is read from the session, without the
	 * directory, and a group that is no department (an inspecting body's) leads or cooperates on no task, so it
	 * widens nothing where this is used (the tasks a person may see).
	 */
	public Set<String> departments() {
		return this.groups.stream()
			.filter(Viewer::isDepartmentGroup)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether the person may see a task with this lead department, these cooperating ones and this leader. */
	public boolean maySee(String leadDepartment, Collection<String> cooperatingDepartments, String responsibleLeader) {
		if (seesEverything()) {
			return true;
		}
		if (this.userId.isEmpty()) {
			return false;
		}
		return this.userId.equals(responsibleLeader) || (leadDepartment != null && this.groups.contains(leadDepartment))
				|| cooperatingDepartments.stream().anyMatch(this.groups::contains);
	}

	/**
	 * Whether a task a list shows this person opens for them, so the list links it (issue 20: no link leads to a
	 * refusal). Those who read the ledger without overseeing (the committee, leaders, the inspection office) see
	 * every task listed but open only those they answer for; anyone else is listed only the tasks they may see.
	 */
	public boolean opensListedTask(String leadDepartment, String responsibleLeader) {
		return !seesLedger() || maySee(leadDepartment, Set.of(), responsibleLeader);
	}

}

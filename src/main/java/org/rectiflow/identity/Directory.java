package org.rectiflow.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.engine.IdentityChangeListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads people and departments from Camunda's identity service, the one place where they are kept. A person's groups
 * are asked for on every step they complete and every page they open, so they are kept for {@link #REMEMBERED}: this
 * node forgets them at once when users, groups or memberships change through the engine (Admin, our bootstrap; see
 * {@code engine/IdentityChangesPlugin}), another node sharing the database within that time. A signed-in session follows
 * them on its next request ({@link SessionGroupsFilter}).
 * <p>
 * A unit's departments are its own: groups of type {@link Groups#TYPE_DEPARTMENT} with a group-tenant membership of
 * their unit, named as the unit names them (a college's 后勤处 is a school's 总务处). They are read in one query and
 * kept like a person's groups; tasks, reports and lists name a department through {@link #departmentName}.
 */
@Component
public class Directory implements IdentityChangeListener {

	static final Duration REMEMBERED = Duration.ofSeconds(30);

	private record Remembered(List<String> groupIds, long at) {
	}

	private final IdentityService identityService;

	private record Departments(Map<String, UnitDepartment> byId, Map<String, List<UnitDepartment>> byUnit, long at) {
	}

	private final Map<String, Remembered> groups = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private volatile Departments departments;

	public Directory(IdentityService identityService, JdbcTemplate jdbc) {
		this.identityService = identityService;
		this.jdbc = jdbc;
	}

	/** Drops what is remembered: the engine has just changed users, groups or memberships. */
	@Override
	public void identityChanged() {
		forget();
	}

	void forget() {
		this.groups.clear();
		this.departments = null;
	}

	/** "Last First" as Chinese names are written, or the id when the person is unknown. */
	public String displayName(String userId) {
		if (userId == null) {
			return "";
		}
		User user = this.identityService.createUserQuery().userId(userId).singleResult();
		return (user != null) ? nameOf(user) : userId;
	}

	/**
	 * The names of several people with one query, for lists that would otherwise ask once per row; a person who is
	 * unknown is named by their id.
	 */
	public Map<String, String> displayNames(Collection<String> userIds) {
		List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
		Map<String, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		for (User user : this.identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
			names.put(user.getId(), nameOf(user));
		}
		ids.forEach((id) -> names.putIfAbsent(id, id));
		return names;
	}

	private static String nameOf(User user) {
		String name = ((user.getLastName() == null) ? "" : user.getLastName())
				+ ((user.getFirstName() == null) ? "" : user.getFirstName());
		return name.isBlank() ? user.getId() : name;
	}

	public boolean userExists(String userId) {
		return userId != null && this.identityService.createUserQuery().userId(userId).count() > 0;
	}

	/** Members of the leadership who are consulted on the draft plan. */
	public List<String> leaderIds() {
		return this.identityService.createUserQuery()
			.memberOfGroup(Groups.LEADERS)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList();
	}

	/**
	 * The unit's leadership: members of the (global) leaders group who belong to the unit, and those who belong to no
	 * unit yet (a leader just added in Camunda Admin to a single-unit installation, placed in its unit at the next
	 * start). Consulted on the unit's draft plan, named in its plan workbooks; another unit's leaders are not.
	 * {@code null}: every unit's.
	 */
	public List<String> leaderIds(String unitId) {
		if (unitId == null) {
			return leaderIds();
		}
		return this.jdbc.queryForList("select m.USER_ID_ from ACT_ID_MEMBERSHIP m where m.GROUP_ID_ = ?"
				+ " and (exists (select 1 from ACT_ID_TENANT_MEMBER t where t.USER_ID_ = m.USER_ID_ and t.TENANT_ID_ = ?)"
				+ " or not exists (select 1 from ACT_ID_TENANT_MEMBER t where t.USER_ID_ = m.USER_ID_))"
				+ " order by m.USER_ID_", String.class, Groups.LEADERS, unitId);
	}

	/** The groups a person belongs to, as the engine needs them to check authorizations. */
	public List<String> groupIds(String userId) {
		long now = System.nanoTime();
		Remembered remembered = this.groups.get(userId);
		if (remembered != null && now - remembered.at() < REMEMBERED.toNanos()) {
			return remembered.groupIds();
		}
		List<String> ids = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map((g) -> g.getId())
			.toList();
		this.groups.put(userId, new Remembered(ids, now));
		return ids;
	}

	public boolean isMember(String userId, String groupId) {
		return userId != null && groupIds(userId).contains(groupId);
	}

	/** Whether the group is a department (of any unit). */
	public boolean isDepartment(String groupId) {
		return groupId != null && departments().byId().containsKey(groupId);
	}

	/** Whether the group is one of the unit's departments: a task of the unit's inspection may name only those. */
	public boolean isDepartmentOf(String unitId, String groupId) {
		UnitDepartment department = (groupId != null) ? departments().byId().get(groupId) : null;
		return department != null && Objects.equals(department.unitId(), unitId);
	}

	/** The department's name as its unit gives it, or the id itself for a group we do not know. */
	public String departmentName(String groupId) {
		UnitDepartment department = (groupId != null) ? departments().byId().get(groupId) : null;
		return (department != null) ? department.name() : groupId;
	}

	/** Every department's name by its group id, for a list to name its rows with one call. */
	public Map<String, String> departmentNames() {
		Map<String, String> names = new HashMap<>();
		departments().byId().forEach((id, d) -> names.put(id, d.name()));
		return names;
	}

	/** The unit's departments in the unit's order (the first unit's as it was seeded, then by id). */
	public List<UnitDepartment> departmentsOf(String unitId) {
		return departments().byUnit().getOrDefault(unitId, List.of());
	}

	/** A department by id, with its unit. */
	public Optional<UnitDepartment> department(String groupId) {
		return Optional.ofNullable((groupId != null) ? departments().byId().get(groupId) : null);
	}

	/** Every department of every unit. */
	public Collection<UnitDepartment> allDepartments() {
		return departments().byId().values();
	}

	/**
	 * One query for every department and its unit, kept for {@link #REMEMBERED}: names are asked for on every row of
	 * every list. Read from the engine's tables directly: the identity service would filter a tenant query by the
	 * grants of whoever is authenticated, and asking it per unit would cost a query per unit.
	 */
	private Departments departments() {
		long now = System.nanoTime();
		Departments remembered = this.departments;
		if (remembered != null && now - remembered.at() < REMEMBERED.toNanos()) {
			return remembered;
		}
		List<UnitDepartment> rows = this.jdbc.query("select g.ID_, g.NAME_, m.TENANT_ID_ from ACT_ID_GROUP g"
				+ " left join ACT_ID_TENANT_MEMBER m on m.GROUP_ID_ = g.ID_ where g.TYPE_ = ?",
				(rs, i) -> new UnitDepartment(rs.getString(1), rs.getString(2), rs.getString(3)), Groups.TYPE_DEPARTMENT);
		List<UnitDepartment> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator.comparingInt((UnitDepartment d) -> Department.seedRank(d.groupId()))
			.thenComparing(UnitDepartment::groupId));
		Map<String, UnitDepartment> byId = new LinkedHashMap<>();
		Map<String, List<UnitDepartment>> byUnit = new HashMap<>();
		for (UnitDepartment d : ordered) {
			// A department belongs to one unit; should it have several tenant memberships, the first one counts.
			if (byId.putIfAbsent(d.groupId(), d) == null && d.unitId() != null) {
				byUnit.computeIfAbsent(d.unitId(), (u) -> new ArrayList<>()).add(d);
			}
		}
		byUnit.replaceAll((u, list) -> List.copyOf(list));
		Departments loaded = new Departments(Collections.unmodifiableMap(byId), Map.copyOf(byUnit), now);
		this.departments = loaded;
		return loaded;
	}

}

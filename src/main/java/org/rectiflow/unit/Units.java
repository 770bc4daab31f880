package org.rectiflow.unit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.engine.IdentityChangeListener;
import org.rectiflow.engine.Unauthenticated;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspected units and who belongs to them. A unit is a row of {@code unit} and a Camunda tenant with the same id;
 * a person belongs to a unit through a user-tenant membership, a department through a group-tenant membership, and
 * the inspecting body's groups through group-tenant memberships of every unit they oversee. The workflow role groups
 * (rectification office, leaders...) belong to no unit: else every unit's office would see every unit.
 * <p>
 * A person's tenant ids are handed to the engine with every authentication (our REST filter, the adapters, the
 * webapps), so the engine's tenant check keeps Tasklist, Cockpit and the REST API inside the person's units. They
 * are asked for as often as a person's groups, so they are kept like {@code identity/Directory} keeps groups: for
 * {@link #REMEMBERED}, forgotten at once when the engine changes users, groups, tenants or memberships.
 */
@Component
public class Units implements IdentityChangeListener {

	static final Duration REMEMBERED = Duration.ofSeconds(30);

	/** The id the first unit gets: the unit of a single-unit installation (start-up, upgrade). */
	public static final String FIRST_UNIT_ID = "unit1";

	private record Remembered(List<String> tenantIds, long at) {
	}

	private final IdentityService identityService;

	private final UnitRepository units;

	private final Clock clock;

	private final Map<String, Remembered> tenants = new ConcurrentHashMap<>();

	Units(IdentityService identityService, UnitRepository units, Clock clock) {
		this.identityService = identityService;
		this.units = units;
		this.clock = clock;
	}

	@Override
	public void identityChanged() {
		this.tenants.clear();
	}

	/**
	 * The ids of the units (tenants) a person belongs to, directly or through their groups, as the engine needs them
	 * for its tenant check.
	 */
	public List<String> tenantIds(String userId) {
		if (userId == null) {
			return List.of();
		}
		long now = System.nanoTime();
		Remembered remembered = this.tenants.get(userId);
		if (remembered != null && now - remembered.at() < REMEMBERED.toNanos()) {
			return remembered.tenantIds();
		}
		// Asked with nobody authenticated: the engine filters a tenant query by the person's grants on tenants.
		List<String> ids = Unauthenticated.call(this.identityService, () -> this.identityService.createTenantQuery()
			.userMember(userId)
			.includingGroupsOfUser(true)
			.orderByTenantId()
			.asc()
			.list()
			.stream()
			.map(Tenant::getId)
			.toList());
		this.tenants.put(userId, new Remembered(ids, now));
		return ids;
	}

	/** The units a person sees: those they (or their groups) belong to, oldest first. */
	public List<Unit> visibleTo(String userId) {
		List<String> ids = tenantIds(userId);
		return ids.isEmpty() ? List.of() : this.units.findByIdIn(ids);
	}

	/** Every unit, oldest first. */
	public List<Unit> all() {
		return this.units.findAllInOrder();
	}

	public Optional<Unit> find(String unitId) {
		return this.units.findById(unitId);
	}

	/**
	 * The unit a newly registered inspection belongs to: the unit of that name, else (until units are chosen when an
	 * inspection is registered, with rounds) the first unit, the installation's own.
	 */
	public String unitForNewInspection(String unitName) {
		List<Unit> named = this.units.findByName(unitName);
		if (!named.isEmpty()) {
			return named.get(0).getId();
		}
		List<Unit> all = all();
		if (all.isEmpty()) {
			throw new IllegalStateException("No unit: IdentityBootstrap creates the first one at start-up");
		}
		return all.get(0).getId();
	}

	/** Creates a unit and its tenant. */
	@Transactional
	public Unit create(String id, String name, String shortName) {
		Unit unit = this.units.save(new Unit(id, name, shortName, this.clock.instant()));
		ensureTenant(unit);
		return unit;
	}

	/** Renames a unit and its tenant. */
	@Transactional
	public void rename(String unitId, String name) {
		Unit unit = this.units.findById(unitId).orElseThrow();
		unit.setName(name);
		ensureTenant(unit);
	}

	/** The unit's tenant, created when missing (an upgraded database has the unit row first), named as the unit. */
	public void ensureTenant(Unit unit) {
		Tenant tenant = this.identityService.createTenantQuery().tenantId(unit.getId()).singleResult();
		if (tenant == null) {
			tenant = this.identityService.newTenant(unit.getId());
		}
		else if (unit.getName().equals(tenant.getName())) {
			return;
		}
		tenant.setName(unit.getName());
		this.identityService.saveTenant(tenant);
	}

	/** Makes a person a member of the unit; nothing happens if they are already. */
	public void addUser(String unitId, String userId) {
		if (!userMembers(unitId).contains(userId)) {
			this.identityService.createTenantUserMembership(unitId, userId);
		}
	}

	/** Makes a group (a department, an inspecting body's group) a member of the unit; idempotent. */
	public void addGroup(String unitId, String groupId) {
		if (!groupMembers(unitId).contains(groupId)) {
			this.identityService.createTenantGroupMembership(unitId, groupId);
		}
	}

	/** The people who are members of the unit themselves (not through a group). */
	public Set<String> userMembers(String unitId) {
		return this.identityService.createUserQuery()
			.memberOfTenant(unitId)
			.list()
			.stream()
			.map(User::getId)
			.collect(Collectors.toSet());
	}

	/** The groups that are members of the unit. */
	public Set<String> groupMembers(String unitId) {
		return this.identityService.createGroupQuery()
			.memberOfTenant(unitId)
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toSet());
	}

	/** The people of the unit (user members) who are in the group, e.g. the unit's rectification office; by id. */
	public List<String> membersOf(String unitId, String groupId) {
		return this.identityService.createUserQuery()
			.memberOfTenant(unitId)
			.memberOfGroup(groupId)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList();
	}

}

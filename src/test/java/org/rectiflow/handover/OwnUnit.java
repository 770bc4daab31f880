package org.rectiflow.handover;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.unit.Units;

/**
 * A unit of a test's own, with people of its own, so that tests of repeat problems and handovers neither see nor
 * change the first unit's data: inspections registered under its name belong to it. The inspection office oversees
 * it, as IdentityBootstrap makes it oversee every unit. The people are removed afterwards; the unit stays (its
 * inspections point at it).
 */
public final class OwnUnit {

	public final String id;

	public final String name;

	private final Units units;

	private final IdentityService identityService;

	private final List<String> people = new ArrayList<>();

	private int departments;

	public OwnUnit(Units units, IdentityService identityService, String prefix) {
		this.units = units;
		this.identityService = identityService;
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		this.id = prefix + suffix;
		this.name = prefix + "学院" + suffix;
		units.create(this.id, this.name, this.name);
		units.addGroup(this.id, Groups.INSPECTION_OFFICE);
	}

	/** A person of the unit with this name, in these groups; their id starts with the unit's. */
	public String person(String role, String lastName, String... groups) {
		String userId = this.id + role;
		User user = this.identityService.newUser(userId);
		user.setLastName(lastName);
		user.setFirstName("");
		user.setPassword(DemoAccounts.PASSWORD);
		this.identityService.saveUser(user);
		for (String group : groups) {
			this.identityService.createMembership(userId, group);
		}
		this.units.addUser(this.id, userId);
		this.people.add(userId);
		return userId;
	}

	/** A department of the unit's own, with this name (a department belongs to one unit); its group id. */
	public String department(String name) {
		String groupId = this.id + "Dept" + (++this.departments);
		Group group = this.identityService.newGroup(groupId);
		group.setName(name);
		group.setType(Groups.TYPE_DEPARTMENT);
		this.identityService.saveGroup(group);
		this.units.addGroup(this.id, groupId);
		return groupId;
	}

	public void remove() {
		this.people.forEach(this.identityService::deleteUser);
		for (String group : this.units.groupMembers(this.id)) {
			this.identityService.deleteTenantGroupMembership(this.id, group);
		}
	}

}

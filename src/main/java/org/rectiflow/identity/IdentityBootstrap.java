package org.rectiflow.identity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the workflow groups and the departments in Camunda's identity service, and (with
 * {@code rectiflow.identity.demo-users}) the demo accounts, and makes the directory that of its unit (see
 * {@link #units()}). Idempotent: runs on every start, creates what is missing.
 */
@Component
class IdentityBootstrap {

	private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

	static final int ORDER = 0;

	private final IdentityService identityService;

	private final Units units;

	private final String firstUnitName;

	private final boolean demoUsers;

	private final String adminUser;

	private final String adminPassword;

	IdentityBootstrap(IdentityService identityService, Units units,
			@Value("${rectiflow.unit.first-name:本单位}") String firstUnitName,
			@Value("${rectiflow.identity.demo-users:false}") boolean demoUsers,
			@Value("${rectiflow.admin.user:admin}") String adminUser,
			@Value("${rectiflow.admin.password:}") String adminPassword) {
		this.identityService = identityService;
		this.units = units;
		this.firstUnitName = firstUnitName;
		this.demoUsers = demoUsers;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(ORDER)
	@Transactional
	public void createIdentities() {
		group(Groups.PARTY_COMMITTEE, "党委", Groups.TYPE_WORKFLOW);
		group(Groups.LEADERS, "校领导班子", Groups.TYPE_WORKFLOW);
		group(Groups.PARTY_SECRETARY, "党委书记", Groups.TYPE_WORKFLOW);
		group(Groups.DISCIPLINE, "纪委", Groups.TYPE_WORKFLOW);
		group(Groups.RECTIFICATION_OFFICE, "巡察整改工作领导小组办公室", Groups.TYPE_WORKFLOW);
		group(Groups.INSPECTION_OFFICE, "巡察工作领导小组办公室", Groups.TYPE_WORKFLOW);
		group(Groups.CAMUNDA_ADMIN, "系统管理员", "SYSTEM");
		Arrays.stream(Department.values()).forEach((d) -> group(d.groupId(), d.displayName(), Groups.TYPE_DEPARTMENT));
		administrator();
		if (this.demoUsers) {
			DemoAccounts.LEADERSHIP.forEach(this::account);
			DemoAccounts.STAFF.forEach(this::account);
			for (Department d : Department.values()) {
				account(new DemoAccounts.Account(DemoAccounts.staffOf(d), d.displayName(), "干事", List.of(d.groupId())));
			}
			log.info("Demo accounts ready (password '{}')", DemoAccounts.PASSWORD);
		}
		units();
	}

	/**
	 * Units as tenants (issue 18). Until units are onboarded with directories of their own, the directory here (the
	 * departments of {@link Department}, the people in them and in the role groups) is one unit's: the first unit,
	 * created when there is none (named by {@code rectiflow.unit.first-name}; an upgraded database has it from the
	 * migration, named after its inspection's unit). While it is the only unit, its departments become group members
	 * of its tenant and everyone in a department or a role group a user member, so their Tasklist, REST API and
	 * portal keep showing the unit's work. The inspection office, the inspecting body's, belongs to no unit itself:
	 * its group is a group member of every unit it oversees (every unit, until rounds say which). The role groups get
	 * no membership, else every unit's office would see every unit.
	 */
	private void units() {
		List<Unit> all = this.units.all();
		if (all.isEmpty()) {
			all = List.of(this.units.create(Units.FIRST_UNIT_ID, this.firstUnitName, null));
			log.info("First unit '{}' created", this.firstUnitName);
		}
		for (Unit unit : all) {
			this.units.ensureTenant(unit);
			this.units.addGroup(unit.getId(), Groups.INSPECTION_OFFICE);
		}
		if (all.size() == 1) {
			adoptDirectory(all.get(0).getId());
		}
	}

	private void adoptDirectory(String unitId) {
		Set<String> groups = this.units.groupMembers(unitId);
		for (Department d : Department.values()) {
			if (!groups.contains(d.groupId())) {
				this.identityService.createTenantGroupMembership(unitId, d.groupId());
			}
		}
		Set<String> people = new HashSet<>();
		for (Group group : this.identityService.createGroupQuery().list()) {
			// The inspecting body's people (the office, the inspection groups of rounds) inspect the unit, not belong to it.
			if (!Groups.INSPECTION_OFFICE.equals(group.getId()) && !Groups.CAMUNDA_ADMIN.equals(group.getId())
					&& !Groups.TYPE_INSPECTION_GROUP.equals(group.getType())) {
				this.identityService.createUserQuery()
					.memberOfGroup(group.getId())
					.list()
					.forEach((u) -> people.add(u.getId()));
			}
		}
		people.removeAll(this.units.userMembers(unitId));
		people.stream().sorted().forEach((userId) -> this.identityService.createTenantUserMembership(unitId, userId));
	}

	/**
	 * The administrator named by {@code rectiflow.admin.user}, created with {@code rectiflow.admin.password} (from
	 * {@code RECTIFLOW_ADMIN_PASSWORD}) when missing; an existing account keeps the password it was given since.
	 */
	private void administrator() {
		if (this.adminPassword == null || this.adminPassword.isBlank()) {
			return;
		}
		if (this.identityService.createUserQuery().userId(this.adminUser).count() == 0) {
			User user = this.identityService.newUser(this.adminUser);
			user.setFirstName("系统管理员");
			user.setLastName("");
			user.setPassword(this.adminPassword);
			this.identityService.saveUser(user);
			log.info("Administrator '{}' created", this.adminUser);
		}
		if (this.identityService.createUserQuery().userId(this.adminUser).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			this.identityService.createMembership(this.adminUser, Groups.CAMUNDA_ADMIN);
		}
	}

	private void group(String id, String name, String type) {
		if (this.identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identityService.newGroup(id);
			group.setName(name);
			group.setType(type);
			this.identityService.saveGroup(group);
		}
	}

	private void account(DemoAccounts.Account account) {
		if (this.identityService.createUserQuery().userId(account.id()).count() == 0) {
			User user = this.identityService.newUser(account.id());
			// Chinese names read surname first: the whole name goes where the webapps show it first.
			user.setFirstName(account.lastName() + account.firstName());
			user.setLastName("");
			user.setEmail(account.id() + "@demo.rectiflow.org");
			user.setPassword(DemoAccounts.PASSWORD);
			this.identityService.saveUser(user);
		}
		for (String groupId : account.groups()) {
			if (this.identityService.createUserQuery().userId(account.id()).memberOfGroup(groupId).count() == 0) {
				this.identityService.createMembership(account.id(), groupId);
			}
		}
	}

}

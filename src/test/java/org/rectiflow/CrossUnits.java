package org.rectiflow;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.PlanService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskStatus;
import org.rectiflow.unit.Units;
import org.springframework.stereotype.Component;

/**
 * Units of a test's own, and their people, for the features across units (issue 18): each unit overseen by the
 * inspection office as docs/UNITS.md says, each person a member of one unit. {@link #removePeople()} takes the people
 * and the office's memberships away again, so that the shared database looks to other tests as before (the unit rows
 * stay: the test's records hang on them).
 */
@Component
public class CrossUnits {

	private final Units units;

	private final IdentityService identityService;

	private final PlanService plans;

	private final RectificationTaskService tasks;

	private final List<String> createdUnits = new ArrayList<>();

	private final List<String> createdUsers = new ArrayList<>();

	CrossUnits(Units units, IdentityService identityService, PlanService plans, RectificationTaskService tasks) {
		this.units = units;
		this.identityService = identityService;
		this.plans = plans;
		this.tasks = tasks;
	}

	/** A new unit, with its tenant, overseen by the inspection office; its name is unique, its id returned. */
	public String unit(String name) {
		String id = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.units.create(id, name + "-" + id, name);
		this.units.addGroup(id, Groups.INSPECTION_OFFICE);
		// Its own 后勤处 and 财务处: a department belongs to one unit, and its plan names only its own.
		department(id, id + "Logistics", "后勤处");
		department(id, id + "Finance", "财务处");
		this.createdUnits.add(id);
		return id;
	}

	private void department(String unitId, String groupId, String name) {
		Group group = this.identityService.newGroup(groupId);
		group.setName(name);
		group.setType(Groups.TYPE_DEPARTMENT);
		this.identityService.saveGroup(group);
		this.units.addGroup(unitId, groupId);
	}

	/** The group id of the unit's own 后勤处, the lead department of its inspections' tasks 1.1.x. */
	public static String logistics(String unitId) {
		return unitId + "Logistics";
	}

	public String unitName(String unitId) {
		return this.units.find(unitId).orElseThrow().getName();
	}

	/** A new person of the unit in the given group (e.g. the unit's rectification office), password as the demo's. */
	public String person(String unitId, String groupId) {
		String id = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		User user = this.identityService.newUser(id);
		user.setFirstName("测试");
		user.setLastName(id);
		user.setPassword(DemoAccounts.PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(id, groupId);
		this.units.addUser(unitId, id);
		this.createdUsers.add(id);
		return id;
	}

	/** An inspection of the unit whose three tasks are all closed off (completed), without running them. */
	public Inspection closedInspection(String unitId, String title) {
		Inspection inspection = this.plans.register(TestFeedback.small(title, unitName(unitId), logistics(unitId),
				unitId + "Finance"));
		for (RectificationTask task : this.tasks.tasksOf(inspection.getId())) {
			this.tasks.recordOutcome(task.getId(), TaskStatus.COMPLETED);
		}
		return inspection;
	}

	/** Removes the people made here and the inspection office's memberships of the units made here. */
	public void removePeople() {
		this.createdUsers.forEach(this.identityService::deleteUser);
		this.createdUsers.clear();
		for (String unitId : this.createdUnits) {
			this.identityService.deleteTenantGroupMembership(unitId, Groups.INSPECTION_OFFICE);
		}
		this.createdUnits.clear();
	}

}

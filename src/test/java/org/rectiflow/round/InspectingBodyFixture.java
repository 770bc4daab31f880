package org.rectiflow.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.plan.Feedback;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;

/**
 * Two inspected units of their own for a test class, overseen by the inspection office, with the demo unit's people
 * lent to them as members (so the demo accounts can work their steps, as in the unit of the other tests), a round
 * over both with an inspection group each: A led by {@code <prefix>LeaderA} with {@code <prefix>MemberA}, B by
 * {@code <prefix>LeaderB}. The tests share one database: {@link #release} takes every membership back, so the demo
 * people and the office see the demo unit alone again (AccessMatrixTests counts the units they see).
 */
public final class InspectingBodyFixture {

	public final Unit unitA;

	public final Unit unitB;

	public final Round round;

	public final String leaderA;

	public final String memberA;

	public final String leaderB;

	public final RoundUnit roundUnitA;

	public final RoundUnit roundUnitB;

	private final Units units;

	private final IdentityService identityService;

	private final List<String> people = new ArrayList<>();

	public InspectingBodyFixture(String prefix, Units units, Rounds rounds, IdentityService identityService) {
		this.units = units;
		this.identityService = identityService;
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		this.unitA = units.create(prefix + "A" + suffix, prefix + "甲学院党委" + suffix, "甲学院");
		this.unitB = units.create(prefix + "B" + suffix, prefix + "乙学校党委" + suffix, "乙学校");
		Set<String> demoPeople = units.userMembers(units.all().get(0).getId());
		for (Unit unit : List.of(this.unitA, this.unitB)) {
			units.addGroup(unit.getId(), Groups.INSPECTION_OFFICE);
			// Departments of its own (a department belongs to one unit): its feedback's tasks name them.
			department(unit.getId(), logistics(unit), "后勤处");
			department(unit.getId(), unit.getId() + "Finance", "财务处");
			String staff = person(unit.getId() + "Staff", "后勤处干事");
			identityService.createMembership(staff, logistics(unit));
			units.addUser(unit.getId(), staff);
			demoPeople.forEach((person) -> units.addUser(unit.getId(), person));
		}
		this.leaderA = person(prefix + "LeaderA" + suffix, "甲组长");
		this.memberA = person(prefix + "MemberA" + suffix, "甲组员");
		this.leaderB = person(prefix + "LeaderB" + suffix, "乙组长");
		int number;
		do {
			number = ThreadLocalRandom.current().nextInt(100, Rounds.MAX_NUMBER + 1);
		}
		while (rounds.byNumber(number).isPresent());
		this.round = rounds.create(number, prefix + "测试轮次", java.time.LocalDate.now().minusMonths(2),
				java.time.LocalDate.now().minusMonths(1), DemoAccounts.INSPECTOR);
		this.roundUnitA = rounds.assign(this.round.id(), this.unitA.getId(), "第一巡察组", this.leaderA, List.of(this.memberA));
		this.roundUnitB = rounds.assign(this.round.id(), this.unitB.getId(), "第二巡察组", this.leaderB, List.of());
	}

	/** The unit's own 后勤处, the lead department of the tasks 1.1.x of {@link #feedback}. */
	public static String logistics(Unit unit) {
		return unit.getId() + "Logistics";
	}

	/** Feedback for the unit ({@link TestFeedback#small}), its tasks led by the unit's own departments. */
	public static Feedback feedback(String title, Unit unit) {
		return TestFeedback.small(title, unit.getName(), logistics(unit), unit.getId() + "Finance");
	}

	private void department(String unitId, String groupId, String name) {
		Group group = this.identityService.newGroup(groupId);
		group.setName(name);
		group.setType(Groups.TYPE_DEPARTMENT);
		this.identityService.saveGroup(group);
		this.units.addGroup(unitId, groupId);
	}

	private String person(String id, String name) {
		User user = this.identityService.newUser(id);
		user.setFirstName(name);
		user.setLastName("");
		user.setPassword(DemoAccounts.PASSWORD);
		this.identityService.saveUser(user);
		this.people.add(id);
		return id;
	}

	/** Takes back every membership of the two units and removes the test's people; the units' data stays. */
	public void release() {
		for (Unit unit : List.of(this.unitA, this.unitB)) {
			for (String person : this.units.userMembers(unit.getId())) {
				this.identityService.deleteTenantUserMembership(unit.getId(), person);
			}
			for (String group : this.units.groupMembers(unit.getId())) {
				this.identityService.deleteTenantGroupMembership(unit.getId(), group);
			}
		}
		this.people.forEach(this.identityService::deleteUser);
	}

}

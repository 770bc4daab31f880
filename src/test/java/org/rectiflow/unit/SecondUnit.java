package org.rectiflow.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.TaskKind;
import org.springframework.stereotype.Component;

/**
 * A second inspected unit for tests across units (issue 18), made once per database and shared by every test that
 * asks for it: the unit {@value #ID} with its own tenant, its own department ({@value #DEPARTMENT}, 总务处, a group
 * member of the tenant), its own people (user members of the tenant, in the global role groups: an office clerk,
 * a leader, a discipline officer, a Party committee member, and a clerk of the department; password
 * {@link DemoAccounts#PASSWORD}), the inspection office overseeing it, and one inspection whose plan is approved, filed
 * and launched: tasks 1.1.1 and 1.1.2 led by the department and answered for by the unit's leader, waiting for the
 * department's evidence.
 * <p>
 * Use: {@code @Autowired SecondUnit second;} then {@code second.inspection()} and {@code second.task("1.1.1")}. Its
 * titles contain {@link #SECRET}: if that text shows up in an answer to someone of the first unit, the answer leaked.
 * Nothing here is removed afterwards; do not change its people or data (make your own if you must).
 */
@Component
public class SecondUnit {

	public static final String ID = "unit2";

	public static final String NAME = "第二被巡察学院党委";

	/** The unit's own department (总务处), unknown to the first unit. */
	public static final String DEPARTMENT = "unit2GeneralAffairs";

	/** The rectification office's clerk of the unit (group rectificationOffice). */
	public static final String CLERK = "unit2Clerk";

	/** The unit's leader (group leaders), consulted on the plan and answering for its tasks. */
	public static final String LEADER = "unit2Leader";

	/** The unit's discipline officer (group discipline). */
	public static final String DISCIPLINE_OFFICER = "unit2Discipline";

	/** A member of the unit's Party committee (group partyCommittee), who approves the plan. */
	public static final String COMMITTEE_MEMBER = "unit2Committee";

	/** A clerk of the unit's department. */
	public static final String STAFF = "unit2GeneralAffairsStaff";

	/** Every person of the unit. */
	public static final List<String> PEOPLE = List.of(CLERK, LEADER, DISCIPLINE_OFFICER, COMMITTEE_MEMBER, STAFF);

	/** Part of the second unit's inspection, problem and task titles, and of nothing else. */
	public static final String SECRET = "二单位食堂食品安全台账缺失";

	private final IdentityService identityService;

	private final Units units;

	private final PlanService plans;

	private final ProcessDriver driver;

	private Long inspectionId;

	SecondUnit(IdentityService identityService, Units units, PlanService plans, ProcessDriver driver) {
		this.identityService = identityService;
		this.units = units;
		this.plans = plans;
		this.driver = driver;
	}

	/** The unit's inspection, its plan filed and its tasks launched; the unit and its people are made on first use. */
	public synchronized Inspection inspection() {
		if (this.inspectionId == null) {
			directory();
			Inspection inspection = this.plans.register(feedback("第二单位巡察整改：" + SECRET), ID);
			this.inspectionId = inspection.getId();
			launch(this.inspectionId);
		}
		return this.plans.inspection(this.inspectionId);
	}

	/** A task of the unit's inspection by its code ("1.1.1" or "1.1.2"). */
	public RectificationTask task(String code) {
		return this.driver.task(inspection().getId(), code);
	}

	private void directory() {
		if (this.units.find(ID).isEmpty()) {
			this.units.create(ID, NAME, "二单位");
		}
		if (this.identityService.createGroupQuery().groupId(DEPARTMENT).count() == 0) {
			Group group = this.identityService.newGroup(DEPARTMENT);
			group.setName("总务处");
			group.setType(Groups.TYPE_DEPARTMENT);
			this.identityService.saveGroup(group);
		}
		this.units.addGroup(ID, DEPARTMENT);
		this.units.addGroup(ID, Groups.INSPECTION_OFFICE);
		person(CLERK, "二单位整改办干事", Groups.RECTIFICATION_OFFICE);
		person(LEADER, "二单位分管校领导", Groups.LEADERS);
		person(DISCIPLINE_OFFICER, "二单位纪委干部", Groups.DISCIPLINE);
		person(COMMITTEE_MEMBER, "二单位党委委员", Groups.PARTY_COMMITTEE);
		person(STAFF, "二单位总务处干事", DEPARTMENT);
	}

	private void person(String id, String name, String group) {
		if (this.identityService.createUserQuery().userId(id).count() == 0) {
			User user = this.identityService.newUser(id);
			user.setFirstName(name);
			user.setLastName("");
			user.setPassword(DemoAccounts.PASSWORD);
			this.identityService.saveUser(user);
		}
		if (this.identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
			this.identityService.createMembership(id, group);
		}
		this.units.addUser(ID, id);
	}

	/** Drafted by the unit's office, consulted on with its leader, approved by its committee, filed, launched. */
	private void launch(Long inspection) {
		String key = RectificationProcess.PROCESS_KEY;
		this.driver.complete(key, inspection, RectificationProcess.USER_TASK_DRAFT_PLAN, CLERK,
				Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "二单位按照三个清单逐项细化整改任务"));
		for (Task t : this.driver.open(key, inspection, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意"));
		}
		this.driver.complete(key, inspection, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, COMMITTEE_MEMBER,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		this.driver.fileApprovedPlan(inspection);
	}

	/**
	 * Feedback for the unit with this title: one problem ({@link #SECRET}), two tasks ("1.1.1", "1.1.2") led by the
	 * unit's department and answered for by its leader.
	 */
	public static Feedback feedback(String title) {
		LocalDate deadline = LocalDate.now().plusMonths(3);
		return new Feedback(title, "省委教育工委第五巡察组", NAME, LocalDate.now().minusMonths(4),
				LocalDate.now().minusMonths(2), LocalDate.now().minusMonths(1), List.of("二单位〔2026〕1号"), 3,
				"0731-22222222",
				List.of(new Feedback.Category("后勤保障管理不到位", List.of(new Feedback.ProblemItem(SECRET, false, List.of(
						new Feedback.TaskItem(SECRET + "，建立台账", TaskKind.CONCENTRATED, LEADER, DEPARTMENT, List.of(),
								"李四", deadline, List.of("建立食品安全台账", "报送整改材料"), false),
						new Feedback.TaskItem(SECRET + "，健全制度", TaskKind.CONCENTRATED, LEADER, DEPARTMENT, List.of(),
								"李四", deadline, List.of("制定管理办法"), false)))))));
	}

}

package org.rectiflow.demo;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.camunda.bpm.engine.IdentityService;
import org.rectiflow.engine.Passwords;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.UnitDepartment;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.ledger.Ledger;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.task.DeadlineExtension;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo as `./mvnw spring-boot:run` loads it: the reference case under way, and work waiting for every role. */
@SpringBootTest(properties = { "rectiflow.demo.enabled=true",
		"spring.datasource.url=jdbc:h2:mem:rectiflow-demo;DB_CLOSE_DELAY=-1" })
@ActiveProfiles("test")
class DemoDataTests {

	@Autowired
	TaskService taskService;

	@Autowired
	LedgerService ledgers;

	@Autowired
	ProcessDriver tasks;

	@Autowired
	DeadlineService deadlines;

	@Autowired
	InspectionRepository inspections;

	@Autowired
	Units units;

	@Autowired
	Directory directory;

	@Autowired
	Passwords passwords;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldLeaveWorkWaitingForEveryRole() {
		for (String user : List.of(DemoAccounts.SECRETARY, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
				DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.INSPECTOR,
				"logisticsDepartmentStaff", "financeDepartmentStaff")) {
			long work = this.taskService.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user).endOr().count();
			assertThat(work).as("open tasks of %s", user).isPositive();
		}
	}

	@Test
	void shouldLoadTheReferenceCaseUnderWay() {
		assertThat(this.inspections.findAll()).filteredOn((i) -> Units.FIRST_UNIT_ID.equals(i.getUnitId())).hasSize(3);
		Ledger hunan = this.ledgers.ledger(hunanId());
		assertThat(hunan.problemCounts().total()).isEqualTo(13);
		assertThat(hunan.taskCounts().total()).isEqualTo(65);
		assertThat(hunan.taskCounts().completed()).isEqualTo(8);
		assertThat(hunan.tasks()).filteredOn((t) -> t.code().startsWith("2.3.")).isNotEmpty().allSatisfy((t) -> assertThat(t.deadline()).isBefore(LocalDate.now()));
	}

	@Test
	void shouldShowDeadlinesAtWork() {
		Long hunan = hunanId();
		assertThat(this.taskService.createTaskQuery()
			.taskDefinitionKey(RectificationTaskProcess.USER_TASK_DECIDE_EXTENSION)
			.taskAssignee(this.tasks.task(hunan, "1.5.1").getResponsibleLeader())
			.count()).as("an extension request waiting for its leader").isOne();
		assertThat(this.deadlines.extensionsOf(this.tasks.task(hunan, "1.4.1").getId()))
			.extracting(DeadlineExtension::getStatus)
			.containsExactly(DeadlineExtension.Status.APPROVED);
		assertThat(this.tasks.task(hunan, "1.3.1").getReturnCount()).isOne();
	}

	@Test
	void shouldOnboardASecondUnitWithItsOwnDirectoryAndItsPlanAtCommitteeApproval() {
		Unit second = this.units.all().stream().filter((u) -> !u.getId().equals(Units.FIRST_UNIT_ID)).findFirst().orElseThrow();
		assertThat(second.getName()).isEqualTo("示例职业技术学院");
		assertThat(this.directory.departmentsOf(second.getId())).extracting(UnitDepartment::name)
			.containsExactly("党政办公室", "组织人事处", "纪检监察室", "教务处", "学生工作处", "总务处", "财务处", "招生就业处");
		assertThat(this.directory.departmentsOf(second.getId()))
			.allSatisfy((d) -> assertThat(Department.byGroupId(d.groupId())).isEmpty());
		assertThat(this.units.tenantIds("vcSecretary")).containsExactly(second.getId());
		assertThat(this.directory.groupIds("vcSecretary")).contains(Groups.PARTY_SECRETARY, Groups.PARTY_COMMITTEE);
		assertThat(this.passwords.matches("vcGeneralAffairsStaff", DemoAccounts.PASSWORD)).isTrue();
		List<Inspection> theirs = this.inspections.findAll()
			.stream()
			.filter((i) -> second.getId().equals(i.getUnitId()))
			.toList();
		assertThat(theirs).hasSize(1);
		Long id = theirs.get(0).getId();
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.taskDefinitionKey(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL)
			.taskCandidateUser("vcSecretary")
			.count()).as("the plan awaits the second unit's Party committee").isOne();
		assertThat(this.ledgers.ledger(id).tasks()).hasSize(6)
			.allSatisfy((t) -> assertThat(this.directory.isDepartmentOf(second.getId(), t.leadDepartment())).isTrue())
			.allSatisfy((t) -> assertThat(this.units.tenantIds(t.responsibleLeader())).containsExactly(second.getId()));
		// The first unit's Party committee is in the same (global) role group, yet does not see the second unit's
		// approval: the engine's tenant check keeps it to the unit's people.
		this.identityService.setAuthentication(DemoAccounts.SECRETARY, this.directory.groupIds(DemoAccounts.SECRETARY),
				this.units.tenantIds(DemoAccounts.SECRETARY));
		try {
			assertThat(this.taskService.createTaskQuery()
				.processInstanceBusinessKey(String.valueOf(id))
				.taskCandidateUser(DemoAccounts.SECRETARY)
				.count()).isZero();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	@Autowired
	org.rectiflow.round.Rounds rounds;

	/** Issue 18: the provincial office with a round over every unit of the demo, a group and its leader per unit. */
	@Test
	void shouldShowTheInspectingBodyWithARoundOverEveryUnit() {
		assertThat(this.identityService.createGroupQuery().groupId("inspectionOffice").singleResult().getName())
			.isEqualTo("中共湖南省委教育工委巡察办");
		assertThat(this.rounds.all()).hasSize(1);
		org.rectiflow.round.Round round = this.rounds.all().get(0);
		List<org.rectiflow.round.RoundUnit> assigned = this.rounds.unitsOf(round.id(), null);
		assertThat(assigned).extracting(org.rectiflow.round.RoundUnit::unitId)
			.containsExactlyElementsOf(this.units.all().stream().map(org.rectiflow.unit.Unit::getId).toList());
		assertThat(assigned.get(0).leaderId()).isEqualTo("groupLeader");
		assertThat(assigned.get(0).groupName()).isEqualTo("第四巡察组");
		assertThat(this.rounds.membersOf(assigned.get(0).groupId())).contains("groupLeader", "groupMember");
		assertThat(this.units.tenantIds("groupLeader")).containsExactly(assigned.get(0).unitId());
		assertThat(this.inspections.findById(hunanId()).orElseThrow())
			.satisfies((i) -> assertThat(i.getRoundId()).isEqualTo(round.id()))
			.satisfies((i) -> assertThat(i.isWithGroup()).isFalse());
	}

	private Long hunanId() {
		return this.inspections.findAllByOrderByCreatedAtDesc()
			.stream()
			.filter((i) -> !i.getTitle().contains("演示副本") && Units.FIRST_UNIT_ID.equals(i.getUnitId()))
			.findFirst()
			.orElseThrow()
			.getId();
	}

}

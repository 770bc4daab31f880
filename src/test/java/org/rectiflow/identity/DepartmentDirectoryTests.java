package org.rectiflow.identity;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's departments come from the directory: the first unit keeps the seeded 14 with their ids, names and order;
 * a department group made a member of another unit's tenant (as onboarding or Camunda Admin makes it) is that unit's
 * at once, named as it is named, and is not the first unit's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentDirectoryTests {

	@Autowired
	Directory directory;

	@Autowired
	IdentityService identityService;

	@Autowired
	Units units;

	@Test
	void shouldKeepTheFirstUnitsSeededDepartments() {
		assertThat(this.directory.departmentsOf(Units.FIRST_UNIT_ID)).extracting(UnitDepartment::groupId)
			.containsSubsequence(java.util.Arrays.stream(Department.values()).map(Department::groupId).toList());
		assertThat(this.directory.departmentsOf(Units.FIRST_UNIT_ID).subList(0, 14)).extracting(UnitDepartment::name)
			.containsExactly(java.util.Arrays.stream(Department.values()).map(Department::displayName).toArray(String[]::new));
		assertThat(this.directory.departmentName("logisticsDepartment")).isEqualTo("后勤处");
		assertThat(this.directory.isDepartmentOf(Units.FIRST_UNIT_ID, "logisticsDepartment")).isTrue();
		assertThat(this.directory.isDepartment(Groups.RECTIFICATION_OFFICE)).isFalse();
		assertThat(this.directory.departmentName("noSuchGroup")).isEqualTo("noSuchGroup");
		assertThat(new Viewer("someone", Set.of("logisticsDepartment", Groups.LEADERS), Set.of()).departments())
			.containsExactly("logisticsDepartment");
	}

	@Test
	void shouldSeeAnotherUnitsDepartmentAtOnceWithItsOwnName() {
		String unitId = "dirTest" + Long.toString(System.nanoTime(), 36);
		this.units.create(unitId, "目录测试学校" + unitId, null);
		String groupId = unitId + "Dept01";
		Group group = this.identityService.newGroup(groupId);
		group.setName("总务处");
		group.setType(Groups.TYPE_DEPARTMENT);
		this.identityService.saveGroup(group);
		assertThat(this.directory.isDepartment(groupId)).isTrue();
		assertThat(this.directory.isDepartmentOf(unitId, groupId)).isFalse();

		this.identityService.createTenantGroupMembership(unitId, groupId);

		assertThat(this.directory.departmentsOf(unitId)).containsExactly(new UnitDepartment(groupId, "总务处", unitId));
		assertThat(this.directory.isDepartmentOf(unitId, groupId)).isTrue();
		assertThat(this.directory.isDepartmentOf(Units.FIRST_UNIT_ID, groupId)).isFalse();
		assertThat(this.directory.departmentName(groupId)).isEqualTo("总务处");
		assertThat(new Viewer("someone", Set.of(groupId), Set.of()).departments()).containsExactly(groupId);
	}

}

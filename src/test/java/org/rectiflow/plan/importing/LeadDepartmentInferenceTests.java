package org.rectiflow.plan.importing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.identity.UnitDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead department is inferred among the unit's own departments: the reference college's as seeded (aliases and
 * subject keywords as before), a school's by the names it gives them, the keywords applying to a department of the
 * same name.
 */
class LeadDepartmentInferenceTests {

	private static final List<UnitDepartment> SCHOOL = List.of(new UnitDepartment("unit9Dept01", "教务处", "unit9"),
			new UnitDepartment("unit9Dept02", "总务处", "unit9"), new UnitDepartment("unit9Dept03", "财务处", "unit9"),
			new UnitDepartment("unit9Dept04", "党政办公室", "unit9"));

	@Test
	void shouldInferAmongTheSeededDepartmentsAsBefore() {
		List<UnitDepartment> seed = LeadDepartmentInference.SEED;
		assertThat(LeadDepartmentInference.infer("学生食堂管理不规范", "", seed)).isEqualTo("logisticsDepartment");
		assertThat(LeadDepartmentInference.infer("制度落实不到位", "由纪委牵头开展专项检查", seed)).isEqualTo("disciplineOffice");
		assertThat(LeadDepartmentInference.infer("科研经费报账不规范", "", seed)).isEqualTo("financeDepartment");
		assertThat(LeadDepartmentInference.infer("作风建设有差距", "", seed)).isEqualTo("partyOffice");
		assertThat(LeadDepartmentInference.names(seed).get("disciplineOffice")).contains("纪检监察处", "纪委");
	}

	@Test
	void shouldInferAmongASchoolsOwnDepartmentsByTheirNames() {
		assertThat(LeadDepartmentInference.infer("校舍维修不及时", "总务处牵头排查校舍安全隐患", SCHOOL)).isEqualTo("unit9Dept02");
		assertThat(LeadDepartmentInference.infer("课程安排随意", "", SCHOOL)).isEqualTo("unit9Dept01");
		assertThat(LeadDepartmentInference.infer("专项经费使用不规范", "", SCHOOL)).isEqualTo("unit9Dept03");
		// 食堂 points to the college's 后勤处, which the school does not have: its 党政办公室 coordinates.
		assertThat(LeadDepartmentInference.infer("学生食堂管理不规范", "", SCHOOL)).isEqualTo("unit9Dept04");
		assertThat(LeadDepartmentInference.infer("作风建设有差距", "", SCHOOL.subList(0, 2))).isEqualTo("unit9Dept01");
		assertThat(LeadDepartmentInference.infer("作风建设有差距", "", List.of())).isNull();
	}

}

package org.rectiflow.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(AssessmentController.class)
class AssessmentControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AssessmentService assessments;

	@BeforeEach
	void anAssessment() {
		Assessment.DepartmentRow logistics = new Assessment.DepartmentRow("logisticsDepartment", "后勤处", 2, 0, 1, 10, 1,
				2, 1, 1, List.of("张三"));
		given(this.assessments.of(3L)).willReturn(new Assessment(3L, "湖南某学院巡察整改", LocalDate.of(2026, 11, 25),
				List.of(logistics),
				List.of(new Assessment.NoticeRow(9L, Instant.parse("2026-11-20T02:00:00Z"), "logisticsDepartment", "后勤处",
						"张三", "OVERDUE", 7L, "1.1.1", "超过整改期限仍未报送整改材料")),
				logistics));
	}

	@Test
	@WithMockUser(username = "disciplineOfficer", authorities = "GROUP_discipline")
	void showsTheDisciplineCommitteeEachDepartmentAndEveryNotice() throws Exception {
		this.mvc.perform(get("/inspections/3/assessment"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("部门整改考核情况"), containsString("后勤处"),
					containsString("1 / 2"), containsString("张三"), containsString("超过整改期限仍未报送整改材料"),
					containsString("href=\"/tasks/7\""), containsString("逾期未整改"))));
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "GROUP_logisticsDepartment")
	void isNotForTheDepartmentsBeingAssessed() throws Exception {
		this.mvc.perform(get("/inspections/3/assessment")).andExpect(status().isForbidden());
	}

}

package org.rectiflow.supervision;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@PortalWebMvcTest(SignOffController.class)
@WithMockUser("disciplineOfficer")
class SignOffControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SupervisionService supervision;

	@Test
	void aCompleteSignOffIsSignedByTheLogin() throws Exception {
		this.mvc.perform(post("/tasks/7/sign-off").with(csrf())
			.param("date", "2026-11-24")
			.param("place", "学生宿舍3号楼")
			.param("participants", "钱纪检干部")
			.param("checkedItems", "维修台账")
			.param("findings", "缺少学生签字确认")
			.param("verdict", "return"))
			.andExpect(redirectedUrl("/tasks/7"))
			.andExpect(flash().attribute("message", "已退回牵头部门整改，督办意见已送达"));
		verify(this.supervision).signOff(7L, new SignOff(LocalDate.of(2026, 11, 24), "学生宿舍3号楼", "钱纪检干部", "维修台账",
				"缺少学生签字确认", "return"), "disciplineOfficer");
	}

	@Test
	void everyMissingOrWrongFieldIsNamedAndWhatWasTypedIsKept() throws Exception {
		this.mvc.perform(post("/tasks/7/sign-off").with(csrf())
			.param("date", "2026-13-45")
			.param("place", "学生宿舍3号楼")
			.param("verdict", "maybe"))
			.andExpect(redirectedUrl("/tasks/7#sign-off"))
			.andExpect(flash().attribute("error", "现场督办记录未填写完整，请按提示补充"))
			.andExpect(flash().attribute("signOffErrors", Map.of("date", "请填写督查日期（年-月-日）", "participants", "此项必填",
					"checkedItems", "此项必填", "findings", "此项必填", "verdict", "请选择督办结论")))
			.andExpect(flash().attribute("signOff", Map.of("date", "2026-13-45", "place", "学生宿舍3号楼", "participants", "",
					"checkedItems", "", "findings", "", "verdict", "maybe")));
		verify(this.supervision, never()).signOff(anyLong(), any(), anyString());
	}

	@Test
	void aRuleTheServiceEnforcesIsShownInPlace() throws Exception {
		willThrow(new RectiflowException.Forbidden("error.signOff.notDiscipline")).given(this.supervision)
			.signOff(eq(7L), any(), eq("disciplineOfficer"));

		this.mvc.perform(post("/tasks/7/sign-off").with(csrf())
			.param("date", "2026-11-24")
			.param("place", "学生宿舍3号楼")
			.param("participants", "钱纪检干部")
			.param("checkedItems", "维修台账")
			.param("findings", "齐全")
			.param("verdict", "accept"))
			.andExpect(redirectedUrl("/tasks/7#sign-off"))
			.andExpect(flash().attribute("error", "只有纪委成员可以进行现场督办签字"));
	}

}

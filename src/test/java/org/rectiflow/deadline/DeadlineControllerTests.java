package org.rectiflow.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.exception.NotValidException;
import org.junit.jupiter.api.Test;
import org.rectiflow.identity.Directory;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.DeadlineExtension;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(DeadlineController.class)
class DeadlineControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@MockitoBean
	DeadlineService deadlines;

	@Test
	@WithMockUser("logisticsDepartmentStaff")
	void requestsAnExtensionAsTheLoggedInMemberWithTheirGroups() throws Exception {
		given(this.directory.groupIds("logisticsDepartmentStaff")).willReturn(List.of("logisticsDepartment"));
		RectificationTask task = new RectificationTask(1L, 2L, "1.1", 1, "宿舍维修");
		task.setDeadline(LocalDate.of(2026, 12, 1));
		DeadlineExtension extension = new DeadlineExtension(task, LocalDate.of(2026, 12, 31), "等待寒假集中维修",
				"logisticsDepartmentStaff", Instant.now());
		given(this.deadlines.requestExtension(eq(7L), eq(LocalDate.of(2026, 12, 31)), eq("等待寒假学生离校后集中维修"),
				eq("logisticsDepartmentStaff"), eq(List.of("logisticsDepartment"))))
			.willReturn(extension);

		this.mvc
			.perform(post("/tasks/7/extension").param("requestedDeadline", "2026-12-31")
				.param("reason", "等待寒假学生离校后集中维修")
				.with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attribute("message", "延期申请已提交，等待责任领导审批（申请延期至 2026-12-31）。"));
	}

	@Test
	@WithMockUser("logisticsDepartmentStaff")
	void aRefusedRequestSaysWhyInChineseAndKeepsWhatWasTyped() throws Exception {
		willThrow(new RectiflowException("error.extension.reasonTooShort", 10)).given(this.deadlines)
			.requestExtension(anyLong(), any(), anyString(), anyString(), anyList());

		this.mvc.perform(post("/tasks/7/extension").param("requestedDeadline", "2026-12-31").param("reason", "太忙")
			.with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attribute("error", "请写明延期理由，不少于10个字。"))
			.andExpect(flash().attribute("extensionForm",
					Map.of("requestedDeadline", "2026-12-31", "reason", "太忙")));
	}

	@Test
	@WithMockUser("logisticsDepartmentStaff")
	void aMalformedDateIsNamedNotAServerError() throws Exception {
		this.mvc.perform(post("/tasks/7/extension").param("requestedDeadline", "2026-13-45").param("reason", "理由理由理由理由理由")
			.with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attribute("error", "日期“2026-13-45”格式不正确，请按“年-月-日”选择。"));
		verify(this.deadlines, never()).requestExtension(anyLong(), any(), anyString(), anyString(), anyList());
	}

	@Test
	@WithMockUser("vicePresidentLogistics")
	void theLeaderDecides() throws Exception {
		this.mvc.perform(post("/tasks/7/extension/decision").param("decision", "approve").with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attribute("message", "已同意延期，整改期限已更新，提醒和督办按新期限重新计时。"));
		verify(this.deadlines).decideExtensionAs(7L, "approve", null, "vicePresidentLogistics");
	}

	@Test
	@WithMockUser("vicePresidentLogistics")
	void aRefusalWithoutReasonIsRefusedWithTheEnginesChineseMessage() throws Exception {
		willThrow(new NotValidException("请填写“意见说明”")).given(this.deadlines)
			.decideExtensionAs(anyLong(), anyString(), anyString(), anyString());

		this.mvc.perform(post("/tasks/7/extension/decision").param("decision", "refuse").param("opinion", "").with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attribute("error", "请填写“意见说明”"));
	}

	@Test
	@WithMockUser("financeDepartmentStaff")
	void anotherDepartmentIsForbidden() throws Exception {
		willThrow(new RectiflowException.Forbidden("error.extension.notLeadDepartment")).given(this.deadlines)
			.requestExtension(anyLong(), any(), anyString(), anyString(), anyList());

		this.mvc.perform(post("/tasks/7/extension").param("requestedDeadline", "2026-12-31")
			.param("reason", "等待寒假学生离校后集中维修")
			.with(csrf()))
			.andExpect(flash().attribute("error", "只有牵头部门可以申请延期。"));
	}

	@Test
	@WithMockUser("logisticsDepartmentStaff")
	void withoutTheCsrfTokenNothingHappens() throws Exception {
		this.mvc.perform(post("/tasks/7/extension").param("requestedDeadline", "2026-12-31").param("reason", "x"))
			.andExpect(status().isForbidden());
		verify(this.deadlines, never()).requestExtension(anyLong(), any(), anyString(), anyString(), anyList());
	}

}

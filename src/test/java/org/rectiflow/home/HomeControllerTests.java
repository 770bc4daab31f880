package org.rectiflow.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.identity.Directory;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.tasklist.WorkQueue;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(HomeController.class)
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@MockitoBean
	LedgerQueries ledgers;

	@MockitoBean
	WorkQueue work;

	@MockitoBean
	RectificationTaskService tasks;

	@BeforeEach
	void department() {
		given(this.directory.groupIds("logisticsDepartmentStaff")).willReturn(List.of("logisticsDepartment"));
		given(this.work.todos(any(), any(), any(), anyInt())).willReturn(new WorkQueue.Page<>(List.of(
				new WorkQueue.Todo("t1", "userTask_submitEvidence", "提交整改材料：宿舍维修（后勤处）",
						Instant.parse("2026-11-20T01:00:00Z"), Instant.parse("2026-11-26T15:59:59Z"), false, 42L),
				new WorkQueue.Todo("t2", "userTask_committeeApproval", "党委会审议整改方案",
						Instant.parse("2026-11-21T01:00:00Z"), null, true, null)), 25));
		given(this.work.recent(any(), any(), anyBoolean(), any(), anyInt())).willReturn(List.of(new WorkQueue.Activity(
				"userTask_leaderReview", "责任领导审核：宿舍维修", "vicePresidentLogistics",
				Instant.parse("2026-11-24T02:00:00Z"), 42L)));
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "UNIT_unit1")
	void showsTodosTasksWithLightsAndActivityInChinese() throws Exception {
		given(this.tasks.openTasksFor(eq("logisticsDepartmentStaff"), eq(List.of("logisticsDepartment")), anyInt()))
			.willReturn(List.of(task(7L, "1.1.1", LocalDate.of(2026, 11, 26)), task(8L, "1.1.2", LocalDate.of(2026, 11, 20)),
					task(9L, "1.1.3", LocalDate.of(2027, 3, 1))));

		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("我的待办"), containsString("href=\"/steps/t1\""),
					containsString("href=\"/steps/t2\""), containsString("在待办任务中查看全部 25 项"),
					containsString("light YELLOW"), containsString("light RED"), containsString("light GREEN"),
					containsString("姓名:vicePresidentLogistics 已办理"))));
		// A department sees its own department's recent work, not everyone's.
		verify(this.work).recent("logisticsDepartmentStaff", "logisticsDepartment", false, java.util.Set.of("unit1"),
				HomeController.ACTIVITY_LIMIT);
	}

	@Test
	@WithMockUser(username = "rectificationClerk", authorities = { "GROUP_rectificationOffice", "UNIT_unit1" })
	void theRectificationOfficeFollowsAllActivityAndSpeaksEnglishOnRequest() throws Exception {
		given(this.directory.groupIds("rectificationClerk")).willReturn(List.of("rectificationOffice"));
		given(this.tasks.openTasksFor(any(), anyList(), anyInt())).willReturn(List.of());

		this.mvc.perform(get("/").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("My to-dos"), containsString("No open tasks"),
					not(containsString("我的待办")))));
		// Within the clerk's unit only (issue 18).
		verify(this.work).recent("rectificationClerk", null, true, java.util.Set.of("unit1"), HomeController.ACTIVITY_LIMIT);
	}

	private static RectificationTask task(Long id, String code, LocalDate deadline) {
		RectificationTask task = new RectificationTask(1L, 2L, code.substring(0, 3), Integer.parseInt(code.substring(4)),
				"任务 " + code);
		ReflectionTestUtils.setField(task, "id", id);
		task.setLeadDepartment("logisticsDepartment");
		task.setDeadline(deadline);
		return task;
	}

}

package org.rectiflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(InboxController.class)
class InboxControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Inbox inbox;

	static final Inbox.Entry UNREAD = new Inbox.Entry(5L, Notice.Kind.ESCALATION, "逾期督办：食堂改造", "已逾期 3 个工作日。",
			"/tasks/7", Instant.parse("2026-11-24T02:00:00Z"), null);

	static final Inbox.Entry READ = new Inbox.Entry(4L, Notice.Kind.REMINDER, "即将到期：宿舍维修", "", null,
			Instant.parse("2026-11-20T02:00:00Z"), Instant.parse("2026-11-21T02:00:00Z"));

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "UNIT_unit1")
	void listsMyNoticesWithKindTimeAndTheUnreadBadgeInChinese() throws Exception {
		given(this.inbox.entries("logisticsDepartmentStaff", java.util.Set.of("unit1"))).willReturn(List.of(UNREAD, READ));
		given(this.inbox.unreadCount("logisticsDepartmentStaff")).willReturn(1);

		this.mvc.perform(get("/inbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("我的消息"), containsString("督办"), containsString("逾期督办：食堂改造"),
					containsString("2026-11-24 10:00"), containsString("href=\"/inbox/5\""), containsString("未读"),
					containsString("action=\"/inbox/5/read\""), not(containsString("action=\"/inbox/4/read\"")),
					containsString("全部标为已读"), containsString("<span class=\"badge\">1</span>"))));
	}

	@Test
	@WithMockUser(username = "rectificationClerk", authorities = { "GROUP_rectificationOffice", "UNIT_unit1" })
	void anEmptyInboxSaysSoInEnglishOnRequest() throws Exception {
		given(this.inbox.entries("rectificationClerk", java.util.Set.of("unit1"))).willReturn(List.of());

		this.mvc.perform(get("/inbox").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No notices"), not(containsString("Mark all read")),
					not(containsString("class=\"badge\"")))));
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "UNIT_unit1")
	void openingANoticeMarksItReadAndGoesToItsItem() throws Exception {
		given(this.inbox.entry("logisticsDepartmentStaff", 5L, java.util.Set.of("unit1"))).willReturn(Optional.of(UNREAD));

		this.mvc.perform(get("/inbox/5")).andExpect(redirectedUrl("/tasks/7"));
		verify(this.inbox).markRead("logisticsDepartmentStaff", 5L);
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "UNIT_unit1")
	void aNoticeThatIsNotMineOrNotANumberGoesBackToTheInboxWithAReason() throws Exception {
		given(this.inbox.entry(anyString(), anyLong(), org.mockito.ArgumentMatchers.any())).willReturn(Optional.empty());

		this.mvc.perform(get("/inbox/99")).andExpect(redirectedUrl("/inbox")).andExpect(flash().attribute("error", "没有找到这条消息"));
		this.mvc.perform(get("/inbox/abc")).andExpect(redirectedUrl("/inbox"));
		this.mvc.perform(post("/inbox/abc/read").with(csrf())).andExpect(redirectedUrl("/inbox"))
			.andExpect(flash().attribute("error", "没有找到这条消息"));
		verify(this.inbox, never()).markRead(anyString(), anyLong());
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "UNIT_unit1")
	void marksOneOrAllRead() throws Exception {
		given(this.inbox.markRead("logisticsDepartmentStaff", 5L)).willReturn(true);
		given(this.inbox.markAllRead("logisticsDepartmentStaff")).willReturn(3);

		this.mvc.perform(post("/inbox/5/read").with(csrf())).andExpect(redirectedUrl("/inbox"))
			.andExpect(flash().attributeCount(0));
		this.mvc.perform(post("/inbox/read-all").with(csrf())).andExpect(redirectedUrl("/inbox"))
			.andExpect(flash().attribute("message", "已将 3 条消息标为已读"));
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "UNIT_unit1")
	void preferencesShowAndSaveTheEmailChoice() throws Exception {
		given(this.inbox.wantsEmail("logisticsDepartmentStaff")).willReturn(true);

		this.mvc.perform(get("/inbox/preferences"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("通知设置"), containsString("checked=\"checked\""),
					containsString("尚未配置邮件服务器"))));
		this.mvc.perform(post("/inbox/preferences").with(csrf())).andExpect(redirectedUrl("/inbox/preferences"));
		verify(this.inbox).setEmail("logisticsDepartmentStaff", false);
		this.mvc.perform(post("/inbox/preferences").param("email", "true").with(csrf()))
			.andExpect(redirectedUrl("/inbox/preferences"));
		verify(this.inbox).setEmail("logisticsDepartmentStaff", true);
	}

	@Test
	void strangersAreSentToLogIn() throws Exception {
		this.mvc.perform(get("/inbox")).andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
	}

}

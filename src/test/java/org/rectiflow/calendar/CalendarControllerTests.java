package org.rectiflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(CalendarController.class)
class CalendarControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CalendarDays calendar;

	@Test
	@WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
	void anAdministratorSeesTheYearsHolidaysAndWorkingWeekends() throws Exception {
		given(this.calendar.year(2026)).willReturn(List.of(
				new CalendarDays.Day(LocalDate.of(2026, 2, 14), true, "春节调休上班", "system", Instant.EPOCH),
				new CalendarDays.Day(LocalDate.of(2026, 2, 15), false, "春节", "system", Instant.EPOCH)));

		this.mvc.perform(get("/admin/calendar").param("year", "2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2026 年节假日与调休"), containsString("春节调休上班"),
					containsString("调休上班"), containsString("放假"))));
	}

	@Test
	@WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
	void aBadYearFallsBackToThisYearWithANotice() throws Exception {
		this.mvc.perform(get("/admin/calendar").param("year", "二〇二六"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("无法识别的年份"), containsString("2026 年节假日与调休"))));
	}

	@Test
	@WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
	void anEditIsSavedByTheAdministratorAndABadOneExplained() throws Exception {
		this.mvc.perform(post("/admin/calendar").with(csrf()).param("date", "2027-02-06").param("working", "false")
			.param("name", "春节"))
			.andExpect(redirectedUrl("/admin/calendar?year=2027"))
			.andExpect(flash().attribute("message", "已保存 2027-02-06"));
		verify(this.calendar).put(LocalDate.of(2027, 2, 6), false, "春节", "admin");

		willThrow(new org.rectiflow.system.RectiflowException("error.calendar.date")).given(this.calendar)
			.put(any(), anyBoolean(), any(), any());
		this.mvc.perform(post("/admin/calendar").with(csrf()).param("date", "2027-13-01").param("name", "春节"))
			.andExpect(flash().attribute("error", "请填写日期（年-月-日）"));
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "GROUP_logisticsDepartment")
	void nobodyElseMayOpenOrChangeIt() throws Exception {
		this.mvc.perform(get("/admin/calendar")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/calendar").with(csrf()).param("date", "2027-02-06").param("name", "春节"))
			.andExpect(status().isForbidden());
		verify(this.calendar, never()).put(any(), anyBoolean(), any(), any());
	}

}

package org.rectiflow.meeting;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.TaskStatus;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The meeting sheet page: Chinese, grouped by leader, printable, and a bad date answered in place, never a 500. */
@PortalWebMvcTest(ProgressMeetingSheetController.class)
@WithMockUser(username = "rectificationClerk", authorities = "GROUP_rectificationOffice")
class ProgressMeetingSheetControllerTests {

	static final Long ID = 7L;

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProgressMeetingSheetService sheets;

	@BeforeEach
	void sheet() {
		given(this.sheets.today()).willReturn(TODAY);
		given(this.sheets.sheet(eq(ID), any())).willAnswer((call) -> sheetOf(call.getArgument(1)));
		given(this.sheets.sheet(eq(999L), any()))
			.willThrow(new RectiflowException.NotFound("error.inspection.notFound", 999L));
	}

	static ProgressMeetingSheet sheetOf(LocalDate date) {
		ProgressMeetingSheet.Item overdue = new ProgressMeetingSheet.Item(101L, "1.1.1", "宿舍日常维修不及时", "后勤处", LocalDate.of(2026, 11, 20),
				TrafficLight.RED, TaskStatus.NOT_COMPLETED, false, "已建立维修台账", LocalDate.of(2026, 11, 18),
				List.of("维修台账.pdf", "照片.jpg"), List.of("建立维修台账，限时办结", "每周通报"));
		ProgressMeetingSheet.Item done = new ProgressMeetingSheet.Item(102L, "1.1.2", "食堂档口无准入规则", "后勤处", LocalDate.of(2026, 11, 10),
				TrafficLight.NONE, TaskStatus.COMPLETED, true, null, null, List.of(), List.of("制定档口准入办法"));
		ProgressMeetingSheet.Item finance = new ProgressMeetingSheet.Item(201L, "1.2.1", "未出台财务报账管理办法", "财务处",
				LocalDate.of(2026, 11, 27), TrafficLight.YELLOW, TaskStatus.NOT_COMPLETED, false, null, null, List.of(),
				List.of("修订报账办法"));
		List<ProgressMeetingSheet.LeaderGroup> leaders = List.of(
				new ProgressMeetingSheet.LeaderGroup("vicePresidentFinance", "王副校长", ProgressMeetingSheet.Summary.of(List.of(finance)),
						List.of(finance)),
				new ProgressMeetingSheet.LeaderGroup("vicePresidentLogistics", "吴副校长",
						ProgressMeetingSheet.Summary.of(List.of(overdue, done)), List.of(overdue, done)));
		return new ProgressMeetingSheet(ID, "省委第四巡察组巡察测试学院党委", "测试学院党委", InspectionStatus.RECTIFYING, date,
				ProgressMeetingSheet.Summary.of(List.of(overdue, done, finance)), leaders);
	}

	@Test
	void shouldShowTheSheetInChineseGroupedByLeader() throws Exception {
		String body = page("/inspections/7/progress-meeting?date=2026-11-20");

		verify(this.sheets).sheet(ID, LocalDate.of(2026, 11, 20));
		assertThat(body).contains("巡察整改工作调度会材料", "情况截至 2026-11-20", "共 3 项，已完成 1 项，基本完成 0 项，已逾期 1 项，即将到期 1 项",
				"王副校长", "共 1 项，已完成 0 项，基本完成 0 项，已逾期 0 项，即将到期 1 项", "吴副校长", "共 2 项，已完成 1 项，基本完成 0 项，已逾期 1 项，即将到期 0 项",
				"已建立维修台账", "（2026-11-18 报送）", "2 份", "维修台账.pdf", "建立维修台账，限时办结",
				"按方案所列措施推进，2026-11-20 前完成", "已销号", "尚未报送整改进展", "打印", "/js/meeting-sheet.js");
		assertThat(body.indexOf("王副校长")).isLessThan(body.indexOf("吴副校长"));
		assertThat(body.indexOf("宿舍日常维修不及时")).isGreaterThan(body.indexOf("吴副校长"));
		assertThat(body).doesNotContain("onclick", "meeting.", "??");
	}

	@Test
	void shouldDefaultToToday() throws Exception {
		String body = page("/inspections/7/progress-meeting");

		verify(this.sheets).sheet(ID, TODAY);
		assertThat(body).contains("情况截至 2026-11-25").doesNotContain("无法识别");
	}

	@Test
	void shouldAnswerABadDateWithTodaysSheetAndANotice() throws Exception {
		String body = page("/inspections/7/progress-meeting?date=abc");

		verify(this.sheets).sheet(ID, TODAY);
		assertThat(body).contains("会议日期“abc”无法识别", "已按今天（2026-11-25）生成", "情况截至 2026-11-25");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30", "2026-13-01", "+999999999-12-31", "9999-12-31", "1900-01-01", "20261125",
			"2026/11/25", "<script>" })
	void shouldAnswerADateItCannotUseWithTodaysSheet(String date) throws Exception {
		String body = this.mvc.perform(get("/inspections/7/progress-meeting").param("date", date))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		verify(this.sheets).sheet(ID, TODAY);
		assertThat(body).contains("会议日期“" + HtmlUtils.htmlEscape(date) + "”无法识别").doesNotContain("<script>");
	}

	@Test
	void shouldLinkTheSheetFromTheInspectionTabs() throws Exception {
		String body = page("/inspections/7/progress-meeting");

		assertThat(body).contains("href=\"/inspections/7/progress-meeting\"", "调度会材料");
	}

	@Test
	void shouldSpeakEnglishWhenAsked() throws Exception {
		String body = page("/inspections/7/progress-meeting?lang=en");

		assertThat(body).contains("Rectification progress meeting sheet", "3 tasks: 1 completed, 0 basically completed, 1 overdue, 1 due soon",
				"Print");
	}

	@Test
	void shouldAnswerAnUnknownInspectionWithNotFound() throws Exception {
		this.mvc.perform(get("/inspections/999/progress-meeting")).andExpect(status().isNotFound());
	}

	@Test
	void shouldNotFailOnAnInspectionIdThatIsNotANumber() throws Exception {
		int status = this.mvc.perform(get("/inspections/x/progress-meeting")).andReturn().getResponse().getStatus();

		assertThat(status).isBetween(400, 499);
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "GROUP_logisticsDepartment")
	void isNotForADepartment() throws Exception {
		this.mvc.perform(get("/inspections/7/progress-meeting")).andExpect(status().isForbidden());
	}

}

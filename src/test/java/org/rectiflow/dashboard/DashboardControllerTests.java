package org.rectiflow.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.dashboard.Dashboard.Completion;
import org.rectiflow.dashboard.Dashboard.Day;
import org.rectiflow.dashboard.Dashboard.DepartmentRow;
import org.rectiflow.dashboard.Dashboard.Headline;
import org.rectiflow.dashboard.Dashboard.ProblemRow;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.ledger.OutcomeCounts;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@PortalWebMvcTest(DashboardController.class)
@WithMockUser(username = "rectificationClerk", authorities = "GROUP_rectificationOffice")
class DashboardControllerTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DashboardService dashboards;

	/** Problem 1.3 with a task of every outcome, one of the open ones overdue; a department with none overdue. */
	static Dashboard sample() {
		ProblemRow p11 = new ProblemRow(11L, "1.1", "宿舍日常维修不及时", new OutcomeCounts(2, 2, 0, 0, 0), 0);
		ProblemRow p13 = new ProblemRow(13L, "1.3", "财务报账<b>不规范</b>", new OutcomeCounts(5, 1, 1, 2, 1), 1);
		return new Dashboard(7L, "省委第四巡察组巡察反馈", "测试学院党委", InspectionStatus.RECTIFYING, TODAY,
				new Headline(new OutcomeCounts(2, 1, 1, 0, 0), new OutcomeCounts(7, 3, 1, 2, 1), 1, 1), List.of(p11, p13),
				List.of(new DepartmentRow("financeDepartment", "财务处", new OutcomeCounts(5, 1, 1, 2, 1), 1),
						new DepartmentRow("logisticsDepartment", "后勤处", new OutcomeCounts(2, 2, 0, 0, 0), 0)),
				new Completion(7, List.of(new Day(LocalDate.of(2026, 11, 20), 2, 2), new Day(LocalDate.of(2026, 11, 24), 2, 4))));
	}

	@Test
	void pageSpeaksChineseAndCarriesTheChartsLabelsAndAddresses() throws Exception {
		given(this.dashboards.dashboard(7L)).willReturn(sample());

		this.mvc.perform(get("/inspections/7/dashboard"))
			.andExpect(status().isOk())
			.andExpect(view().name("dashboard/dashboard"))
			.andExpect(content().string(allOf(containsString("挂图作战"), containsString("各具体问题整改进度"),
					containsString("各牵头部门整改进度"), containsString("销号进度"), containsString("统计截至 2026-11-25"),
					containsString("已销号 4 项，共 7 项细化任务，销号率 57%"))))
			.andExpect(content().string(allOf(containsString("data-source=\"/inspections/7/dashboard/data\""),
					containsString("data-tasks=\"/inspections/7/tasks\""), containsString("data-locale=\"ZH\""),
					containsString("data-label-not-completed=\"未完成\""), containsString("data-label-overdue=\"已逾期\""),
					containsString("data-label-total=\"任务总数\""))))
			// ECharts from the webjar; webjars-locator-lite puts the version in
			.andExpect(content().string(allOf(containsString("src=\"/webjars/echarts/"),
					containsString("/dist/echarts.min.js\""), not(containsString("cdn")),
					containsString("src=\"/js/dashboard.js\""), not(containsString("<script>")), not(containsString("onclick")))))
			// Titles are text, never markup.
			.andExpect(content().string(allOf(containsString("财务报账&lt;b&gt;不规范&lt;/b&gt;"), not(containsString("<b>不规范")))));
	}

	@Test
	void everyCountLinksToTheTasksItCounts() throws Exception {
		given(this.dashboards.dashboard(7L)).willReturn(sample());

		this.mvc.perform(get("/inspections/7/dashboard"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("href=\"/inspections/7/tasks?problem=13&amp;status=NOT_COMPLETED\">2</a>"),
					containsString("href=\"/inspections/7/tasks?problem=13&amp;overdue=true\">1</a>"),
					containsString("href=\"/inspections/7/tasks?problem=11&amp;status=COMPLETED\">2</a>"),
					containsString("href=\"/inspections/7/tasks?department=financeDepartment&amp;status=LONG_TERM\">1</a>"),
					containsString("href=\"/inspections/7/tasks?department=financeDepartment&amp;overdue=true\">1</a>"),
					containsString("href=\"/inspections/7/tasks?overdue=true\""),
					containsString("href=\"/inspections/7/tasks?light=YELLOW\""),
					// the tabs fragment, with the dashboard tab active
					containsString("class=\"active\">挂图作战</a>"))))
			// a zero opens nothing
			.andExpect(content().string(not(containsString("problem=11&amp;status=NOT_COMPLETED"))));
	}

	@Test
	void pageSpeaksEnglishWhenAsked() throws Exception {
		given(this.dashboards.dashboard(7L)).willReturn(sample());

		this.mvc.perform(get("/inspections/7/dashboard").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Progress by problem"), containsString("data-locale=\"EN\""),
					containsString("data-label-not-completed=\"Not completed\""), not(containsString("各具体问题整改进度")))));
	}

	@Test
	void dataGivesTheScriptTheSameNumbers() throws Exception {
		given(this.dashboards.dashboard(7L)).willReturn(sample());

		this.mvc.perform(get("/inspections/7/dashboard/data").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.inspectionId").value(7))
			.andExpect(jsonPath("$.today").value("2026-11-25"))
			.andExpect(jsonPath("$.headline.tasks.total").value(7))
			.andExpect(jsonPath("$.headline.overdue").value(1))
			.andExpect(jsonPath("$.headline.dueSoon").value(1))
			.andExpect(jsonPath("$.byProblem[1].id").value(13))
			.andExpect(jsonPath("$.byProblem[1].code").value("1.3"))
			.andExpect(jsonPath("$.byProblem[1].counts.notCompleted").value(2))
			.andExpect(jsonPath("$.byProblem[1].counts.basicallyCompleted").value(1))
			.andExpect(jsonPath("$.byProblem[1].overdue").value(1))
			.andExpect(jsonPath("$.byDepartment[0].department").value("financeDepartment"))
			.andExpect(jsonPath("$.byDepartment[0].name").value("财务处"))
			.andExpect(jsonPath("$.byDepartment[0].counts.longTerm").value(1))
			.andExpect(jsonPath("$.completion.total").value(7))
			.andExpect(jsonPath("$.completion.days[1].day").value("2026-11-24"))
			.andExpect(jsonPath("$.completion.days[1].cumulative").value(4));
	}

	@Test
	void unknownInspectionIsNotFound() throws Exception {
		given(this.dashboards.dashboard(404L)).willThrow(new RectiflowException.NotFound("error.inspection.notFound", 404L));

		this.mvc.perform(get("/inspections/404/dashboard"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("未找到编号为 404 的巡察")));
		this.mvc.perform(get("/inspections/404/dashboard/data")).andExpect(status().isNotFound());
	}

	@Test
	void malformedInspectionIdIsABadRequestNotAServerError() throws Exception {
		this.mvc.perform(get("/inspections/abc/dashboard")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/inspections/99999999999999999999/dashboard")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/inspections/abc/dashboard/data")).andExpect(status().isBadRequest());
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "GROUP_logisticsDepartment")
	void isNotForADepartment() throws Exception {
		this.mvc.perform(get("/inspections/7/dashboard")).andExpect(status().isForbidden());
	}

}

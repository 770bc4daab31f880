package org.rectiflow.ledger;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.ledger.LedgerQueries.Heading;
import org.rectiflow.ledger.LedgerQueries.Option;
import org.rectiflow.ledger.LedgerQueries.ProblemList;
import org.rectiflow.ledger.LedgerQueries.ProblemRow;
import org.rectiflow.ledger.LedgerQueries.ResponsibilityRow;
import org.rectiflow.ledger.LedgerQueries.ResponsibilityView;
import org.rectiflow.ledger.LedgerQueries.TaskOptions;
import org.rectiflow.ledger.LedgerQueries.TaskPage;
import org.rectiflow.ledger.LedgerQueries.TaskRow;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The three list pages: Chinese, parameters passed through, bad parameters answered in place, never with a 500. */
@PortalWebMvcTest(LedgerPageController.class)
@WithMockUser("rectificationClerk")
class LedgerPageControllerTests {

	static final Long ID = 7L;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LedgerQueries queries;

	/** The slice has no database: the person's scope as for any list (an inspection group's is tested over HTTP). */
	@MockitoBean
	InspectionScopes scopes;

	@BeforeEach
	void ledger() {
		given(this.scopes.current(any())).willAnswer((call) -> LedgerScope.current());
		given(this.queries.heading(ID)).willReturn(new Heading(ID, "省委第四巡察组巡察测试学院党委", "测试学院党委",
				InspectionStatus.RECTIFYING));
		given(this.queries.heading(999L)).willThrow(new RectiflowException.NotFound("error.inspection.notFound", 999L));
		given(this.queries.taskOptions(eq(ID), any())).willReturn(new TaskOptions(List.of(new Option("3", "1. 全面从严治党推进不实")),
				List.of(new Option("11", "1.1 宿舍日常维修不及时"), new Option("12", "1.2 财务管理漏洞")),
				List.of(new Option("logisticsDepartment", "后勤处"), new Option("financeDepartment", "财务处")),
				List.of(new Option("vicePresidentLogistics", "吴副校长"))));
		given(this.queries.tasks(eq(ID), any(), any())).willAnswer((call) -> {
			TaskListQuery query = call.getArgument(1);
			return new TaskPage(query, List.of(new TaskRow(101L, "1.1.1", "宿舍日常维修不及时，学生意见大", TaskKind.CONCENTRATED,
					11L, "1.1", "宿舍日常维修不及时", "logisticsDepartment", "后勤处", "vicePresidentLogistics", "吴副校长", "张三",
					LocalDate.of(2026, 11, 20), TaskStatus.NOT_COMPLETED, true, TrafficLight.RED, 2)), 45, null);
		});
		OutcomeCounts open = new OutcomeCounts(2, 0, 0, 2, 0);
		OutcomeCounts done = new OutcomeCounts(1, 1, 0, 0, 0);
		given(this.queries.problems(eq(ID), any())).willReturn(new ProblemList(List.of(
				new ProblemRow(11L, "1.1", "宿舍日常维修不及时", true, 3L, 1, "全面从严治党推进不实", open, 1),
				new ProblemRow(12L, "1.2", "财务管理漏洞", false, 3L, 1, "全面从严治党推进不实", done, 0),
				new ProblemRow(21L, "2.1", "会议文件过多", false, 4L, 2, "作风建设不扎实", done, 0)),
				new OutcomeCounts(3, 2, 0, 1, 0), new OutcomeCounts(4, 2, 0, 2, 0), 1));
		given(this.queries.responsibilities(eq(ID), eq(ResponsibilityView.DEPARTMENT), any())).willReturn(List.of(
				new ResponsibilityRow("logisticsDepartment", "后勤处", List.of("吴副校长"), open, 1, 1),
				new ResponsibilityRow(null, null, List.of(), done, 0, 0)));
		given(this.queries.responsibilities(eq(ID), eq(ResponsibilityView.LEADER), any())).willReturn(List.of(
				new ResponsibilityRow("vicePresidentLogistics", "吴副校长", List.of("后勤处"), open, 1, 1)));
	}

	@Test
	void problemListSpeaksChineseAndLinksEveryProblemToItsTasks() throws Exception {
		this.mvc.perform(get("/inspections/{id}", ID))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("问题清单"), containsString("宿舍日常维修不及时"),
					containsString("1. 全面从严治党推进不实"), containsString("2. 作风建设不扎实"), containsString("上轮巡察问题"),
					containsString("显示 3 项，共 3 项"), containsString("href=\"/inspections/7/tasks?problem=11\""),
					containsString("href=\"/inspections/7/tasks?problem=11&amp;overdue=true\""),
					containsString("完成 2 · 基本完成 0 · 未完成 1 · 长期 0"))));
	}

	@Test
	void problemListFiltersByCategoryStatusAndText() throws Exception {
		String byCategory = page("/inspections/7?category=4");
		assertThat(byCategory).contains("会议文件过多", "显示 1 项，共 3 项").doesNotContain("财务管理漏洞");
		String byStatus = page("/inspections/7?status=NOT_COMPLETED");
		assertThat(byStatus).contains(">宿舍日常维修不及时<").doesNotContain("财务管理漏洞", "会议文件过多");
		String byText = page("/inspections/7?q=财务");
		assertThat(byText).contains("财务管理漏洞", "显示 1 项").doesNotContain("会议文件过多");
		String nothing = page("/inspections/7?q=不存在的问题");
		assertThat(nothing).contains("没有符合条件的具体问题");
	}

	@Test
	void problemListIgnoresBadFiltersWithANotice() throws Exception {
		String body = page("/inspections/7?category=abc&status=evil");
		assertThat(body).contains("“问题类别”的取值“abc”无法识别", "“整改结果”的取值“evil”无法识别", "显示 3 项，共 3 项");
	}

	@Test
	void taskListPassesEveryParameterThrough() throws Exception {
		String body = page("/inspections/7/tasks?category=3&problem=11&department=logisticsDepartment"
				+ "&leader=vicePresidentLogistics&status=NOT_COMPLETED&kind=CONCENTRATED&overdue=true&light=RED&q=宿舍"
				+ "&sort=deadline&dir=desc&page=1&size=10");

		ArgumentCaptor<TaskListQuery> asked = ArgumentCaptor.forClass(TaskListQuery.class);
		verify(this.queries).tasks(eq(ID), asked.capture(), any());
		assertThat(asked.getValue()).isEqualTo(new TaskListQuery(3L, 11L, "logisticsDepartment", "vicePresidentLogistics",
				TaskStatus.NOT_COMPLETED, TaskKind.CONCENTRATED, true, TrafficLight.RED, "宿舍", TaskListQuery.Sort.DEADLINE,
				true, 1, 10));
		assertThat(body).contains("任务清单", "共 45 项", "第 2 / 5 页", "宿舍日常维修不及时，学生意见大", "后勤处", "吴副校长",
				"<span class=\"light RED\"", "已逾期", "集中整改")
			.doesNotContain("无法识别");
		// the form shows what was asked, and paging keeps every filter and the order
		assertThat(body).contains("<option value=\"logisticsDepartment\" selected=\"selected\">后勤处</option>",
				"<option value=\"RED\" selected=\"selected\">已逾期</option>", "value=\"宿舍\"",
				"<input type=\"checkbox\" id=\"overdue\" name=\"overdue\" value=\"true\" checked=\"checked\">");
		assertThat(body).contains("href=\"/inspections/7/tasks?category=3&amp;problem=11&amp;department=logisticsDepartment"
				+ "&amp;leader=vicePresidentLogistics&amp;status=NOT_COMPLETED&amp;kind=CONCENTRATED&amp;overdue=true"
				+ "&amp;light=RED&amp;q=%E5%AE%BF%E8%88%8D&amp;sort=deadline&amp;dir=desc&amp;page=2&amp;size=10\"");
		// sorting by another column keeps the filters and starts again at the first page
		assertThat(body).contains("&amp;q=%E5%AE%BF%E8%88%8D&amp;sort=status&amp;size=10\"");
		assertThat(body).contains("href=\"/tasks/101\"", "href=\"/inspections/7/tasks?problem=11\"");
	}

	@Test
	void taskListWithoutParametersAsksForTheFirstPageByCode() throws Exception {
		assertThat(page("/inspections/7/tasks")).contains("共 45 项", "第 1 / 3 页").doesNotContain("class=\"notice\"");
		ArgumentCaptor<TaskListQuery> asked = ArgumentCaptor.forClass(TaskListQuery.class);
		verify(this.queries).tasks(eq(ID), asked.capture(), any());
		assertThat(asked.getValue()).isEqualTo(TaskListQuery.all());
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=EVIL", "kind=SOMETIMES", "light=PURPLE", "overdue=perhaps", "category=abc",
			"category=999", "problem=1.1", "department=evilDepartment", "leader=nobody", "sort=evil", "sort=code;drop table",
			"dir=sideways", "page=-1", "page=abc", "page=99999999999", "size=100000", "size=0", "size=-5", "size=x",
			"q=%'\"<script>" })
	void taskListAnswersABadParameterInPlaceWithTheDefault(String parameter) throws Exception {
		String[] nameAndValue = parameter.split("=", 2);
		MvcResult result = this.mvc.perform(get("/inspections/7/tasks").param(nameAndValue[0], nameAndValue[1]))
			.andExpect(status().isOk())
			.andReturn();
		String body = result.getResponse().getContentAsString();

		ArgumentCaptor<TaskListQuery> asked = ArgumentCaptor.forClass(TaskListQuery.class);
		verify(this.queries).tasks(eq(ID), asked.capture(), any());
		if (parameter.startsWith("q=")) {
			// a search is never "bad": it is bound as a value, and the page escapes it when it shows it
			assertThat(asked.getValue().q()).isEqualTo("%'\"<script>");
			assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;");
			return;
		}
		assertThat(asked.getValue()).isEqualTo(TaskListQuery.all());
		assertThat(body).contains("class=\"notice\"").containsAnyOf("无法识别", "无效");
	}

	@Test
	void taskListSaysWhatItDidWithSeveralBadParameters() throws Exception {
		String body = page("/inspections/7/tasks?status=EVIL&page=-1&size=100000&sort=evil&category=abc");

		assertThat(body).contains("“整改结果”的取值“EVIL”无法识别或不属于本次巡察，已忽略该条件", "页码“-1”无效，已显示第 1 页",
				"每页条数“100000”无效（应为 1–100），已按每页 20 条显示", "排序方式“evil”无法识别，已按编号排序",
				"“问题类别”的取值“abc”无法识别");
	}

	@Test
	void taskListSaysWhenThePageAskedForIsBeyondTheLast() throws Exception {
		given(this.queries.tasks(eq(ID), any(), any())).willAnswer((call) -> {
			TaskListQuery query = call.getArgument(1);
			return new TaskPage(query.withPage(2), List.of(), 45, query.page());
		});

		assertThat(page("/inspections/7/tasks?page=9")).contains("第 10 页不存在（共 3 页），已显示最后一页", "第 3 / 3 页");
	}

	@Test
	void taskListInEnglishOnRequest() throws Exception {
		assertThat(page("/inspections/7/tasks?lang=en&status=EVIL")).contains("Task list", "45 in all",
				"The value &quot;EVIL&quot; of &quot;Outcome&quot; is not recognised");
	}

	@Test
	void responsibilityListByDepartmentAndByLeader() throws Exception {
		String byDepartment = page("/inspections/7/responsibilities");
		assertThat(byDepartment).contains("责任清单", "后勤处", "吴副校长", "（未指定）",
				"href=\"/inspections/7/tasks?department=logisticsDepartment\"",
				"href=\"/inspections/7/tasks?department=logisticsDepartment&amp;overdue=true\"",
				"href=\"/inspections/7/tasks?department=logisticsDepartment&amp;light=YELLOW\"");
		String byLeader = page("/inspections/7/responsibilities?by=leader");
		assertThat(byLeader).contains("href=\"/inspections/7/tasks?leader=vicePresidentLogistics\"", "后勤处");
	}

	@Test
	void responsibilityListIgnoresAnUnknownGrouping() throws Exception {
		assertThat(page("/inspections/7/responsibilities?by=evil")).contains("“统计方式”的取值“evil”无法识别",
				"href=\"/inspections/7/tasks?department=logisticsDepartment\"");
		verify(this.queries).responsibilities(eq(ID), eq(ResponsibilityView.DEPARTMENT), any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/inspections/999", "/inspections/999/tasks", "/inspections/999/responsibilities" })
	void unknownInspectionIsNotFound(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isNotFound())
			.andExpect(content().string(allOf(containsString("未找到编号为 999 的巡察"), not(containsString("Exception")))));
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}

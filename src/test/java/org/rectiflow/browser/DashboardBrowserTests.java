package org.rectiflow.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as the rectification office sees it in a real Chromium: ECharts loads from the webjar under the
 * login, draws every chart without a script error, fits a phone, and a click on a bar segment (at the segment's
 * place on the canvas, through ECharts' own hit testing) lands on the task list filtered to what it counts.
 */
class DashboardBrowserTests extends BrowserTestSupport {

	@Autowired
	ProcessDriver driver;

	Long id;

	Long problem11;

	/** Problem 1.1: one task completed, one open; problem 1.2: its finance task overdue (the deadline timer fired). */
	@BeforeEach
	void inspection() {
		this.id = this.driver.register(TestFeedback.small("浏览器测试：挂图作战", "浏览器挂图学院党委")).getId();
		this.driver.filePlan(this.id);
		RectificationTask done = this.driver.task(this.id, "1.1.1");
		this.problem11 = done.getProblemId();
		this.driver.settle(done, "COMPLETED");
		this.driver.fireTimer(RectificationTaskProcess.PROCESS_KEY, this.driver.task(this.id, "1.2.1").getId(),
				RectificationTaskProcess.BOUNDARY_DEADLINE_PASSED);
	}

	@Test
	void chartsRenderAndABarSegmentOpensTheFilteredTaskList() {
		openDashboard();
		this.browser.screenshot("dashboard-1-desktop");

		assertThat(this.browser.pageText()).contains("挂图作战", "各具体问题整改进度", "各牵头部门整改进度", "逾期任务", "销号进度");
		for (String chart : List.of("problems", "departments", "overdue", "completion")) {
			assertThat(this.browser.all(By.cssSelector("[data-chart='" + chart + "'] canvas"))).as(chart).isNotEmpty();
		}
		assertThat(scriptErrors()).isEmpty();

		clickSegment("problems", "NOT_COMPLETED", 0);

		assertLandedOn(Map.of("problem", String.valueOf(this.problem11), "status", "NOT_COMPLETED"), "problem=", "status=");
	}

	@Test
	void overdueBarsOpenTheOverdueTasksOfTheirDepartment() {
		openDashboard();

		clickSegment("departments", "OVERDUE", departmentIndex("财务处"));

		assertLandedOn(Map.of("department", "financeDepartment", "overdue", "true"), "department=", "overdue=");

		openDashboard();
		clickSegment("overdue", "OVERDUE", 0);

		assertLandedOn(Map.of("department", "financeDepartment", "overdue", "true"), "department=", "overdue=");
	}

	@Test
	void tablesLinkTheSameFiltersWithoutCharts() {
		openDashboard();
		WebElement overdueOfProblem = this.browser.driver
			.findElement(By.cssSelector("#by-problem tbody tr:nth-child(2) td:last-child a"));
		assertThat(overdueOfProblem.getText()).isEqualTo("1");

		this.browser.click(overdueOfProblem);

		assertLandedOn(Map.of("problem", String.valueOf(this.driver.task(this.id, "1.2.1").getProblemId()), "overdue", "true"),
				"problem=", "overdue=");
	}

	@Test
	void fitsAPhone() {
		openDashboard();
		this.browser.driver.manage().window().setSize(new Dimension(390, 844));
		// The charts follow the window (resize listener), and nothing but a table's own scroller is wider than it.
		this.browser.wait.until((d) -> canvasWidth("problems") <= viewportWidth());
		assertThat(((Number) this.browser.driver.executeScript("return document.documentElement.scrollWidth;")).intValue())
			.isLessThanOrEqualTo(viewportWidth());
		this.browser.screenshot("dashboard-2-phone-top");
		this.browser.driver.executeScript("document.getElementById('by-department').scrollIntoView();");
		this.browser.screenshot("dashboard-3-phone-departments");
		this.browser.driver.executeScript("document.getElementById('overdue').scrollIntoView();");
		this.browser.screenshot("dashboard-4-phone-overdue");
		this.browser.driver.executeScript("document.getElementById('completion').scrollIntoView();");
		this.browser.screenshot("dashboard-5-phone-completion");
		assertThat(scriptErrors()).isEmpty();

		clickSegment("problems", "COMPLETED", 0);

		assertLandedOn(Map.of("problem", String.valueOf(this.problem11), "status", "COMPLETED"), "problem=", "status=");
	}

	@Test
	void scriptsLoadWithoutASessionAndEChartsWithoutItsVersion() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/webjars/echarts/dist/echarts.min.js", "/js/dashboard.js")) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		}
	}

	private void openDashboard() {
		if (!this.browser.driver.getCurrentUrl().startsWith("http")) {
			this.browser.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		}
		this.browser.open("/inspections/" + this.id + "/dashboard");
		this.browser.wait.until((d) -> "true".equals(d.findElement(By.id("dashboard")).getAttribute("data-rendered")));
	}

	/**
	 * Clicks the middle of one bar as a person would: ECharts lays the bar out, Selenium moves the mouse onto that
	 * point of the canvas, and ECharts' own hit test decides what was clicked.
	 */
	private void clickSegment(String chart, String seriesId, int dataIndex) {
		WebElement canvas = this.browser.visible(By.cssSelector("[data-chart='" + chart + "'] canvas"));
		this.browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", canvas);
		@SuppressWarnings("unchecked")
		Map<String, Number> point = (Map<String, Number>) this.browser.driver.executeScript("""
				var el = document.querySelector("[data-chart='" + arguments[0] + "']");
				var id = arguments[1];
				var series = echarts.getInstanceByDom(el).getModel().getSeries().filter(function (s) { return s.id === id; })[0];
				var bar = series.getData().getItemLayout(arguments[2]);
				var box = el.getBoundingClientRect();
				return { x: box.left + bar.x + bar.width / 2, y: box.top + bar.y + bar.height / 2, width: Math.abs(bar.width) };
				""", chart, seriesId, dataIndex);
		assertThat(point.get("width").doubleValue()).as("%s %s[%d] is drawn", chart, seriesId, dataIndex).isGreaterThan(1);
		new Actions(this.browser.driver).moveToLocation(point.get("x").intValue(), point.get("y").intValue())
			.click()
			.perform();
	}

	private int departmentIndex(String name) {
		List<WebElement> rows = this.browser.all(By.cssSelector("#by-department tbody tr td:first-child"));
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).getText().equals(name)) {
				return i;
			}
		}
		throw new AssertionError(name + " not in the department table");
	}

	/** The task list of this inspection with exactly these parameters, in the given order. */
	private void assertLandedOn(Map<String, String> parameters, String... order) {
		String tasks = "/inspections/" + this.id + "/tasks";
		this.browser.wait.until((d) -> d.getCurrentUrl().contains(tasks + "?"));
		URI landed = URI.create(this.browser.driver.getCurrentUrl());
		this.browser.screenshot("dashboard-landed-" + String.join("-", parameters.keySet()));
		assertThat(landed.getPath()).isEqualTo(tasks);
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : landed.getRawQuery().split("&")) {
			String[] kv = pair.split("=", 2);
			query.put(kv[0], kv[1]);
		}
		assertThat(query).isEqualTo(parameters);
		int previous = -1;
		for (String name : order) {
			int at = landed.getRawQuery().indexOf(name);
			assertThat(at).as("%s after the one before", name).isGreaterThan(previous);
			previous = at;
		}
	}

	/** What the page logged as errors, less the favicon the application does not have (not the dashboard's). */
	private List<String> scriptErrors() {
		return this.browser.consoleErrors().stream().filter((e) -> !e.contains("/favicon.ico")).toList();
	}

	private long canvasWidth(String chart) {
		return ((Number) this.browser.driver.executeScript(
				"return document.querySelector(\"[data-chart='" + chart + "'] canvas\").getBoundingClientRect().right;"))
			.longValue();
	}

	private int viewportWidth() {
		return ((Number) this.browser.driver.executeScript("return window.innerWidth;")).intValue();
	}

}

package org.rectiflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.rectiflow.TestWorkbooks;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectification office imports a plan workbook from the home page in a real Chromium: a workbook with mistakes
 * comes back with each one placed by sheet, row and column; the corrected one lands on the new inspection's problem
 * list, whose lists offer their export with the filters chosen. Screenshots land in {@code target/screenshots/sheets-*}.
 */
class SpreadsheetBrowserTests extends BrowserTestSupport {

	@Autowired
	PlanWorkbookTemplate template;

	@Test
	void clerkImportsAPlanWorkbookAndExportsTheTaskList(@TempDir Path dir) throws Exception {
		TestWorkbooks workbook = TestWorkbooks.fromTemplate(this.template, Locale.SIMPLIFIED_CHINESE)
			.standardInspection("浏览器导入测试")
			.task("全面从严治党推进不实", "1.1", "宿舍维修和食堂管理不到位", "宿舍日常维修不及时", "建立维修台账\n限时办结", "吴副校长", "后勤处",
					null, "张三", LocalDate.of(2027, 3, 31), null)
			.task("全面从严治党推进不实", "1.2", "财务报账办法缺失", "未出台财务报账管理办法", "修订报账办法", "王校长", "财务处", null,
					null, "三月底", null);
		Path wrong = dir.resolve("整改方案（有误）.xlsx");
		Files.write(wrong, workbook.bytes());
		this.browser.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);

		this.browser.open("/");
		this.browser.visible(By.cssSelector("#plan-import input[type=file]")).sendKeys(wrong.toString());
		this.browser.click(this.browser.driver.findElement(By.cssSelector("#plan-import button[type=submit]")));
		this.browser.visible(By.cssSelector(".import-errors"));
		this.browser.screenshot("sheets-1-import-refused");
		assertThat(this.browser.pageText()).contains("未导入：发现 2 处错误", "以下责任领导在系统中不存在，导入不会新建人员：王校长",
				"“整改期限”不是日期：三月底");
		assertThat(this.browser.all(By.cssSelector(".import-errors tbody tr"))).hasSize(2);

		workbook.planSheet().getRow(2).getCell(5).setCellValue("赵副校长");
		workbook.planSheet().getRow(2).getCell(9).setCellValue("2027-03-31");
		Path right = dir.resolve("整改方案.xlsx");
		Files.write(right, workbook.bytes());
		this.browser.visible(By.id("file")).sendKeys(right.toString());
		this.browser.click(this.browser.driver.findElement(By.cssSelector("form.upload button[type=submit]")));
		this.browser.wait.until((d) -> d.getCurrentUrl().matches(".*/inspections/\\d+$"));
		this.browser.screenshot("sheets-2-imported");
		assertThat(this.browser.pageText()).contains("已导入：2 个具体问题，2 项细化任务", "浏览器导入测试", "财务报账办法缺失");
		assertThat(this.browser.visible(By.id("export-problems")).getAttribute("href")).endsWith("/problems.xlsx");

		this.browser.click(this.browser.driver.findElement(By.linkText("任务清单")));
		new Select(this.browser.visible(By.id("department"))).selectByVisibleText("财务处");
		this.browser.click(this.browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")));
		this.browser.wait.until((d) -> d.getCurrentUrl().contains("department=financeDepartment"));
		this.browser.screenshot("sheets-3-task-list-export");
		assertThat(this.browser.visible(By.id("export-tasks")).getAttribute("href"))
			.contains("/tasks.xlsx?department=financeDepartment");
	}

}

package org.rectiflow.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.ledger.LedgerFixture;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three lists in a real Chromium, on a desktop and on a phone: filtering with the form keeps the choices, and
 * at phone width no list is wider than the screen (rows stack into cards). Screenshots land in
 * {@code target/screenshots/ledger-*}.
 */
class LedgerListsBrowserTests extends BrowserTestSupport {

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskRepository tasks;

	@Autowired
	EvidenceService evidence;

	@Test
	void clerkFiltersTheTaskListWithTheForm() {
		Long id = LedgerFixture.register(this.driver, this.tasks, this.evidence);
		this.browser.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);

		this.browser.open("/inspections/" + id);
		this.browser.screenshot("ledger-1-problems");
		assertThat(this.browser.pageText()).contains("问题清单", "宿舍维修和食堂管理不到位");

		this.browser.open("/inspections/" + id + "/tasks");
		new Select(this.browser.visible(By.id("department"))).selectByVisibleText("财务处");
		new Select(this.browser.driver.findElement(By.id("sort"))).selectByVisibleText("按整改期限");
		this.browser.click(this.browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")));
		this.browser.wait.until((d) -> d.getCurrentUrl().contains("department=financeDepartment"));
		this.browser.screenshot("ledger-2-tasks-filtered");
		assertThat(this.browser.pageText()).contains("共 3 项");
		assertThat(new Select(this.browser.driver.findElement(By.id("department"))).getFirstSelectedOption().getText())
			.isEqualTo("财务处");
		List<String> codes = this.browser.all(By.cssSelector("table.tasks td.code")).stream().map((e) -> e.getText()).toList();
		assertThat(codes).containsExactly("1.2.1", "1.2.2", "2.1.3");

		this.browser.open("/inspections/" + id + "/tasks?status=EVIL&size=100000");
		this.browser.screenshot("ledger-3-tasks-bad-parameters");
		assertThat(this.browser.pageText()).contains("“整改结果”的取值“EVIL”无法识别", "共 11 项");

		this.browser.open("/inspections/" + id + "/responsibilities");
		this.browser.screenshot("ledger-4-responsibilities");
		assertThat(this.browser.pageText()).contains("责任清单", "资产管理处");
	}

	@Test
	void listsFitAPhoneScreen() {
		Long id = LedgerFixture.register(this.driver, this.tasks, this.evidence);
		this.browser.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		this.browser.driver.manage().window().setSize(new Dimension(390, 844));

		for (String list : List.of("", "/tasks", "/responsibilities?by=leader")) {
			this.browser.open("/inspections/" + id + list);
			String name = "ledger-phone" + list.replaceAll("[^a-z]+", "-");
			this.browser.screenshot(name + "-top");
			this.browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'});",
					this.browser.visible(By.cssSelector("table.list")));
			this.browser.screenshot(name + "-list");
			Long overflow = (Long) this.browser.driver
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).as("horizontal overflow of %s at 390px", list).isLessThanOrEqualTo(0L);
		}
	}

}

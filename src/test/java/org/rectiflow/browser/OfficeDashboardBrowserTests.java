package org.rectiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.PlanService;
import org.rectiflow.round.InspectingBodyFixture;
import org.rectiflow.round.Rounds;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inspection office's clerk in a real Chromium (issue 18): opens the office's dashboard of a round over two
 * units, sorts it by overdue tasks, and drills down into a unit's ledger, which shows no control to change it; the
 * dashboard fits a phone. Screenshots land in {@code target/screenshots/office-*}.
 */
class OfficeDashboardBrowserTests extends BrowserTestSupport {

	@Autowired
	Units units;

	@Autowired
	Rounds rounds;

	@Autowired
	IdentityService identityService;

	@Autowired
	PlanService plans;

	@Autowired
	ProcessDriver driver;

	@Autowired
	JdbcClient jdbc;

	InspectingBodyFixture body;

	Long late;

	/** Unit A's plan is filed and one of its tasks overdue; unit B's feedback is still with its group. */
	@BeforeEach
	void aRoundOverTwoUnits() {
		this.body = new InspectingBodyFixture("officeBrowser", this.units, this.rounds, this.identityService);
		this.late = this.plans.registerForRound(InspectingBodyFixture.feedback("浏览器测试：巡察办看板", this.body.unitA),
				this.body.roundUnitA).getId();
		this.plans.handOver(this.late, this.body.leaderA);
		this.driver.filePlan(this.late);
		this.jdbc.sql("update rectification_task set deadline = ? where id = ?")
			.params(java.time.LocalDate.now().minusDays(4), this.driver.task(this.late, "1.2.1").getId())
			.update();
		this.plans.registerForRound(InspectingBodyFixture.feedback("浏览器测试：巡察组手中", this.body.unitB), this.body.roundUnitB);
	}

	@AfterEach
	void release() {
		this.body.release();
	}

	@Test
	void theOfficeClerkSortsTheDashboardAndReadsAUnitsLedger() {
		this.browser.login(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		this.browser.open("/");
		this.browser.click(this.browser.visible(By.id("nav-office")));
		this.browser.visible(By.id("office-dashboard"));
		new org.openqa.selenium.support.ui.Select(this.browser.visible(By.id("round")))
			.selectByValue(String.valueOf(this.body.round.id()));
		this.browser.click(this.browser.visible(By.cssSelector("form.filters button[type=submit]")));
		this.browser.visible(By.id("office-dashboard"));
		assertThat(this.browser.pageText()).contains(this.body.unitA.getName(), this.body.unitB.getName(), "整改中",
				"反馈意见在巡察组（待移交）");

		this.browser.click(this.browser.visible(By.id("sort-overdue")));
		this.browser.click(this.browser.visible(By.id("sort-overdue")));
		this.browser.visible(By.cssSelector("#sort-overdue.desc"));
		List<String> units = this.browser.all(By.cssSelector("#office-dashboard tbody tr .unit-name"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(units).containsExactly(this.body.unitA.getName(), this.body.unitB.getName());
		assertThat(this.browser.all(By.cssSelector("#office-dashboard tbody tr")).get(0).getAttribute("class")).contains("red");
		this.browser.screenshot("office-1-dashboard-sorted");

		this.browser.click(this.browser.visible(By.cssSelector("tr[data-unit='" + this.body.unitA.getId() + "'] a.ledger-link")));
		this.browser.visible(By.cssSelector("table.list"));
		assertThat(this.browser.pageText()).contains("浏览器测试：巡察办看板");
		assertThat(this.browser.all(By.id("plan-replace"))).isEmpty();
		assertThat(this.browser.all(By.cssSelector("form[method=post]:not([action$='/logout'])"))).isEmpty();
		this.browser.screenshot("office-2-unit-ledger");

		this.browser.open("/office/queue");
		this.browser.visible(By.id("office-queue"));
		this.browser.screenshot("office-3-queue");

		this.browser.open("/office/rounds/" + this.body.round.id());
		this.browser.visible(By.id("round-units"));
		assertThat(this.browser.all(By.cssSelector("#unit-" + this.body.unitB.getId() + " form.hand-over"))).hasSize(1);
		this.browser.screenshot("office-3-round");

		this.browser.driver.manage().window().setSize(new Dimension(390, 844));
		this.browser.open("/office/dashboard?round=" + this.body.round.id() + "&sort=overdue&dir=desc");
		WebElement table = this.browser.visible(By.id("office-dashboard"));
		Long overflow = (Long) this.browser.driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
		assertThat(table.isDisplayed()).isTrue();
		this.browser.screenshot("office-4-dashboard-phone");
		this.browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", table);
		this.browser.screenshot("office-5-dashboard-phone-rows");
	}

}

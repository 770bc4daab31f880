package org.rectiflow.browser;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.rectiflow.CrossUnits;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features across units in a real Chromium, on a phone's width where the units' people work: the inspection
 * office sends a common-problem notice, a unit's rectification office answers it, the office accepts it; the office
 * draws a re-check and records its outcome. No page is wider than the phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossUnitBrowserTests extends BrowserTestSupport {

	@Autowired
	CrossUnits crossUnits;

	@AfterAll
	void removeThePeople() {
		this.crossUnits.removePeople();
	}

	@Test
	void theOfficeSendsANoticeAndAUnitAnswersOnItsPhone() {
		String unit = this.crossUnits.unit("浏览器举一反三单位");
		String officer = this.crossUnits.person(unit, Groups.RECTIFICATION_OFFICE);

		this.browser.login(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		this.browser.open("/common-problems");
		this.browser.click(this.browser.visible(By.id("common-problem-new")));
		this.browser.visible(By.id("title")).sendKeys("关于实验室安全管理问题的举一反三通知");
		this.browser.visible(By.id("problemText")).sendKeys("某学院实验室危化品台账不全，出入库登记缺失");
		this.browser.click(this.browser.visible(By.id("unit-" + unit)));
		this.browser.driver.executeScript("arguments[0].value = arguments[1]", this.browser.visible(By.id("deadline")),
				LocalDate.now().plusDays(14).toString());
		this.browser.click(this.browser.visible(By.id("common-problem-submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("举一反三通知已发送"));
		assertThat(this.browser.pageText()).contains("已报送 0 / 1 个单位").contains("待报送");
		String noticePage = this.browser.driver.getCurrentUrl();

		this.browser.driver.manage().deleteAllCookies();
		this.browser.driver.manage().window().setSize(new Dimension(390, 844));
		this.browser.login(officer, DemoAccounts.PASSWORD);
		this.browser.open("/common-problems");
		this.browser.clickText("#common-problem-notices a", "关于实验室安全管理问题的举一反三通知");
		this.browser.clickText("#common-problem-answers a", this.crossUnits.unitName(unit));
		this.browser.click(this.browser.visible(By.id("sameProblem-partly")));
		this.browser.visible(By.id("selfCheckFinding")).sendKeys("自查发现化学实验室危化品出入库登记不全");
		this.browser.visible(By.id("selfCheckMeasures")).sendKeys("本月内补齐台账，建立双人双锁和出入库登记制度");
		this.browser.screenshot("cross-unit-1-answer-phone");
		assertThat(pageWidth()).isLessThanOrEqualTo(viewportWidth());
		this.browser.click(this.browser.visible(By.id("answer-submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("自查自纠情况已报送巡察办"));
		assertThat(this.browser.visible(By.id("answer-status")).getText()).isEqualTo("已报送，待审核");

		this.browser.driver.manage().deleteAllCookies();
		this.browser.login(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		this.browser.driver.get(noticePage);
		assertThat(this.browser.pageText()).contains("已报送 1 / 1 个单位").contains("自查发现化学实验室危化品出入库登记不全");
		this.browser.screenshot("cross-unit-2-notice-phone");
		assertThat(pageWidth()).isLessThanOrEqualTo(viewportWidth());
		this.browser.clickText("#common-problem-answers a", this.crossUnits.unitName(unit));
		this.browser.click(this.browser.visible(By.id("answerDecision-accept")));
		this.browser.click(this.browser.visible(By.id("review-submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("已认可该单位的自查自纠情况"));
		assertThat(this.browser.visible(By.id("answer-status")).getText()).isEqualTo("已认可");
	}

	@Test
	void theOfficeDrawsAReCheckAndRecordsItsOutcome() {
		String unit = this.crossUnits.unit("浏览器反向核查单位");
		this.crossUnits.closedInspection(unit, "浏览器反向核查");

		this.browser.driver.manage().window().setSize(new Dimension(390, 844));
		this.browser.login(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		this.browser.open("/rechecks");
		this.browser.click(this.browser.visible(By.id("unit-" + unit)));
		this.browser.visible(By.id("sampleSize")).sendKeys("2");
		this.browser.visible(By.id("seed")).sendKeys("20261203");
		this.browser.click(this.browser.visible(By.id("re-check-draw-submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("已抽取 2 项已销号任务"));
		assertThat(this.browser.visible(By.id("draw-seed")).getText()).isEqualTo("20261203");
		assertThat(this.browser.visible(By.id("draw-repeat")).getText()).contains("结果一致");
		this.browser.screenshot("cross-unit-3-draw-phone");
		assertThat(pageWidth()).isLessThanOrEqualTo(viewportWidth());

		this.browser.click(this.browser.all(By.cssSelector("#re-check-results a")).get(0));
		this.browser.click(this.browser.visible(By.id("reCheckOutcome-passed")));
		this.browser.visible(By.id("reCheckFinding")).sendKeys("调阅台账和佐证材料，现场查看，整改到位");
		this.browser.click(this.browser.visible(By.id("re-check-submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("已记录：核查通过"));
		assertThat(this.browser.visible(By.id("re-check-status")).getText()).isEqualTo("核查通过");
		this.browser.screenshot("cross-unit-4-re-check-phone");
	}

	private int pageWidth() {
		return ((Number) this.browser.driver.executeScript("return document.documentElement.scrollWidth;")).intValue();
	}

	private int viewportWidth() {
		return ((Number) this.browser.driver.executeScript("return document.documentElement.clientWidth;")).intValue();
	}

}

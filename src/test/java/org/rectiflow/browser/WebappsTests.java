package org.rectiflow.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rectiflow.identity.DemoAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** One sign-in on our page opens every Camunda webapp, in Chinese, under our name, without the CE banner. */
class WebappsTests extends BrowserTestSupport {

	@Test
	void administratorSeesCockpitAndAdminInChineseAfterOneLogin() {
		this.browser.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);

		this.browser.open("/camunda/app/cockpit/");
		this.browser.waitForText("流程定义");
		this.browser.screenshot("webapps-1-cockpit");
		assertThat(this.browser.pageText()).contains("整改通").doesNotContain("Camunda 8").doesNotContain("Process Definitions");
		assertThat(this.browser.all(By.cssSelector(".ce-eol-banner")).stream().noneMatch((e) -> e.isDisplayed())).isTrue();

		this.browser.open("/camunda/app/admin/");
		this.browser.waitForText("用户");
		this.browser.screenshot("webapps-2-admin");
		assertThat(this.browser.pageText()).contains("系统管理").doesNotContain("Camunda 8");
	}

	@Test
	void wrongPasswordIsRefusedInChinese() {
		this.browser.open("/login");
		// An account no other test signs in with: Camunda delays sign-ins after a wrong password (brute-force guard).
		this.browser.driver.findElement(By.id("username")).sendKeys("researchDepartmentStaff");
		this.browser.driver.findElement(By.id("password")).sendKeys("wrong");
		this.browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();

		this.browser.waitForText("用户名或密码错误");
		this.browser.screenshot("webapps-0-login-failed");
		this.browser.open("/camunda/app/tasklist/");
		assertThat(this.browser.driver.getCurrentUrl()).endsWith("/login");
	}

}

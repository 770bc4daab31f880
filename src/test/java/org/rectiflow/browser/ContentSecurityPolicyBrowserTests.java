package org.rectiflow.browser;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.task.RectificationTask;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our strict Content-Security-Policy (no inline script or style, nothing from elsewhere) in a real Chromium: every
 * portal page, the dashboard's charts and the meeting sheet work under it, and Tasklist, Cockpit and Admin work under
 * their own policy; the console shows no violation anywhere. Also: the login page says how long a throttled account
 * waits, and the discipline committee's audit page verifies the chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserTests extends BrowserTestSupport {

	@Autowired
	ProcessDriver driver;

	Long inspection;

	RectificationTask task;

	/** One filed inspection for the pages that show one, shared by the tests (they only read it). */
	@BeforeAll
	void inspection() {
		this.inspection = this.driver.register(TestFeedback.small("浏览器测试：内容安全策略", "浏览器安全策略学院党委")).getId();
		this.driver.filePlan(this.inspection);
		this.task = this.driver.task(this.inspection, "1.1.1");
		this.driver.uploadEvidence(this.task);
	}

	/** Leaves no open task behind: the tests share one database, and the home page lists a department's first 30. */
	@AfterAll
	void settle() {
		this.driver.tasksOf(this.inspection).forEach((t) -> this.driver.settle(t, "COMPLETED"));
	}

	@Test
	void everyPortalPageWorksUnderTheStrictPolicy() {
		this.browser.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		for (String path : List.of("/", "/inspections/" + this.inspection, "/inspections/" + this.inspection + "/tasks",
				"/inspections/" + this.inspection + "/responsibilities?by=leader",
				"/inspections/" + this.inspection + "/assessment", "/tasks/" + this.task.getId(), "/inbox",
				"/inbox/preferences", "/inspections/" + this.inspection + "/progress-meeting")) {
			this.browser.open(path);
			this.browser.visible(By.tagName("main"));
			assertNoViolation(path);
		}
		this.browser.open("/inspections/" + this.inspection + "/dashboard");
		this.browser.wait.until((d) -> "true".equals(d.findElement(By.id("dashboard")).getAttribute("data-rendered")));
		assertThat(this.browser.all(By.cssSelector("#dashboard canvas"))).isNotEmpty();
		this.browser.screenshot("csp-1-dashboard");
		assertNoViolation("dashboard");
	}

	@Test
	void theDepartmentsEvidenceFormWorksUnderThePolicy() {
		this.browser.login(DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT), DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + this.task.getId());
		this.browser.visible(By.id("narrative"));
		// evidence.js (no inline script) checks the chosen files in the page.
		assertThat(this.browser.all(By.cssSelector("script[src*='evidence.js']"))).isNotEmpty();
		assertNoViolation("task page");
	}

	@Test
	void theWebappsWorkUnderTheirOwnPolicy() {
		this.browser.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		this.browser.open("/camunda/app/tasklist/");
		this.browser.waitForText("我的待办");
		assertNoViolation("tasklist");
		this.browser.open("/camunda/app/cockpit/");
		this.browser.waitForText("流程定义");
		assertNoViolation("cockpit");
		this.browser.open("/camunda/app/admin/");
		this.browser.waitForText("用户");
		this.browser.screenshot("csp-2-admin");
		assertNoViolation("admin");
	}

	@Test
	void theDisciplineCommitteeVerifiesTheAuditChainOnItsPage() {
		this.browser.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		this.browser.open("/audit");
		this.browser.visible(By.id("audit-verify")).click();
		this.browser.waitForText("哈希链完好");
		assertThat(this.browser.pageText()).contains("审计日志", "登录", DemoAccounts.DISCIPLINE_OFFICER);
		this.browser.screenshot("csp-3-audit");
		assertNoViolation("audit");
	}

	@Test
	void aThrottledSignInIsToldHowLongToWait() {
		this.browser.open("/login?locked=15");
		assertThat(this.browser.visible(By.id("login-throttled")).getText()).isEqualTo("登录失败次数过多，请 15 分钟后再试");
		assertNoViolation("login");
	}

	private void assertNoViolation(String where) {
		assertThat(this.browser.consoleErrors()).as(where)
			.filteredOn((e) -> !e.contains("/favicon.ico"))
			.noneMatch((e) -> e.contains("Content Security Policy") || e.contains("Content-Security-Policy"))
			.noneMatch((e) -> e.contains("Uncaught"));
	}

}

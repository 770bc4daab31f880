package org.rectiflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.onboarding.DirectoryWorkbooks;
import org.rectiflow.onboarding.OnboardedUnits;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator onboards a unit in a real Chromium: from the units list to the new unit's page, a directory
 * workbook with mistakes comes back with each one placed by sheet, row and column and nothing created; the corrected
 * one creates the unit and shows each person's initial password once; the new unit's rectification clerk signs in
 * with theirs and lands on their unit's home page. Screenshots land in {@code target/screenshots/onboarding-*}.
 */
class OnboardingBrowserTests extends BrowserTestSupport {

	@Autowired
	Units units;

	@Autowired
	Directory directory;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcTemplate jdbc;

	private final String run = Long.toString(System.nanoTime(), 36);

	@AfterEach
	void removeTheUnit() {
		OnboardedUnits.removeNamed(this.run, this.units, this.directory, this.identityService, this.authorizations,
				this.jdbc);
	}

	@Test
	void administratorOnboardsAUnitFromItsDirectoryWorkbookAndItsClerkSignsIn(@TempDir Path dir) throws Exception {
		String run = this.run;
		String unitName = "县第三中学" + run;
		String clerk = "zgb" + run;
		Path wrong = dir.resolve("通讯录（有误）.xlsx");
		Files.write(wrong, DirectoryWorkbooks.workbook(unitName, "三中", List.of("党政办公室", "总务处", "教务处"),
				List.of(List.of("钱校长", "qxz" + run, "", "党委书记、领导班子"),
						List.of("孙干事", clerk, "党政办公室", "整改办"),
						List.of("李老师", DemoAccounts.SECRETARY, "后勤处"))));
		this.browser.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);

		this.browser.open("/units");
		this.browser.click(this.browser.visible(By.id("new-unit")));
		this.browser.visible(By.cssSelector("#directory-upload input[type=file]")).sendKeys(wrong.toString());
		this.browser.click(this.browser.driver.findElement(By.cssSelector("#directory-upload button[type=submit]")));
		this.browser.visible(By.id("onboarding-errors"));
		this.browser.screenshot("onboarding-1-refused");
		assertThat(this.browser.pageText()).contains("未创建：发现 2 处错误", "账号“secretary”已被使用（账号在所有单位中须唯一），请换一个",
				"部门“后勤处”不在本单位的部门中");
		assertThat(this.browser.all(By.cssSelector("#onboarding-errors tbody tr"))).hasSize(2);

		Path right = dir.resolve("通讯录.xlsx");
		Files.write(right, DirectoryWorkbooks.workbook(unitName, "三中", List.of("党政办公室", "总务处", "教务处"),
				List.of(List.of("钱校长", "qxz" + run, "", "党委书记、领导班子"),
						List.of("孙干事", clerk, "党政办公室", "整改办"),
						List.of("李老师", "lls" + run, "总务处"))));
		this.browser.visible(By.cssSelector("#directory-upload input[type=file]")).sendKeys(right.toString());
		this.browser.click(this.browser.driver.findElement(By.cssSelector("#directory-upload button[type=submit]")));
		this.browser.visible(By.id("unit-created"));
		this.browser.screenshot("onboarding-2-created");
		assertThat(this.browser.pageText()).contains("已创建：" + unitName, "初始密码只显示这一次", "总务处");
		WebElement row = this.browser.all(By.cssSelector("#created-accounts tbody tr"))
			.stream()
			.filter((r) -> r.getText().contains(clerk))
			.findFirst()
			.orElseThrow();
		String password = row.findElement(By.cssSelector("code.initial-password")).getText();
		assertThat(password).hasSize(12);

		this.browser.close();
		this.browser = new Browser("http://localhost:" + this.port);
		this.browser.login(clerk, password);
		this.browser.open("/");
		this.browser.visible(By.id("todos"));
		assertThat(this.browser.visible(By.id("current-unit")).getText()).isEqualTo(unitName);
		assertThat(this.browser.pageText()).contains("孙干事", "导入整改方案");
		this.browser.screenshot("onboarding-3-clerk-home");
	}

}

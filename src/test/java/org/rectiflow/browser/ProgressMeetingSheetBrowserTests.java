package org.rectiflow.browser;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.ledger.LedgerFixture;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meeting sheet in a real Chromium: reached from the inspection's tabs, the print button loads without a script
 * error, the print stylesheet leaves only the sheet on paper, and the page fits a phone. Screenshots of the three
 * views land in {@code target/screenshots/}.
 */
class ProgressMeetingSheetBrowserTests extends BrowserTestSupport {

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskRepository tasks;

	@Autowired
	EvidenceService evidence;

	Long id;

	@BeforeEach
	void inspection() {
		this.id = LedgerFixture.register(this.driver, this.tasks, this.evidence);
	}

	@Test
	void theSheetOpensFromTheTabsPrintsWithoutTheChromeAndFitsAPhone() {
		this.browser.login(DemoAccounts.RECTIFICATION_CLERK, "demo");
		this.browser.open("/inspections/" + this.id);
		this.browser.clickText("nav.tabs a", "调度会材料");
		this.browser.visible(By.cssSelector("section.leader"));
		this.browser.driver.manage().window().setSize(new Dimension(1280, 900));
		this.browser.screenshot("meeting-sheet-1-desktop");

		assertThat(this.browser.pageText()).contains("巡察整改工作调度会材料", "李校长", "吴副校长", "赵副校长", "周书记", "打印");
		assertThat(this.browser.consoleErrors()).filteredOn((e) -> !e.contains("/favicon.ico")).isEmpty();
		assertThat(this.browser.visible(By.cssSelector("button[data-print]")).isDisplayed()).isTrue();

		this.browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		this.browser.screenshot("meeting-sheet-2-print");
		assertThat(this.browser.driver.findElement(By.cssSelector(".topbar")).isDisplayed()).isFalse();
		assertThat(this.browser.driver.findElement(By.cssSelector("nav.tabs")).isDisplayed()).isFalse();
		assertThat(this.browser.driver.findElement(By.cssSelector("button[data-print]")).isDisplayed()).isFalse();
		assertThat(this.browser.driver.findElement(By.cssSelector("section.leader h2")).isDisplayed()).isTrue();
		this.browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

		this.browser.driver.manage().window().setSize(new Dimension(390, 844));
		this.browser.screenshot("meeting-sheet-3-phone");
		Number overflow = (Number) this.browser.driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.longValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
	}

}

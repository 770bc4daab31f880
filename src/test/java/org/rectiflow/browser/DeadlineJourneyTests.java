package org.rectiflow.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.task.DeadlineExtension;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines in a real Chromium: a department asks for an extension, is refused a too-short reason in Chinese without
 * losing its date, asks properly; the leader refuses without a reason (refused), then approves; the deadline and the
 * engine's due date move. The discipline committee issues a criticism notice for a task past its grace period, and
 * finds it in the assessment.
 */
class DeadlineJourneyTests extends BrowserTestSupport {

	private static final String DEPARTMENT = "logisticsDepartmentStaff";

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	DeadlineService deadlines;

	@Autowired
	SupervisionService supervision;

	@Test
	void departmentAsksForMoreTimeAndTheLeaderGrantsIt() {
		RectificationTask task = filedTask("期限旅程：申请延期");
		LocalDate requested = task.getDeadline().plusDays(30);

		this.browser.login(DEPARTMENT, DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		this.browser.click(this.browser.visible(By.cssSelector("#deadline details summary")));
		setDate(this.browser.visible(By.id("ex-date")), requested);
		// Bypass the browser's own minlength check to show the server's message, as a script or old browser would.
		this.browser.driver.executeScript("document.getElementById('ex-reason').removeAttribute('minlength')");
		this.browser.visible(By.id("ex-reason")).sendKeys("太忙");
		this.browser.click(this.browser.driver.findElement(By.id("requestExtension")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("请写明延期理由，不少于10个字"));
		assertThat(this.browser.visible(By.id("ex-date")).getAttribute("value")).isEqualTo(requested.toString());
		this.browser.visible(By.id("ex-reason")).sendKeys("，需待寒假学生离校后集中维修宿舍");
		this.browser.click(this.browser.driver.findElement(By.id("requestExtension")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("延期申请已提交"));
		this.browser.screenshot("deadline-1-extension-requested");
		assertThat(this.deadlines.pendingOf(task.getId())).isPresent();

		this.browser.login(task.getResponsibleLeader(), DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		assertThat(this.browser.visible(By.id("extension-decision")).getText()).contains("需待寒假学生离校后集中维修宿舍",
				requested.toString());
		this.browser.click(this.browser.driver.findElement(By.id("ex-refuse")));
		this.browser.click(this.browser.driver.findElement(By.id("decideExtension")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("请填写“意见说明”"));
		this.browser.click(this.browser.visible(By.id("ex-approve")));
		this.browser.visible(By.id("ex-opinion")).sendKeys("同意，寒假期间务必完成");
		this.browser.click(this.browser.driver.findElement(By.id("decideExtension")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("已同意延期"));
		this.browser.screenshot("deadline-2-extension-approved");

		assertThat(this.tasks.get(task.getId()).getDeadline()).isEqualTo(requested);
		assertThat(this.deadlines.extensionsOf(task.getId())).singleElement()
			.satisfies((e) -> assertThat(e.getStatus()).isEqualTo(DeadlineExtension.Status.APPROVED));
		assertThat(this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)
			.getDueDate()).isEqualTo(Date.from(requested.atTime(23, 59, 59)
				.atZone(ZoneId.of("Asia/Shanghai"))
				.toInstant()));
		assertThat(this.browser.pageText()).contains(requested.toString(), "已同意");
	}

	@Test
	void disciplineCommitteeIssuesACriticismNoticeAndSeesItInTheAssessment() {
		RectificationTask task = filedTask("期限旅程：通报批评");
		this.driver.fireTimer(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.BOUNDARY_DEADLINE_PASSED);
		this.driver.fireTimer(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.TIMER_GRACE_EXPIRED);

		this.browser.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		this.browser.click(this.browser.visible(By.id("cr-issue")));
		this.browser.visible(By.id("cr-reason")).sendKeys("宽限期满仍未报送整改材料，予以通报批评");
		this.browser.click(this.browser.driver.findElement(By.id("decideCriticism")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("已印发通报批评"));
		assertThat(this.supervision.criticismsOf(task.getInspectionId())).singleElement()
			.satisfies((n) -> assertThat(n.getReason()).isEqualTo("宽限期满仍未报送整改材料，予以通报批评"));
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM)).isEmpty();

		this.browser.open("/inspections/" + task.getInspectionId() + "/assessment");
		assertThat(this.browser.visible(By.cssSelector("table.assessment-table")).getText()).contains("后勤处");
		assertThat(this.browser.pageText()).contains("宽限期满仍未报送整改材料，予以通报批评", "张三");
		this.browser.screenshot("deadline-3-assessment");

		this.browser.login(DEPARTMENT, DemoAccounts.PASSWORD);
		this.browser.open("/inspections/" + task.getInspectionId() + "/assessment");
		assertThat(this.browser.pageText()).doesNotContain("部门整改考核情况");
	}

	private void setDate(WebElement input, LocalDate date) {
		this.browser.driver.executeScript("arguments[0].value = arguments[1]", input, date.toString());
	}

	private RectificationTask filedTask(String title) {
		Long id = this.driver.register(TestFeedback.small(title, title + "学院党委")).getId();
		this.driver.filePlan(id);
		return this.driver.task(id, "1.1.1");
	}

}

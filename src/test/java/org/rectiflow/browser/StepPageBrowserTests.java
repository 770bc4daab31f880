package org.rectiflow.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The to-dos leaders and the office do on their phones (issue 20), in real Chromium at 390 px and at desktop width,
 * from the home page to done, as the role: the leader's review (a refused return brings its error into view and
 * focus, then the return is done), the close-off, the Party committee's approval with the plan inline.
 */
class StepPageBrowserTests extends BrowserTestSupport {

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskService tasks;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1440 })
	void aLeaderReviewsOnAPhone(int width) {
		Long inspection = this.driver.register(TestFeedback.small("浏览器审核测试" + width)).getId();
		this.driver.filePlan(inspection);
		RectificationTask task = this.driver.task(inspection, "1.1.1");
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, "logisticsDepartmentStaff",
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按措施完成整改并上传佐证材料"));
		String stepId = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW).getId();
		sized(width);
		this.browser.login(task.getResponsibleLeader(), DemoAccounts.PASSWORD);
		openFromHome(stepId, "/tasks/" + task.getId());
		this.browser.visible(By.id("step-task"));
		assertThat(this.browser.pageText()).contains("责任领导审核", task.getTitle(), "宿舍维修考核办法.pdf");
		noSidewaysScroll();
		if (width == 390) {
			this.browser.screenshot("step-leader-review-390");
		}

		// A return without a reason: the error is at the top and the reason's field has the focus, in view.
		this.browser.click(this.browser.visible(By.cssSelector("input[name=leaderDecision][value=return]")));
		this.browser.visible(By.id("f-leaderReason"));
		this.browser.click(this.browser.visible(By.id("complete-step")));
		this.browser.visible(By.id("error-summary"));
		assertThat(this.browser.pageText()).contains("请填写“退回理由”");
		assertThat(this.browser.driver.executeScript("return document.activeElement.id")).isEqualTo("f-leaderReason");
		assertThat((Boolean) this.browser.driver.executeScript("var r = document.activeElement.getBoundingClientRect();"
				+ " return r.top >= 0 && r.bottom <= window.innerHeight;")).as("focused field in view").isTrue();
		if (width == 390) {
			this.browser.screenshot("step-leader-review-refused-390");
		}

		this.browser.visible(By.id("f-leaderReason")).sendKeys("请补充维修台账照片");
		this.browser.click(this.browser.visible(By.id("complete-step")));
		this.browser.visible(By.id("step-done"));
		assertThat(this.browser.pageText()).contains("已办理", "您已于");
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE)).hasSize(1);
		if (width == 390) {
			this.browser.screenshot("step-leader-review-done-390");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1440 })
	void theOfficeClosesOffOnAPhone(int width) {
		Long inspection = this.driver.register(TestFeedback.small("浏览器销号测试" + width)).getId();
		this.driver.filePlan(inspection);
		RectificationTask task = this.driver.task(inspection, "1.1.2");
		this.driver.uploadEvidence(task);
		String key = RectificationTaskProcess.PROCESS_KEY;
		this.driver.complete(key, task.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
				"logisticsDepartmentStaff", Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按措施完成整改并上传佐证材料"));
		this.driver.complete(key, task.getId(), RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
				task.getResponsibleLeader(), Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, "accept"));
		this.driver.complete(key, task.getId(), RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION,
				DemoAccounts.DISCIPLINE_OFFICER, Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION, "accept",
						RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查材料齐全"));
		String stepId = this.driver.one(key, task.getId(), RectificationTaskProcess.USER_TASK_CLOSE_OFF).getId();
		sized(width);
		this.browser.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		openFromHome(stepId, "/tasks/" + task.getId());
		assertThat(this.browser.pageText()).contains("督办销号", task.getTitle(), "现场核查材料齐全".substring(0, 4));
		noSidewaysScroll();
		if (width == 390) {
			this.browser.screenshot("step-close-off-390");
		}
		this.browser.click(this.browser.visible(By.cssSelector("input[name=outcome][value=COMPLETED]")));
		this.browser.visible(By.id("f-closeOffNote")).sendKeys("整改到位，台账已核对");
		this.browser.click(this.browser.visible(By.id("complete-step")));
		this.browser.visible(By.id("step-done"));
		assertThat(this.tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1440 })
	void theCommitteeApprovesThePlanOnAPhone(int width) {
		Long inspection = this.driver.register(TestFeedback.small("浏览器审议测试" + width)).getId();
		String key = RectificationProcess.PROCESS_KEY;
		this.driver.complete(key, inspection, RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "按照三个清单逐项细化整改任务"));
		this.driver.open(key, inspection, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)
			.forEach((t) -> this.driver.complete(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意方案，建议细化时间节点")));
		String stepId = this.driver.one(key, inspection, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL).getId();
		sized(width);
		this.browser.login(DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
		openFromHome(stepId, null);
		this.browser.visible(By.id("plan-lists"));
		assertThat(this.browser.pageText()).contains("党委会审议整改方案", "宿舍日常维修不及时，学生意见大", "未出台财务报账管理办法",
				"同意方案，建议细化时间节点", "责任清单");
		noSidewaysScroll();
		if (width == 390) {
			this.browser.screenshot("step-committee-approval-390");
		}
		this.browser.click(this.browser.visible(By.cssSelector("input[name=committeeDecision][value=approve]")));
		assertThat(this.browser.all(By.id("f-committeeReason")).stream().noneMatch(WebElement::isDisplayed))
			.as("the reason is asked for a return only").isTrue();
		this.browser.click(this.browser.visible(By.id("complete-step")));
		this.browser.visible(By.id("step-done"));
		assertThat(this.driver.open(key, inspection, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE)).hasSize(1);
	}

	private void sized(int width) {
		this.browser.driver.manage().window().setSize(new Dimension(width, (width < 600) ? 844 : 1000));
	}

	/**
	 * The to-do's link on the home page (我的待办, soonest due first: in a database full of other tests' to-dos it may
	 * be beyond the first page, then the task page's own link or the step page's address is the way in).
	 */
	private void openFromHome(String stepId, String taskPage) {
		this.browser.open("/");
		this.browser.visible(By.id("todos"));
		List<WebElement> links = this.browser.all(By.cssSelector("#todos a[href$='/steps/" + stepId + "']"));
		if (!links.isEmpty()) {
			this.browser.click(links.get(0));
		}
		else if (taskPage != null) {
			this.browser.open(taskPage);
			this.browser.click(this.browser.visible(By.id("do-step")));
		}
		else {
			this.browser.open("/steps/" + stepId);
		}
		this.browser.visible(By.id("step-form"));
	}

	private void noSidewaysScroll() {
		assertThat((Boolean) this.browser.driver
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
			.as("no sideways scrolling").isTrue();
	}

}

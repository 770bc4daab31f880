package org.rectiflow.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * What people do in a real Chromium: sign in once on our Chinese login page, work in Camunda Tasklist (single
 * sign-on, our filters, our forms), and leave the engine in the state the process promises. Screenshots land in
 * {@code target/screenshots/}.
 */
class TasklistJourneyTests extends BrowserTestSupport {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	EvidenceService evidence;

	@BeforeEach
	void initAssertions() {
		init(this.engine);
	}

	@Test
	void leaderApprovesThePlanUnderApprovals() {
		Long id = this.driver.register(TestFeedback.small("浏览器测试：方案审议", "浏览器审议学院党委")).getId();
		this.driver.complete(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_DRAFT_PLAN,
				DemoAccounts.RECTIFICATION_CLERK, Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "按三个清单细化整改任务"));
		for (Task t : this.driver.open(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意"));
		}

		this.browser.login(DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
		openTasklist();
		this.browser.clickText(".task-filter", "待审批");
		openTask("党委会审议整改方案：浏览器审议学院党委", "浏览器测试：方案审议");
		this.browser.screenshot("leader-1-approval-form");
		assertThat(this.browser.pageText()).contains("方案要点").contains("按三个清单细化整改任务").doesNotContain("Camunda 8");
		claimChooseAndComplete("Field_committeeDecision-0", Map.of());
		this.browser.screenshot("leader-2-approved");

		assertThat(this.driver.rectification(id)).isWaitingAt(RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE);
	}

	@Test
	void departmentSubmitsProgressWithEvidence() throws Exception {
		Long id = this.driver.register(TestFeedback.small("浏览器测试：提交材料", "浏览器提交学院党委")).getId();
		this.driver.filePlan(id);
		RectificationTask task = this.driver.task(id, "1.1.1");
		Path file = Files.createTempFile("宿舍维修考核办法", ".pdf");
		Files.writeString(file, "%PDF-1.4 宿舍维修人员月度考核办法", StandardCharsets.UTF_8);

		this.browser.login("logisticsDepartmentStaff", DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		this.browser.visible(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		this.browser.driver.findElement(By.id("description")).sendKeys("考核办法正式文件");
		this.browser.click(this.browser.driver.findElement(By.id("saveDraft")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("草稿已保存"));
		this.browser.screenshot("department-1-evidence-uploaded");
		assertThat(this.evidence.evidenceOf(task.getId())).singleElement()
			.satisfies((e) -> assertThat(e.getDescription()).isEqualTo("考核办法正式文件"));

		openTasklist();
		this.browser.clickText(".task-filter", "部门待办");
		openTask("提交整改材料：宿舍日常维修不及时，学生意见大（后勤处）", "浏览器测试：提交材料");
		this.browser.screenshot("department-2-submit-form");
		WebElement progress = this.browser.visible(By.cssSelector("textarea[id$='Field_progressReport']"));
		progress.sendKeys("已整改");
		progress.sendKeys(Keys.TAB);
		this.browser.wait.until((d) -> this.browser.pageText().contains("请至少填写 10 个字"));
		this.browser.screenshot("department-2b-validation-in-chinese");
		progress.sendKeys("：已制定宿舍维修人员月度考核办法并集中维修200多间宿舍");
		claimChooseAndComplete(null, Map.of());
		this.browser.screenshot("department-3-submitted");

		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_LEADER_REVIEW);

		this.browser.open("/inspections/" + id);
		this.browser.screenshot("department-4-ledger");
		assertThat(this.browser.pageText()).contains("问题清单", "任务清单", "责任清单", "宿舍日常维修不及时");
		this.browser.open("/inspections/" + id + "/tasks?department=logisticsDepartment");
		this.browser.screenshot("department-4b-task-list");
		assertThat(this.browser.pageText()).contains("共 2 项", "宿舍日常维修不及时，学生意见大");
		assertThat(this.browser.pageText()).as("the unpublished progress report is not the department's to read")
			.doesNotContain("整改进展情况通报");
		this.browser.open("/inspections/" + id + "/public-report");
		this.browser.screenshot("department-5-public-report-refused");
		assertThat(this.browser.pageText()).doesNotContain("浏览器提交学院党委关于巡察整改进展情况的通报", "th:");
	}

	@Test
	void disciplineCommitteeSignsOffOnSite() {
		Long id = this.driver.register(TestFeedback.small("浏览器测试：现场督办", "浏览器督办学院党委")).getId();
		this.driver.filePlan(id);
		RectificationTask task = this.driver.task(id, "1.2.1");
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
				"financeDepartmentStaff", Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已出台财务报账管理办法"));
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(), RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
				DemoAccounts.VICE_PRESIDENT_FINANCE, Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));

		this.browser.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		openTasklist();
		this.browser.clickText(".task-filter", "部门待办");
		openTask("纪委现场督办：未出台财务报账管理办法（财务处）", "浏览器测试：现场督办");
		this.browser.screenshot("discipline-1-sign-off-form");
		assertThat(this.browser.pageText()).contains("已出台财务报账管理办法");
		this.browser.visible(By.cssSelector("textarea[id$='Field_supervisionFindings']")).sendKeys("现场核查办法已印发，执行到位");
		claimChooseAndComplete("Field_supervisionDecision-0", Map.of());
		this.browser.screenshot("discipline-2-signed-off");

		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_CLOSE_OFF);
	}

	private void openTasklist() {
		this.browser.open("/camunda/app/tasklist/");
		this.browser.visible(By.cssSelector(".task-filter"));
		this.browser.wait.until((d) -> this.browser.pageText().contains("我的待办"));
	}

	/** Opens the task of that name whose card shows the inspection (other inspections have same-named tasks). */
	private void openTask(String name, String inspectionTitle) {
		this.browser.wait.until((d) -> d.findElements(By.cssSelector(".tasks-list li.task"))
			.stream()
			.filter((t) -> t.getText().contains(name) && t.getText().contains(inspectionTitle))
			.findFirst()
			.map((t) -> {
				this.browser.click(t.findElement(By.cssSelector("h4")));
				return true;
			})
			.orElse(false));
		this.browser.visible(By.cssSelector(".fjs-form"));
	}

	/** Claims the open task, picks a radio option (if any), completes it, and waits for Tasklist's confirmation. */
	private void claimChooseAndComplete(String radioIdSuffix, Map<String, String> unused) {
		this.browser.all(By.cssSelector("button.claim")).stream().filter((b) -> b.isDisplayed()).findFirst().ifPresent(this.browser::click);
		this.browser.wait.until((d) -> d.findElements(By.cssSelector("button.claim")).stream().noneMatch((b) -> b.isDisplayed()));
		if (radioIdSuffix != null) {
			this.browser.click(this.browser.visible(By.cssSelector("input[id$='" + radioIdSuffix + "']")));
		}
		this.browser.clickText("button", "办结");
		this.browser.wait.until((d) -> d.findElements(By.cssSelector(".fjs-form")).isEmpty());
	}

}

package org.rectiflow.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.supervision.SupervisionRecord;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The portal's own journeys in a real Chromium: a department drafts its evidence submission, leaves, comes back,
 * is refused in Chinese without losing its text, and submits; the discipline committee signs off on site, first
 * returning the task with findings the department then sees, then passing it. Each step checks the engine and the
 * tables, and leaves a screenshot under {@code target/screenshots/}.
 */
class PortalJourneyTests extends BrowserTestSupport {

	private static final String DEPARTMENT = "logisticsDepartmentStaff";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	EvidenceService evidence;

	@Autowired
	SupervisionService supervision;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void initAssertions() {
		init(this.engine);
	}

	@Test
	void departmentDraftsResumesAndSubmitsEvidence() throws Exception {
		RectificationTask task = filedTask("门户测试：提交材料");
		Path pdf = Files.createTempFile("维修台账", ".pdf");
		Files.writeString(pdf, "%PDF-1.4 宿舍维修台账", StandardCharsets.UTF_8);
		Path photo = Files.createTempFile("维修现场", ".png");
		Files.write(photo, png());

		this.browser.login(DEPARTMENT, DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		// A file of the wrong type is flagged as soon as it is chosen, before anything is sent.
		Path program = Files.createTempFile("setup", ".exe");
		Files.writeString(program, "MZ");
		this.browser.visible(By.id("files")).sendKeys(program.toAbsolutePath().toString());
		this.browser.wait.until((d) -> this.browser.visible(By.id("files-notice")).getText().contains("类型不支持"));
		this.browser.driver.findElement(By.id("files")).clear();

		this.browser.visible(By.id("narrative")).sendKeys("已集中维修宿舍");
		this.browser.driver.findElement(By.id("files"))
			.sendKeys(pdf.toAbsolutePath() + "\n" + photo.toAbsolutePath());
		this.browser.click(this.browser.driver.findElement(By.id("saveDraft")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("草稿已保存，新上传 2 个文件"));
		this.browser.screenshot("portal-1-draft-saved");
		assertThat(this.evidence.evidenceOf(task.getId())).hasSize(2).noneMatch((e) -> e.isSubmitted());

		// Leaves and comes back: the text and the files are there.
		this.browser.open("/");
		this.browser.open("/tasks/" + task.getId());
		assertThat(this.browser.visible(By.id("narrative")).getAttribute("value")).isEqualTo("已集中维修宿舍");
		assertThat(this.browser.pageText()).contains("草稿保存于").contains("草稿");
		assertThat(this.browser.all(By.cssSelector("a.thumb img"))).as("the photo is previewed").hasSize(1);

		// Too short to be an account of the work: refused in Chinese, nothing lost, the engine did not move.
		this.browser.click(this.browser.driver.findElement(By.id("submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("至少 10 个字"));
		this.browser.screenshot("portal-2-refused-in-chinese");
		assertThat(this.browser.visible(By.id("narrative")).getAttribute("value")).isEqualTo("已集中维修宿舍");
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);

		this.browser.visible(By.id("narrative")).sendKeys("200余间，建立维修人员月度考核办法，学生满意度明显提升");
		this.browser.click(this.browser.driver.findElement(By.id("submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("整改材料已提交"));
		this.browser.screenshot("portal-3-submitted");

		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_LEADER_REVIEW);
		assertThat(this.evidence.evidenceOf(task.getId())).hasSize(2).allMatch((e) -> e.isSubmitted());
		assertThat(this.browser.pageText()).contains("“提交整改材料”由", "已集中维修宿舍200余间");
		assertThat(this.browser.all(By.id("submission"))).as("nothing more to submit").isEmpty();

		this.browser.driver.manage().window().setSize(new Dimension(390, 1400));
		this.browser.open("/tasks/" + task.getId());
		this.browser.screenshot("portal-4-task-on-a-phone");
	}

	@Test
	void disciplineCommitteeReturnsThenSignsOff() throws Exception {
		RectificationTask task = filedTask("门户测试：现场督办");
		submitAndAccept(task);

		this.browser.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		this.browser.visible(By.id("so-place")).sendKeys("学生宿舍3号楼");
		this.browser.click(this.browser.driver.findElement(By.id("so-return")));
		this.browser.click(this.browser.driver.findElement(By.id("signOff")));
		// The browser's own required-field check stops an incomplete form; the server checks again.
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION);
		this.browser.driver.executeScript("document.querySelector('#sign-off form').noValidate = true;");
		this.browser.click(this.browser.driver.findElement(By.id("signOff")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("现场督办记录未填写完整"));
		this.browser.screenshot("portal-5-sign-off-incomplete");
		assertThat(this.browser.pageText()).contains("此项必填");
		assertThat(this.browser.visible(By.id("so-place")).getAttribute("value")).isEqualTo("学生宿舍3号楼");

		this.browser.visible(By.id("so-participants")).sendKeys("钱纪检干部、后勤处负责人");
		this.browser.driver.findElement(By.id("so-checked")).sendKeys("查看维修台账，走访3号楼学生");
		this.browser.driver.findElement(By.id("so-findings")).sendKeys("维修记录缺少学生签字确认，请补充后再报");
		this.browser.click(this.browser.driver.findElement(By.id("so-return")));
		this.browser.click(this.browser.driver.findElement(By.id("signOff")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("已退回牵头部门整改"));
		this.browser.screenshot("portal-6-returned");
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		SupervisionRecord returned = this.supervision.recordsOfTask(task.getId()).get(0);
		assertThat(returned.getRecordedBy()).isEqualTo(DemoAccounts.DISCIPLINE_OFFICER);
		assertThat(returned.getPlace()).isEqualTo("学生宿舍3号楼");
		assertThat(returned.getDecision()).isEqualTo("return");

		// The department sees the findings where it works, and submits again.
		this.browser.login(DEPARTMENT, DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		assertThat(this.browser.visible(By.id("return-reason")).getText()).contains("维修记录缺少学生签字确认");
		this.browser.screenshot("portal-7-department-sees-findings");
		this.browser.visible(By.id("narrative")).clear();
		this.browser.visible(By.id("narrative")).sendKeys("已补充学生签字确认的维修记录共215份");
		this.browser.click(this.browser.driver.findElement(By.id("submit")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("整改材料已提交"));
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));

		this.browser.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		this.browser.open("/tasks/" + task.getId());
		this.browser.visible(By.id("so-place")).sendKeys("学生宿舍3号楼");
		this.browser.driver.findElement(By.id("so-participants")).sendKeys("钱纪检干部");
		this.browser.driver.findElement(By.id("so-checked")).sendKeys("复核学生签字确认记录");
		this.browser.driver.findElement(By.id("so-findings")).sendKeys("记录齐全，措施落实到位");
		this.browser.click(this.browser.driver.findElement(By.id("so-pass")));
		this.browser.screenshot("portal-8-sign-off-form");
		this.browser.click(this.browser.driver.findElement(By.id("signOff")));
		this.browser.wait.until((d) -> this.browser.pageText().contains("已签字确认"));
		this.browser.screenshot("portal-9-signed-off");
		assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()))
			.isWaitingAt(RectificationTaskProcess.USER_TASK_CLOSE_OFF);
		assertThat(this.supervision.recordsOfTask(task.getId())).hasSize(2)
			.last()
			.satisfies((r) -> assertThat(r.getDecision()).isEqualTo("accept"));
		assertThat(this.browser.pageText()).contains("“纪委现场督办”由 钱纪检干部 办理", "记录齐全，措施落实到位");
	}

	@Test
	void homeShowsWhatWaitsAndHowTasksStand() {
		RectificationTask task = filedTask("门户测试：首页");
		// The test database is shared by every test class of the run, and the deadline tests leave dozens of open
		// tasks of the same department due no later than this one; the home page lists the 30 due soonest.
		this.jdbc.update("update rectification_task set deadline = ? where id = ?", java.sql.Date.valueOf("2000-01-01"),
				task.getId());

		this.browser.login(DEPARTMENT, DemoAccounts.PASSWORD);
		this.browser.open("/");
		this.browser.visible(By.id("todos"));
		this.browser.screenshot("portal-0-home");
		// The to-do leads to its step page, which sends the submission on to the task page's form (issue 20).
		String stepId = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE).getId();
		assertThat(this.browser.all(By.cssSelector("#todos a[href='/steps/" + stepId + "']")))
			.as("the department's submission waits on its to-do list").isNotEmpty();
		assertThat(this.browser.all(By.cssSelector("#my-tasks a[href='/tasks/" + task.getId() + "']"))).isNotEmpty();
		assertThat(this.browser.all(By.cssSelector("#my-tasks .light"))).isNotEmpty();

		this.browser.click(this.browser.driver.findElement(By.cssSelector("#todos a[href='/steps/" + stepId + "']")));
		this.browser.visible(By.id("narrative"));
		this.browser.driver.manage().window().setSize(new Dimension(390, 1400));
		this.browser.open("/");
		this.browser.screenshot("portal-0-home-on-a-phone");
	}

	private RectificationTask filedTask(String title) {
		Long id = this.driver.register(TestFeedback.small(title, title + "学院党委")).getId();
		this.driver.filePlan(id);
		return this.driver.task(id, "1.1.1");
	}

	private void submitAndAccept(RectificationTask task) {
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, DEPARTMENT,
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已集中维修宿舍200余间并建立考核办法"));
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
	}

	/** A small valid PNG (8 × 8, red), so the preview really renders an image. */
	private static byte[] png() throws Exception {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 8; x++) {
			for (int y = 0; y < 8; y++) {
				image.setRGB(x, y, 0xb71c1c);
			}
		}
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}

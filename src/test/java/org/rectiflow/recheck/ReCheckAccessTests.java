package org.rectiflow.recheck;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.CrossUnits;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.security.PortalSession;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with re-checks, over real HTTP: only the inspection office draws and sees the draws; a draw is
 * recorded and repeatable; a unit's people see nothing of the re-checks of their tasks, but the department reads the
 * finding of a failed one on its task page. Each test draws from a unit of its own, so that its population is known.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReCheckAccessTests {

	static final Pattern DRAW = Pattern.compile("/rechecks/draws/(\\d+)$");

	@LocalServerPort
	int port;

	@Autowired
	CrossUnits crossUnits;

	@Autowired
	ReCheckRepository reChecks;

	@Autowired
	ReCheckDrawRepository draws;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@AfterAll
	void removeThePeople() {
		this.crossUnits.removePeople();
	}

	@Test
	void onlyTheInspectionOfficeDrawsAndSeesTheDraws() throws Exception {
		String unit = this.crossUnits.unit("反向核查权限测试单位");
		this.crossUnits.closedInspection(unit, "反向核查权限测试");
		String unitOffice = this.crossUnits.person(unit, Groups.RECTIFICATION_OFFICE);
		for (String user : List.of(DemoAccounts.RECTIFICATION_CLERK, unitOffice, "logisticsDepartmentStaff",
				DemoAccounts.DISCIPLINE_OFFICER)) {
			PortalSession session = session(user);
			assertThat(session.get("/rechecks").statusCode()).as("%s lists draws", user).isEqualTo(403);
			assertThat(session.postForm("/rechecks/draws", drawForm(session, "/", unit, "1", "", "5"))
				.statusCode()).as("%s draws", user).isEqualTo(403);
		}
		PortalSession office = session(DemoAccounts.INSPECTOR);
		HttpResponse<String> page = office.get("/rechecks");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(this.crossUnits.unitName(unit));

		Long drawId = draw(office, unit, "1", "", "5");
		Long reCheckId = this.reChecks.findByDrawId(drawId).get(0).getId();
		for (String user : List.of(DemoAccounts.RECTIFICATION_CLERK, unitOffice)) {
			PortalSession session = session(user);
			assertThat(session.get("/rechecks/draws/" + drawId).statusCode()).as("%s reads the draw", user).isEqualTo(403);
			assertThat(session.get("/rechecks/" + reCheckId).statusCode()).as("%s reads the re-check", user).isEqualTo(404);
			assertThat(session.postForm("/rechecks/" + reCheckId, "reCheckOutcome=passed&reCheckFinding="
					+ enc("越权核查，应被拒绝") + "&_csrf=" + session.csrfToken("/")).statusCode())
				.as("%s re-checks", user)
				.isEqualTo(404);
		}
		assertThat(this.reChecks.findById(reCheckId).orElseThrow().getStatus()).isEqualTo(ReCheckStatus.PENDING);
	}

	@Test
	void badParametersAreRefusedWithTheReason() throws Exception {
		String unit = this.crossUnits.unit("反向核查参数测试单位");
		PortalSession office = session(DemoAccounts.INSPECTOR);
		HttpResponse<String> both = office.postForm("/rechecks/draws", drawForm(office, "/rechecks", unit, "2", "10", ""));
		assertThat(both.statusCode()).isEqualTo(302);
		assertThat(office.location(both)).endsWith("/rechecks");
		assertThat(office.get("/rechecks").body()).contains("请填写抽取数量或抽取比例");
		office.postForm("/rechecks/draws", drawForm(office, "/rechecks", unit, "2", "", "abc"));
		assertThat(office.get("/rechecks").body()).contains("随机种子应为整数");
		office.postForm("/rechecks/draws", drawForm(office, "/rechecks", unit, "2", "", "1"));
		assertThat(office.get("/rechecks").body()).as("a unit without closed tasks").contains("没有可抽取的已销号任务");
		office.postForm("/rechecks/draws", drawForm(office, "/rechecks", "noSuchUnit", "2", "", "1"));
		assertThat(office.get("/rechecks").body()).contains("noSuchUnit");
	}

	@Test
	void theDrawIsRecordedAndRepeatsWithTheSameSeedAndPopulation() throws Exception {
		String unit = this.crossUnits.unit("反向核查复核测试单位");
		this.crossUnits.closedInspection(unit, "反向核查复核测试一");
		this.crossUnits.closedInspection(unit, "反向核查复核测试二");
		PortalSession office = session(DemoAccounts.INSPECTOR);

		Long first = draw(office, unit, "", "50", "777");
		ReCheckDraw recorded = this.draws.findById(first).orElseThrow();
		assertThat(recorded.getDrawnBy()).isEqualTo(DemoAccounts.INSPECTOR);
		assertThat(recorded.getSeed()).isEqualTo(777L);
		assertThat(recorded.getSamplePercent()).isEqualTo(50);
		assertThat(recorded.getPopulationSize()).isEqualTo(6);
		assertThat(recorded.getDrawnTaskIds()).hasSize(3)
			.isEqualTo(SampleDraw.draw(recorded.getPopulationTaskIds(), 777L, 3));
		HttpResponse<String> page = office.get("/rechecks/draws/" + first);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("777").contains("结果一致");

		// Every re-check passes: the closed tasks are the same population again, and the same seed draws the same tasks.
		for (ReCheck reCheck : this.reChecks.findByDrawId(first)) {
			HttpResponse<String> done = office.postForm("/rechecks/" + reCheck.getId(), "reCheckOutcome=passed&reCheckFinding="
					+ enc("调阅台账与佐证材料，整改到位") + "&_csrf=" + office.csrfToken("/rechecks/" + reCheck.getId()));
			assertThat(done.statusCode()).isEqualTo(302);
			assertThat(this.reChecks.findById(reCheck.getId()).orElseThrow().getStatus()).isEqualTo(ReCheckStatus.PASSED);
		}
		Long second = draw(office, unit, "", "50", "777");
		assertThat(this.draws.findById(second).orElseThrow().getDrawnTaskIds()).isEqualTo(recorded.getDrawnTaskIds());
		assertThat(office.get("/rechecks").body()).contains("draw-" + first).contains("draw-" + second);
	}

	@Test
	void aFailedReCheckReopensTheTaskAndItsDepartmentReadsTheFinding() throws Exception {
		String unit = this.crossUnits.unit("反向核查重新整改测试单位");
		Inspection inspection = this.crossUnits.closedInspection(unit, "反向核查重新整改测试");
		PortalSession office = session(DemoAccounts.INSPECTOR);
		Long drawId = draw(office, unit, "1", "", "3");
		ReCheck reCheck = this.reChecks.findByDrawId(drawId).get(0);
		RectificationTask task = this.tasks.get(reCheck.getTaskId());
		assertThat(task.getInspectionId()).isEqualTo(inspection.getId());

		String token = office.csrfToken("/rechecks/" + reCheck.getId());
		office.postForm("/rechecks/" + reCheck.getId(), "reCheckOutcome=failed&reCheckFinding=&_csrf=" + token);
		assertThat(office.get("/rechecks/" + reCheck.getId()).body()).contains("请填写“核查情况”");
		assertThat(this.tasks.get(task.getId()).isClosedOff()).isTrue();

		HttpResponse<String> failed = office.postForm("/rechecks/" + reCheck.getId(), "reCheckOutcome=failed&reCheckFinding="
				+ enc("现场核查发现整改未落实，台账与实际不符") + "&_csrf=" + token);
		assertThat(failed.statusCode()).isEqualTo(302);
		assertThat(this.tasks.get(task.getId()).isClosedOff()).isFalse();
		runTheJobsOf(reCheck);

		String departmentMember = this.crossUnits.person(unit, task.getLeadDepartment());
		HttpResponse<String> taskPage = session(departmentMember).get("/tasks/" + task.getId());
		assertThat(taskPage.statusCode()).isEqualTo(200);
		assertThat(taskPage.body()).contains("销号反向核查未通过").contains("现场核查发现整改未落实，台账与实际不符");
		HttpResponse<String> result = office.get("/rechecks/draws/" + drawId);
		assertThat(result.body()).contains("未通过，已重新整改").contains("现场核查发现整改未落实，台账与实际不符");
	}

	@Test
	void aRetriedReCheckByTheSamePersonIsAlreadyDoneNotAnError() throws Exception {
		String unit = this.crossUnits.unit("反向核查重复提交测试单位");
		this.crossUnits.closedInspection(unit, "反向核查重复提交测试");
		PortalSession office = session(DemoAccounts.INSPECTOR);
		Long drawId = draw(office, unit, "1", "", "11");
		ReCheck reCheck = this.reChecks.findByDrawId(drawId).get(0);
		String token = office.csrfToken("/rechecks/" + reCheck.getId());
		String form = "reCheckOutcome=passed&reCheckFinding=" + enc("调阅台账，整改到位") + "&_csrf=" + token;
		assertThat(office.postForm("/rechecks/" + reCheck.getId(), form).statusCode()).isEqualTo(302);
		assertThat(this.reChecks.findById(reCheck.getId()).orElseThrow().getStatus()).isEqualTo(ReCheckStatus.PASSED);
		assertThat(office.get("/rechecks/" + reCheck.getId()).body()).contains("已记录：核查通过");

		// The same form sent again (a second click, a retry after a lost answer): said to be done, by them, when.
		HttpResponse<String> again = office.postForm("/rechecks/" + reCheck.getId(), form);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(office.get("/rechecks/" + reCheck.getId()).body()).contains("完成此步骤，无需重复提交")
			.doesNotContain("class=\"flash error\"");
		assertThat(this.reChecks.findById(reCheck.getId()).orElseThrow().getStatus()).isEqualTo(ReCheckStatus.PASSED);
	}

	/** Runs the re-check's asynchronous step, as the job executor would once the failure is committed. */
	private void runTheJobsOf(ReCheck reCheck) {
		String instanceId = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ReCheckProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(reCheck.getId()))
			.singleResult()
			.getId();
		Job job = this.managementService.createJobQuery()
			.processInstanceId(instanceId)
			.activityId(ReCheckProcess.SERVICE_TASK_TELL_DEPARTMENT)
			.singleResult();
		this.managementService.executeJob(job.getId());
	}

	private Long draw(PortalSession office, String unit, String size, String percent, String seed) throws Exception {
		HttpResponse<String> drawn = office.postForm("/rechecks/draws", drawForm(office, "/rechecks", unit, size, percent, seed));
		assertThat(drawn.statusCode()).isEqualTo(302);
		Matcher id = DRAW.matcher(office.location(drawn));
		assertThat(id.find()).as("redirect to the draw: %s", office.location(drawn)).isTrue();
		return Long.valueOf(id.group(1));
	}

	private static String drawForm(PortalSession session, String page, String unit, String size, String percent,
			String seed) throws Exception {
		return "unitIds=" + enc(unit) + "&sampleSize=" + size + "&samplePercent=" + percent + "&seed=" + enc(seed)
				+ "&_csrf=" + session.csrfToken(page);
	}

	private PortalSession session(String user) throws Exception {
		PortalSession session = new PortalSession(this.port);
		assertThat(session.login(user, DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}

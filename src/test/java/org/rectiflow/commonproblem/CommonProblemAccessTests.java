package org.rectiflow.commonproblem;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.CrossUnits;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.Problem;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.security.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with common-problem notices, over real HTTP and across two units of the test's own: only the
 * inspection office sends and reviews; a unit's rectification office sees and answers only its own unit's notice;
 * the rectification office of another unit, and a department, see nothing of it (pages, and the engine's REST API).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommonProblemAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	CrossUnits crossUnits;

	@Autowired
	CommonProblemService service;

	@Autowired
	CommonProblemAnswerRepository answers;

	@Autowired
	ProblemRepository problems;

	final ObjectMapper json = new ObjectMapper();

	String unitA;

	String unitB;

	String officeA;

	String officeB;

	@BeforeAll
	void twoUnitsWithTheirRectificationOffices() {
		this.unitA = this.crossUnits.unit("举一反三甲单位");
		this.unitB = this.crossUnits.unit("举一反三乙单位");
		this.officeA = this.crossUnits.person(this.unitA, Groups.RECTIFICATION_OFFICE);
		this.officeB = this.crossUnits.person(this.unitB, Groups.RECTIFICATION_OFFICE);
	}

	@AfterAll
	void removeThePeople() {
		this.crossUnits.removePeople();
	}

	@Test
	void onlyTheInspectionOfficeSendsANotice() throws Exception {
		PortalSession unitOffice = session(this.officeA);
		assertThat(unitOffice.get("/common-problems").statusCode()).isEqualTo(200);
		assertThat(unitOffice.get("/common-problems/new").statusCode()).isEqualTo(403);
		assertThat(unitOffice.postForm("/common-problems", sendForm(unitOffice, "/common-problems", "越权发送", this.unitB))
			.statusCode()).isEqualTo(403);
		PortalSession department = session("logisticsDepartmentStaff");
		assertThat(department.get("/common-problems").statusCode()).isEqualTo(403);
		assertThat(department.postForm("/common-problems", sendForm(department, "/", "越权发送", this.unitB))
			.statusCode()).isEqualTo(403);

		PortalSession office = session(DemoAccounts.INSPECTOR);
		HttpResponse<String> form = office.get("/common-problems/new");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains(this.crossUnits.unitName(this.unitA)).contains(this.crossUnits.unitName(this.unitB));
		HttpResponse<String> sent = office.postForm("/common-problems",
				sendForm(office, "/common-problems/new", "关于公务接待超标准问题的举一反三通知", this.unitA, this.unitB));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(office.location(sent)).matches(".*/common-problems/\\d+");
		assertThat(office.get(office.location(sent).replaceFirst("^https?://[^/]+", "")).body())
			.contains("关于公务接待超标准问题的举一反三通知")
			.contains("已报送 0 / 2 个单位");
	}

	@Test
	void theOfficePicksAProblemOfOneUnitAndSendsItToTheOthers() throws Exception {
		Inspection found = this.crossUnits.closedInspection(this.unitA, "举一反三来源巡察");
		Problem problem = this.problems.findByInspectionIdOrderByCategoryIdAscSeqAsc(found.getId()).get(0);
		PortalSession office = session(DemoAccounts.INSPECTOR);
		HttpResponse<String> form = office.get("/common-problems/new?problemId=" + problem.getId());
		assertThat(form.body()).contains("id=\"common-problem-source\"")
			.contains(this.crossUnits.unitName(this.unitA))
			.contains(problem.getTitle());
		String token = office.csrfToken("/common-problems/new");

		HttpResponse<String> toItsOwnUnit = office.postForm("/common-problems", "title=" + enc("来源单位不应再收到")
				+ "&problemId=" + problem.getId() + "&unitIds=" + this.unitA + "&unitIds=" + this.unitB + "&deadline="
				+ LocalDate.now().plusDays(5) + "&_csrf=" + token);
		assertThat(office.location(toItsOwnUnit)).endsWith("/common-problems/new");
		assertThat(office.get("/common-problems/new").body()).contains("不必再发给该单位");

		HttpResponse<String> sent = office.postForm("/common-problems", "title=" + enc("关于宿舍维修问题的举一反三通知")
				+ "&problemId=" + problem.getId() + "&unitIds=" + this.unitB + "&deadline=" + LocalDate.now().plusDays(5)
				+ "&_csrf=" + token);
		assertThat(office.location(sent)).matches(".*/common-problems/\\d+");
		Long noticeId = Long.valueOf(office.location(sent).replaceFirst(".*/", ""));
		CommonProblemNotice notice = this.service.notice(noticeId);
		assertThat(notice.getSourceUnitId()).isEqualTo(this.unitA);
		assertThat(notice.getSourceProblemId()).isEqualTo(problem.getId());
		assertThat(notice.getProblemText()).isEqualTo(problem.getTitle());
		assertThat(this.answers.findByNoticeId(noticeId)).extracting(CommonProblemAnswer::getUnitId)
			.containsExactly(this.unitB);
		assertThat(session(this.officeB).get("/common-problems/" + noticeId).body()).contains(problem.getTitle());
	}

	@Test
	void badInputIsRefusedWithTheReasonNeverAnError() throws Exception {
		PortalSession office = session(DemoAccounts.INSPECTOR);
		String token = office.csrfToken("/common-problems/new");
		HttpResponse<String> noUnits = office.postForm("/common-problems",
				"title=" + enc("无单位的通知") + "&problemText=" + enc("问题") + "&deadline=" + LocalDate.now().plusDays(5)
						+ "&_csrf=" + token);
		assertThat(noUnits.statusCode()).isEqualTo(302);
		assertThat(office.location(noUnits)).endsWith("/common-problems/new");
		assertThat(office.get("/common-problems/new").body()).contains("请至少选择一个发送单位").contains("无单位的通知");

		HttpResponse<String> pastDeadline = office.postForm("/common-problems",
				"title=" + enc("期限已过的通知") + "&problemText=" + enc("问题") + "&unitIds=" + this.unitA + "&deadline="
						+ LocalDate.now().minusDays(1) + "&_csrf=" + token);
		assertThat(office.location(pastDeadline)).endsWith("/common-problems/new");
		assertThat(office.get("/common-problems/new").body()).contains("已过");

		HttpResponse<String> unknownProblem = office.postForm("/common-problems",
				"title=" + enc("来源不明的通知") + "&problemId=999999999&unitIds=" + this.unitA + "&deadline="
						+ LocalDate.now().plusDays(3) + "&_csrf=" + token);
		assertThat(office.location(unknownProblem)).endsWith("/common-problems/new");
		assertThat(office.get("/common-problems/new").body()).contains("999999999");
	}

	@Test
	void aUnitsOfficeSeesAndAnswersOnlyItsOwnUnitsNotice() throws Exception {
		CommonProblemNotice notice = send("关于科研经费报销不规范问题的举一反三通知");
		Long a = answerOf(notice, this.unitA);
		Long b = answerOf(notice, this.unitB);

		PortalSession unitA = session(this.officeA);
		assertThat(unitA.get("/common-problems").body()).contains("关于科研经费报销不规范问题的举一反三通知");
		HttpResponse<String> own = unitA.get("/common-problems/answers/" + a);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("id=\"answer-form\"");
		assertThat(unitA.get("/common-problems/answers/" + b).statusCode()).as("another unit's answer").isEqualTo(404);
		HttpResponse<String> ownNotice = unitA.get("/common-problems/" + notice.getId());
		assertThat(ownNotice.statusCode()).isEqualTo(200);
		assertThat(ownNotice.body()).contains("answer-" + a).doesNotContain("answer-" + b);
		String token = unitA.csrfToken("/common-problems/answers/" + a);
		assertThat(unitA.postForm("/common-problems/answers/" + b, answerForm(token)).statusCode()).isEqualTo(404);
		assertThat(unitA.postForm("/common-problems/answers/" + a + "/review",
				"answerDecision=accept&_csrf=" + token).statusCode()).isEqualTo(403);

		HttpResponse<String> answered = unitA.postForm("/common-problems/answers/" + a, answerForm(token));
		assertThat(answered.statusCode()).isEqualTo(302);
		assertThat(this.answers.findById(a).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ANSWERED);
		assertThat(this.answers.findById(b).orElseThrow().getStatus()).isEqualTo(AnswerStatus.WAITING);

		// The first unit's own rectification office (the demo clerk) is of neither unit.
		PortalSession otherUnit = session(DemoAccounts.RECTIFICATION_CLERK);
		assertThat(otherUnit.get("/common-problems").body()).doesNotContain("关于科研经费报销不规范问题的举一反三通知");
		assertThat(otherUnit.get("/common-problems/" + notice.getId()).statusCode()).isEqualTo(404);
		assertThat(otherUnit.get("/common-problems/answers/" + a).statusCode()).isEqualTo(404);

		// The engine keeps each unit's step to the unit: same role group, other tenant.
		assertThat(engineSteps(this.officeB, b)).hasSize(1);
		assertThat(engineSteps(this.officeB, a)).isEmpty();
		assertThat(engineSteps(DemoAccounts.RECTIFICATION_CLERK, b)).isEmpty();
	}

	@Test
	void theOfficeSeesWhoAnsweredWhatAndReturnsAnInsufficientAnswer() throws Exception {
		CommonProblemNotice notice = send("关于资产账实不符问题的举一反三通知");
		Long a = answerOf(notice, this.unitA);
		PortalSession unitA = session(this.officeA);
		unitA.postForm("/common-problems/answers/" + a, answerForm(unitA.csrfToken("/common-problems/answers/" + a)));

		PortalSession office = session(DemoAccounts.INSPECTOR);
		HttpResponse<String> list = office.get("/common-problems");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("关于资产账实不符问题的举一反三通知").contains("id=\"common-problem-new\"");
		HttpResponse<String> overview = office.get("/common-problems/" + notice.getId());
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("已报送 1 / 2 个单位")
			.contains(this.crossUnits.unitName(this.unitA))
			.contains(this.crossUnits.unitName(this.unitB))
			.contains("对照检查本单位同类事项，发现两处同类问题")
			.contains("待报送");
		HttpResponse<String> reviewPage = office.get("/common-problems/answers/" + a);
		assertThat(reviewPage.body()).contains("id=\"review-form\"");
		String token = office.csrfToken("/common-problems/answers/" + a);

		HttpResponse<String> noReason = office.postForm("/common-problems/answers/" + a + "/review",
				"answerDecision=return&answerReturnReason=&_csrf=" + token);
		assertThat(noReason.statusCode()).isEqualTo(302);
		assertThat(office.get("/common-problems/answers/" + a).body()).contains("请填写“退回意见”");
		assertThat(this.answers.findById(a).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ANSWERED);

		office.postForm("/common-problems/answers/" + a + "/review",
				"answerDecision=return&answerReturnReason=" + enc("整改措施缺少时限，请补充") + "&_csrf=" + token);
		assertThat(this.answers.findById(a).orElseThrow().getStatus()).isEqualTo(AnswerStatus.WAITING);
		assertThat(unitA.get("/common-problems/answers/" + a).body()).contains("整改措施缺少时限，请补充")
			.contains("id=\"answer-form\"");
	}

	@Test
	void aRetriedAnswerOrReviewByTheSamePersonIsAlreadyDoneNotAnError() throws Exception {
		CommonProblemNotice notice = send("关于会议费超标问题的举一反三通知");
		Long a = answerOf(notice, this.unitA);
		PortalSession unitA = session(this.officeA);
		String token = unitA.csrfToken("/common-problems/answers/" + a);
		assertThat(unitA.postForm("/common-problems/answers/" + a, answerForm(token)).statusCode()).isEqualTo(302);
		assertThat(unitA.get("/common-problems/answers/" + a).body()).contains("自查自纠情况已报送巡察办");

		// The same form sent again (a second click, a retry after a lost answer): said to be done, by them, when.
		HttpResponse<String> again = unitA.postForm("/common-problems/answers/" + a, answerForm(token));
		assertThat(again.statusCode()).isEqualTo(302);
		String page = unitA.get("/common-problems/answers/" + a).body();
		assertThat(page).contains("完成此步骤，无需重复提交").doesNotContain("class=\"flash error\"");
		assertThat(this.answers.findById(a).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ANSWERED);

		// A colleague of the same office did not answer it: theirs is refused as before.
		String colleague = this.crossUnits.person(this.unitA, Groups.RECTIFICATION_OFFICE);
		PortalSession other = session(colleague);
		assertThat(other.postForm("/common-problems/answers/" + a,
				answerForm(other.csrfToken("/common-problems/answers/" + a))).statusCode()).isEqualTo(403);

		PortalSession office = session(DemoAccounts.INSPECTOR);
		String officeToken = office.csrfToken("/common-problems/answers/" + a);
		office.postForm("/common-problems/answers/" + a + "/review", "answerDecision=accept&_csrf=" + officeToken);
		assertThat(this.answers.findById(a).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ACCEPTED);
		assertThat(office.get("/common-problems/answers/" + a).body()).contains("已认可该单位的自查自纠情况");
		HttpResponse<String> reviewedAgain = office.postForm("/common-problems/answers/" + a + "/review",
				"answerDecision=accept&_csrf=" + officeToken);
		assertThat(reviewedAgain.statusCode()).isEqualTo(302);
		assertThat(office.get("/common-problems/answers/" + a).body()).contains("完成此步骤，无需重复提交")
			.doesNotContain("class=\"flash error\"");
		assertThat(this.answers.findById(a).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ACCEPTED);
	}

	private CommonProblemNotice send(String title) {
		return this.service.send(new CommonProblemService.Draft(title, null, "某单位发现的问题：" + title, null,
				List.of(this.unitA, this.unitB), LocalDate.now().plusDays(7).toString()), DemoAccounts.INSPECTOR);
	}

	private Long answerOf(CommonProblemNotice notice, String unit) {
		return this.answers.findByNoticeId(notice.getId())
			.stream()
			.filter((x) -> x.getUnitId().equals(unit))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	private PortalSession session(String user) throws Exception {
		PortalSession session = new PortalSession(this.port);
		assertThat(session.login(user, DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	private String sendForm(PortalSession session, String page, String title, String... units) throws Exception {
		StringBuilder form = new StringBuilder("title=" + enc(title) + "&problemText=" + enc("部分单位公务接待超标准")
				+ "&deadline=" + LocalDate.now().plusDays(10) + "&_csrf=" + session.csrfToken(page));
		for (String unit : units) {
			form.append("&unitIds=").append(unit);
		}
		return form.toString();
	}

	private static String answerForm(String token) {
		return "sameProblem=yes&selfCheckFinding=" + enc("对照检查本单位同类事项，发现两处同类问题") + "&selfCheckMeasures="
				+ enc("立即整改并建立台账，月底前完成") + "&_csrf=" + token;
	}

	private JsonNode engineSteps(String user, Long answerId) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/engine-rest/task?processDefinitionKey="
					+ CommonProblemNoticeProcess.PROCESS_KEY + "&processInstanceBusinessKey=" + answerId))
				.header("Authorization", "Basic " + credentials)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}

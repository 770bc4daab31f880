package org.rectiflow.repeat;

import java.time.LocalDate;
import java.util.List;


import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.HttpUser;
import org.rectiflow.handover.OwnUnit;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.plan.Feedback;
import org.rectiflow.security.PortalSession;
import org.rectiflow.task.TaskKind;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeat problems over HTTP: a unit's second round, registered through the API, has the problem that repeats the
 * first round flagged with the earlier problem, its round and its outcome; an unrelated problem is not flagged; a
 * copy registered with the same feedback date is the same round, not an earlier one. The flags show in /api, on the
 * problem list and the problem's task list, and in the repeat rates of the office.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatProblemsTests {

	static final LocalDate FIRST_ROUND = LocalDate.of(2023, 8, 24);

	static final LocalDate SECOND_ROUND = LocalDate.of(2025, 9, 1);

	@LocalServerPort
	int port;

	@Autowired
	Units units;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	OwnUnit unit;

	HttpUser office;

	Long first;

	Long second;

	Long copy;

	/** The unit's own 后勤处 (a department belongs to one unit). */
	String logistics;

	@BeforeAll
	void twoRoundsOfOneUnit() {
		this.unit = new OwnUnit(this.units, this.identityService, "repeatTests");
		this.logistics = this.unit.department("后勤处");
		this.office = new HttpUser(this.unit.person("Office", "屡查整改办", Groups.RECTIFICATION_OFFICE), DemoAccounts.PASSWORD);
		this.first = register(feedback("第一轮", FIRST_ROUND, List.of(
				problem("以人民为中心的发展理念树得不牢", "群众急难愁盼的民生问题解决不力。目前只有两个学生食堂，没有教师食堂，学生只能错峰就餐",
						"宿舍日常维修不及时，学生意见大"),
				problem("意识形态工作落实不到位", "主体责任履行不到位。2019-2021年党委会专题研究意识形态工作每年只有1次",
						"阵地建设不到位。学校没有微信、QQ等互联网群组信息服务管理规定"))));
		this.second = register(feedback("第二轮", SECOND_ROUND, List.of(
				problem("以人民为中心的发展思想践行不够", "师生急难愁盼问题解决不及时，学生食堂就餐拥挤，宿舍报修后维修拖延，学生反映强烈"),
				problem("基建工程管理不规范", "工程变更签证随意，结算审计滞后，部分项目未批先建"))));
		this.copy = register(feedback("第二轮（副本）", SECOND_ROUND, List.of(
				problem("以人民为中心的发展思想践行不够", "师生急难愁盼问题解决不及时，学生食堂就餐拥挤，宿舍报修后维修拖延，学生反映强烈"))));
	}

	@AfterAll
	void removeThePeople() {
		this.unit.remove();
	}

	private Long register(Feedback feedback) {
		ResponseEntity<JsonNode> response = this.office.post(url("/api/inspections"), feedback);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("inspectionId").asLong();
	}

	private Feedback feedback(String round, LocalDate feedbackDate, List<Feedback.ProblemItem> problems) {
		return new Feedback("省委教育工委巡察" + this.unit.name + round, "省委教育工委第四巡察组", this.unit.name,
				feedbackDate.minusMonths(3), feedbackDate.minusMonths(1), feedbackDate, List.of(), 3, null,
				List.of(new Feedback.Category("践行习近平新时代中国特色社会主义思想不够有力", problems)));
	}

	private Feedback.ProblemItem problem(String title, String... findings) {
		return new Feedback.ProblemItem(title, false, List.of(findings)
			.stream()
			.map((f) -> new Feedback.TaskItem(f, TaskKind.CONCENTRATED, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
					this.logistics, List.of(), null, LocalDate.now().plusMonths(3), List.of("制定整改方案"), false))
			.toList());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private Long problemId(Long inspectionId, String code) {
		return this.jdbc.queryForObject("select id from problem where inspection_id = ? and code = ?", Long.class,
				inspectionId, code);
	}

	@Test
	void shouldFlagTheProblemThatRepeatsTheUnitsEarlierRoundAndOnlyThatOne() {
		ResponseEntity<JsonNode> response = this.office.get(url("/api/inspections/" + this.second + "/repeat-problems"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode flagged = response.getBody();
		assertThat(flagged).hasSize(1);
		assertThat(flagged.get(0).get("problemId").asLong()).isEqualTo(problemId(this.second, "1.1"));
		JsonNode match = flagged.get(0).get("repeats").get(0);
		assertThat(match.get("earlierProblemId").asLong()).isEqualTo(problemId(this.first, "1.1"));
		assertThat(match.get("earlierInspectionId").asLong()).isEqualTo(this.first);
		assertThat(match.get("round").asInt()).isEqualTo(1);
		assertThat(match.get("earlierOutcome").asText()).isEqualTo("NOT_COMPLETED");
		assertThat(match.get("method").asText()).isEqualTo(RepeatSimilarity.METHOD);
		assertThat(match.get("score").asDouble()).isGreaterThanOrEqualTo(RepeatSimilarity.THRESHOLD);
		assertThat(this.jdbc.queryForObject("select count(*) from problem_fingerprint where inspection_id = ?", Integer.class,
				this.second)).isEqualTo(2);
	}

	@Test
	void shouldTreatAnInspectionOfTheSameFeedbackDateAsTheSameRound() {
		JsonNode flagged = this.office.get(url("/api/inspections/" + this.copy + "/repeat-problems")).getBody();
		assertThat(flagged).hasSize(1);
		JsonNode repeats = flagged.get(0).get("repeats");
		assertThat(repeats).hasSize(1);
		assertThat(repeats.get(0).get("earlierInspectionId").asLong()).isEqualTo(this.first);
		assertThat(this.office.get(url("/api/inspections/" + this.first + "/repeat-problems")).getBody()).isEmpty();
	}

	@Test
	void shouldShowTheFlagOnTheProblemListAndOnTheProblemsTaskList() throws Exception {
		Long earlier = problemId(this.first, "1.1");
		String problems = page("/inspections/" + this.second);
		assertThat(problems).contains("屡查屡犯：与第1轮问题1.1相似（整改结果：未完成）")
			.contains("/inspections/" + this.first + "/tasks?problem=" + earlier);
		assertThat(problems.split("屡查屡犯：", -1)).hasSize(2);
		String tasks = page("/inspections/" + this.second + "/tasks?problem=" + problemId(this.second, "1.1"));
		assertThat(tasks).contains("id=\"repeat-problem\"").contains("以人民为中心的发展理念树得不牢");
		assertThat(page("/inspections/" + this.second + "/tasks?problem=" + problemId(this.second, "1.2")))
			.doesNotContain("id=\"repeat-problem\"");
	}

	@Test
	void shouldGiveTheOfficeTheUnitsRepeatRatePerRound() throws Exception {
		HttpUser inspector = new HttpUser(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		ResponseEntity<JsonNode> response = inspector.get(url("/api/repeat-rates"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode mine = null;
		for (JsonNode unit : response.getBody()) {
			if (unit.get("unitId").asText().equals(this.unit.id)) {
				mine = unit;
			}
		}
		assertThat(mine).as("the office sees the unit it oversees").isNotNull();
		assertThat(mine.get("unitName").asText()).isEqualTo(this.unit.name);
		JsonNode rounds = mine.get("inspections");
		assertThat(rounds).hasSize(3);
		assertThat(rounds.get(0).get("inspectionId").asLong()).isEqualTo(this.first);
		assertThat(rounds.get(0).get("rate").asDouble()).isZero();
		assertThat(rounds.get(1).get("problems").asInt()).isEqualTo(2);
		assertThat(rounds.get(1).get("repeats").asInt()).isEqualTo(1);
		assertThat(rounds.get(1).get("rate").asDouble()).isEqualTo(0.5);
		// From the second round on: 1 of 2, and 1 of 1.
		assertThat(mine.get("rate").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		String page = page(DemoAccounts.INSPECTOR, "/repeat-rates");
		assertThat(page).contains(this.unit.name).contains("第2轮").contains("50%");
	}

	private String page(String path) throws Exception {
		return page(this.office.userId, path);
	}

	/** A portal page as the person sees it, signed in through the login form. */
	private String page(String userId, String path) throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(userId, DemoAccounts.PASSWORD);
		java.net.http.HttpResponse<String> response = session.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}


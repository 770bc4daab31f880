package org.rectiflow.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.security.PortalSession;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inspecting body above the units (issue 18): rounds and their inspection groups, the feedback a group registers
 * and hands over to its unit, and who may open the office's pages — over real HTTP, in two units of the test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectingBodyTests {

	static final String CLERK = DemoAccounts.RECTIFICATION_CLERK;

	static final String STAFF = "logisticsDepartmentStaff";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Units units;

	@Autowired
	Rounds rounds;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	InspectionRepository inspections;

	@Autowired
	ProcessDriver driver;

	@Autowired
	JdbcClient jdbc;

	InspectingBodyFixture body;

	@BeforeAll
	void twoUnitsInARound() {
		this.body = new InspectingBodyFixture("bodyTests", this.units, this.rounds, this.identityService);
	}

	@AfterAll
	void release() {
		this.body.release();
	}

	@Test
	void aRoundRefusesWhatMakesNoSense() {
		LocalDate today = LocalDate.now();
		assertRefused(() -> this.rounds.create(null, "名称", today, today, CLERK), "error.round.number");
		assertRefused(() -> this.rounds.create(0, "名称", today, today, CLERK), "error.round.number");
		assertRefused(() -> this.rounds.create(998, " ", today, today, CLERK), "error.round.name");
		assertRefused(() -> this.rounds.create(998, "名称", today, null, CLERK), "error.round.period");
		assertRefused(() -> this.rounds.create(998, "名称", today, today.minusDays(1), CLERK), "error.round.periodOrder");
		assertThatThrownBy(() -> this.rounds.create(this.body.round.number(), "再来一次", today, today, CLERK))
			.isInstanceOf(RectiflowException.Conflict.class)
			.hasMessage("error.round.numberTaken");
	}

	@Test
	void anAssignmentRefusesUnknownPeopleTakenUnitsAndPeopleOfTheUnit() {
		long round = this.body.round.id();
		assertThatThrownBy(() -> this.rounds.assign(round, this.body.unitA.getId(), "第三巡察组", this.body.leaderB, List.of()))
			.isInstanceOf(RectiflowException.Conflict.class)
			.hasMessage("error.round.unitAssigned");
		Long other = this.rounds.create(nextNumber(), "分配校验", LocalDate.now(), LocalDate.now(), CLERK).id();
		assertRefused(() -> this.rounds.assign(other, "noSuchUnit", "第一巡察组", this.body.leaderA, List.of()),
				"error.round.unitUnknown");
		assertRefused(() -> this.rounds.assign(other, this.body.unitA.getId(), " ", this.body.leaderA, List.of()),
				"error.round.groupName");
		assertRefused(() -> this.rounds.assign(other, this.body.unitA.getId(), "第一巡察组", "nobodyAtAll", List.of()),
				"error.round.leaderUnknown");
		assertRefused(() -> this.rounds.assign(other, this.body.unitA.getId(), "第一巡察组", this.body.leaderA,
				List.of("nobodyAtAll")), "error.round.memberUnknown");
		// 回避: the unit's own rectification clerk may not inspect it.
		assertRefused(() -> this.rounds.assign(other, this.body.unitA.getId(), "第一巡察组", CLERK, List.of()),
				"error.round.personInUnit");
		assertThat(this.rounds.unitsOf(other, null)).isEmpty();
	}

	@Test
	void anInspectionGroupIsACamundaGroupThatSeesOnlyItsUnit() {
		RoundUnit a = this.body.roundUnitA;
		assertThat(this.identityService.createGroupQuery().groupId(a.groupId()).singleResult().getType())
			.isEqualTo(Groups.TYPE_INSPECTION_GROUP);
		assertThat(this.rounds.membersOf(a.groupId())).containsExactlyInAnyOrder(this.body.leaderA, this.body.memberA);
		assertThat(this.units.groupMembers(this.body.unitA.getId())).contains(a.groupId(), Groups.INSPECTION_OFFICE);
		assertThat(this.units.tenantIds(this.body.leaderA)).containsExactly(this.body.unitA.getId());
		assertThat(this.units.tenantIds(this.body.memberA)).containsExactly(this.body.unitA.getId());
		assertThat(this.units.tenantIds(this.body.leaderB)).containsExactly(this.body.unitB.getId());
		assertThat(this.units.tenantIds(DemoAccounts.INSPECTOR)).contains(this.body.unitA.getId(), this.body.unitB.getId());
	}

	@Test
	void theOfficePagesAreTheInspectingBodysAlone() throws Exception {
		String round = "/office/rounds/" + this.body.round.id();
		List<String> pages = List.of("/office", "/office/dashboard", "/office/queue", "/office/rounds", round);
		PortalSession office = session(DemoAccounts.INSPECTOR);
		for (String page : pages) {
			assertThat(office.get(page).statusCode()).as("%s as the inspection office", page).isIn(200, 302);
		}
		assertThat(office.get(round).body()).contains(this.body.unitA.getName(), this.body.unitB.getName(), "甲组长",
				"甲组员", "乙组长");
		for (String user : List.of(CLERK, STAFF, DemoAccounts.SECRETARY, DemoAccounts.DISCIPLINE_OFFICER)) {
			PortalSession unitPerson = session(user);
			for (String page : pages) {
				HttpResponse<String> response = unitPerson.get(page);
				assertThat(response.statusCode()).as("%s as %s", page, user).isEqualTo(403);
				assertThat(response.body()).doesNotContain(this.body.unitA.getName());
			}
			assertThat(unitPerson.get("/").body()).as("no office link for %s", user).doesNotContain("nav-office");
		}
		// Another unit's group sees its own unit, and not the other's.
		PortalSession groupB = session(this.body.leaderB);
		assertThat(groupB.get("/").body()).contains("nav-office");
		HttpResponse<String> roundAsB = groupB.get(round);
		assertThat(roundAsB.statusCode()).isEqualTo(200);
		assertThat(roundAsB.body()).contains(this.body.unitB.getName()).doesNotContain(this.body.unitA.getName());
		assertThat(groupB.get("/office/dashboard").body()).doesNotContain(this.body.unitA.getName());
		assertThat(groupB.get("/office/queue").body()).doesNotContain(this.body.unitA.getName());
		// Only the office opens rounds and assigns groups.
		String csrf = groupB.csrfToken("/office/rounds");
		assertThat(groupB.postForm("/office/rounds", "number=" + nextNumber() + "&name=x&startsOn=2025-01-01&endsOn=2025-02-01&_csrf="
				+ csrf).statusCode()).isEqualTo(403);
		assertThat(groupB.postForm(round + "/units", "unit=" + this.body.unitA.getId() + "&groupName=x&leader="
				+ this.body.leaderB + "&_csrf=" + csrf).statusCode()).isEqualTo(403);
	}

	@Test
	void theOfficeOpensARoundOverHttpAndIsToldWhatIsWrong() throws Exception {
		PortalSession office = session(DemoAccounts.INSPECTOR);
		String csrf = office.csrfToken("/office/rounds");
		int number = nextNumber();
		HttpResponse<String> backwards = office.postForm("/office/rounds", "number=" + number + "&name="
				+ encode("倒序的轮次") + "&startsOn=2025-09-01&endsOn=2025-08-01&_csrf=" + csrf);
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("结束日期（2025-08-01）不能早于开始日期（2025-09-01）", "倒序的轮次");
		HttpResponse<String> notANumber = office.postForm("/office/rounds", "number=abc&name=x&startsOn=2025-09-01&endsOn=2025-10-01&_csrf=" + csrf);
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(notANumber.body()).contains("请填写轮次");

		HttpResponse<String> created = office.postForm("/office/rounds", "number=" + number + "&name="
				+ encode("页面新建的轮次") + "&startsOn=2025-09-01&endsOn=2025-10-31&_csrf=" + csrf);
		assertThat(created.statusCode()).isEqualTo(302);
		Round round = this.rounds.byNumber(number).orElseThrow();
		assertThat(office.location(created)).endsWith("/office/rounds/" + round.id());
		assertThat(round.name()).isEqualTo("页面新建的轮次");
		assertThat(round.endsOn()).isEqualTo(LocalDate.of(2025, 10, 31));

		String path = "/office/rounds/" + round.id() + "/units";
		HttpResponse<String> unknownLeader = office.postForm(path, "unit=" + this.body.unitB.getId() + "&groupName="
				+ encode("第九巡察组") + "&leader=nobodyAtAll&_csrf=" + csrf);
		assertThat(unknownLeader.statusCode()).isEqualTo(400);
		assertThat(unknownLeader.body()).contains("组长账号“nobodyAtAll”不存在");
		HttpResponse<String> assigned = office.postForm(path, "unit=" + this.body.unitB.getId() + "&groupName="
				+ encode("第九巡察组") + "&leader=" + this.body.leaderB + "&_csrf=" + csrf);
		assertThat(assigned.statusCode()).isEqualTo(302);
		assertThat(this.rounds.unitsOf(round.id(), null)).singleElement()
			.satisfies((u) -> assertThat(u.groupName()).isEqualTo("第九巡察组"));
	}

	@Test
	void theGroupRegistersTheFeedbackAndOnlyItsHandOverStartsTheUnitsRectification() throws Exception {
		long round = this.body.round.id();
		String unitA = this.body.unitA.getId();
		String register = "/api/inspections?roundId=" + round + "&unitId=" + unitA;
		Feedback feedback = InspectingBodyFixture.feedback("巡察办测试：巡察组登记反馈", this.body.unitA);

		assertThat(as(this.body.leaderB).postForEntity(register, feedback, JsonNode.class).getStatusCode())
			.as("another unit's group").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as(STAFF).postForEntity(register, feedback, JsonNode.class).getStatusCode())
			.as("a unit's department").isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> notInRound = as(this.body.leaderA)
			.postForEntity("/api/inspections?roundId=" + round + "&unitId=noSuchUnit", feedback, JsonNode.class);
		assertThat(notInRound.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notInRound.getBody().get("detail").asText()).contains("不在第");

		ResponseEntity<JsonNode> registered = as(this.body.leaderA).postForEntity(register, feedback, JsonNode.class);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Long id = registered.getBody().get("inspectionId").asLong();
		Inspection inspection = this.inspections.findById(id).orElseThrow();
		assertThat(inspection.getUnitId()).isEqualTo(unitA);
		assertThat(inspection.getRoundId()).isEqualTo(round);
		assertThat(inspection.isWithGroup()).isTrue();
		assertThat(this.driver.rectification(id)).as("no rectification while the feedback is with the group").isNull();
		assertThat(as(this.body.leaderA).postForEntity(register, feedback, JsonNode.class).getStatusCode())
			.as("one feedback per unit and round").isEqualTo(HttpStatus.CONFLICT);

		PortalSession clerk = session(CLERK);
		assertThat(clerk.get("/").body()).as("the unit's home page before the hand-over")
			.doesNotContain("巡察办测试：巡察组登记反馈");

		String handOver = "/api/inspections/" + id + "/hand-over";
		// Another unit's group: the inspection is not in its units, so it does not exist for it (isolation).
		assertThat(as(this.body.leaderB).postForEntity(handOver, null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as(CLERK).postForEntity(handOver, null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.driver.rectification(id)).isNull();

		ResponseEntity<JsonNode> handedOver = as(this.body.leaderA).postForEntity(handOver, null, JsonNode.class);
		assertThat(handedOver.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(handedOver.getBody().get("unitId").asText()).isEqualTo(unitA);
		Inspection after = this.inspections.findById(id).orElseThrow();
		assertThat(after.getHandedOverAt()).isNotNull();
		assertThat(after.getHandedOverBy()).isEqualTo(this.body.leaderA);
		assertThat(this.driver.rectification(id).getTenantId()).isEqualTo(unitA);
		assertThat(clerk.get("/").body()).as("the unit's home page after the hand-over").contains("巡察办测试：巡察组登记反馈");
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.taskDefinitionKey(RectificationProcess.USER_TASK_DRAFT_PLAN)
			.taskCandidateGroup(Groups.RECTIFICATION_OFFICE)
			.count()).as("the unit's rectification office drafts the plan").isOne();
		assertThat(this.jdbc.sql("""
				select count(*) from notice n join notice_delivery d on d.notice_id = n.id
				where n.kind = 'HANDED_OVER' and n.link = ? and d.channel = 'INBOX' and d.recipient = ?
				""").params("/inspections/" + id, CLERK).query(Long.class).single())
			.as("the unit's rectification office is told").isOne();
		ResponseEntity<JsonNode> again = as(this.body.leaderA).postForEntity(handOver, null, JsonNode.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().get("detail").asText()).contains("无需移交");
	}

	@Test
	void theOfficeRegistersForAnyUnitItOverseesAndTheUnitsOwnRegistrationStaysTheOfficesOfTheUnit() {
		Feedback feedback = InspectingBodyFixture.feedback("巡察办测试：巡察办代为登记", this.body.unitB);
		ResponseEntity<JsonNode> byOffice = as(DemoAccounts.INSPECTOR).postForEntity(
				"/api/inspections?roundId=" + this.body.round.id() + "&unitId=" + this.body.unitB.getId(), feedback,
				JsonNode.class);
		assertThat(byOffice.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.inspections.findById(byOffice.getBody().get("inspectionId").asLong()).orElseThrow().isWithGroup())
			.isTrue();
		// Without a round, as before rounds: the rectification office only, and the process starts at once.
		assertThat(as(DemoAccounts.INSPECTOR).postForEntity("/api/inspections", feedback, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as(this.body.leaderB).postForEntity("/api/inspections", feedback, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// The clerk belongs to several units here (the fixture lends the demo's people to its units): names the unit.
		ResponseEntity<JsonNode> own = as(CLERK).postForEntity("/api/inspections?unitId=" + Units.FIRST_UNIT_ID,
				TestFeedback.small("巡察办测试：单位自行登记"), JsonNode.class);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Long ownId = own.getBody().get("inspectionId").asLong();
		assertThat(this.inspections.findById(ownId).orElseThrow().getRoundId()).isNull();
		assertThat(this.driver.rectification(ownId)).isNotNull();
		assertThat(as(CLERK).postForEntity("/api/inspections/" + ownId + "/hand-over", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, DemoAccounts.PASSWORD);
	}

	private PortalSession session(String user) throws Exception {
		PortalSession session = new PortalSession(this.port);
		assertThat(session.login(user, DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	private int nextNumber() {
		int number = 100;
		while (this.rounds.byNumber(number).isPresent()) {
			number++;
		}
		return number;
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static void assertRefused(Runnable call, String key) {
		assertThatThrownBy(call::run).isInstanceOf(RectiflowException.class).hasMessage(key);
	}

}

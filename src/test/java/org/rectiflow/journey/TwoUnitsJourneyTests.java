package org.rectiflow.journey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.unit.SecondUnit;
import org.rectiflow.unit.Units;
import org.rectiflow.web.PortalLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two units side by side over HTTP (issue 18): each role of the first unit and of the second ({@link SecondUnit}) signs
 * in with its own credentials and works its own unit's inspection from registration to close-off — the office, the
 * leaders, the Party committee, the department, the discipline committee — while the inspection office, above both,
 * files both plans. At every step the other unit's people find nothing of it: no step in their lists, 404 for its
 * records, nothing in their list of inspections, their audit page or their inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TwoUnitsJourneyTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	@Autowired
	SecondUnit second;

	@Autowired
	InspectionRepository inspections;

	@LocalServerPort
	int port;

	RestActor as(String userId) {
		return new RestActor(this.http, userId, DemoAccounts.PASSWORD);
	}

	/** The first unit's roles and the second unit's, side by side. */
	record Unit(String clerk, String committee, String staff, String leader, String discipline) {
	}

	static final Unit ONE = new Unit(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.SECRETARY, "logisticsDepartmentStaff",
			DemoAccounts.VICE_PRESIDENT_LOGISTICS, DemoAccounts.DISCIPLINE_OFFICER);

	static final Unit TWO = new Unit(SecondUnit.CLERK, SecondUnit.COMMITTEE_MEMBER, SecondUnit.STAFF, SecondUnit.LEADER,
			SecondUnit.DISCIPLINE_OFFICER);

	@Test
	void eachRoleOfEachUnitWorksItsOwnUnitAndSeesNothingOfTheOther() throws Exception {
		this.second.inspection();
		String title1 = "两单位旅程：一单位的整改";
		String title2 = "两单位旅程：二单位的整改";

		// The office registers its feedback; its unit is its only one. It cannot register for the other unit.
		ResponseEntity<JsonNode> refused = as(TWO.clerk()).post("/api/inspections?unitId=" + Units.FIRST_UNIT_ID,
				TestFeedback.small(title1));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").asText()).contains("不属于被巡察单位");
		long one = registered(as(ONE.clerk()).post("/api/inspections", TestFeedback.small(title1)));
		long two = registered(as(TWO.clerk()).post("/api/inspections", SecondUnit.feedback(title2)));
		assertThat(this.inspections.findById(one).orElseThrow().getUnitId()).isEqualTo(Units.FIRST_UNIT_ID);
		assertThat(this.inspections.findById(two).orElseThrow().getUnitId()).isEqualTo(SecondUnit.ID);

		// Drafting: each office finds only its own unit's step.
		String key = RectificationProcess.USER_TASK_DRAFT_PLAN;
		assertThat(as(TWO.clerk()).tasks(one, key)).isEmpty();
		assertThat(as(ONE.clerk()).tasks(two, key)).isEmpty();
		as(ONE.clerk()).completeOk(one, key, Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "一单位逐项细化整改任务"));
		as(TWO.clerk()).completeOk(two, key, Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "二单位逐项细化整改任务"));

		// Consultation: the unit's own leaders, and only they, are asked.
		key = RectificationProcess.USER_TASK_SOLICIT_OPINIONS;
		assertThat(as(TWO.leader()).tasks(one, key)).isEmpty();
		assertThat(as(ONE.leader()).tasks(two, key)).isEmpty();
		int asked = 0;
		for (DemoAccounts.Account leader : DemoAccounts.LEADERSHIP) {
			for (JsonNode mine : as(leader.id()).myTasks(one, key)) {
				assertThat(as(leader.id()).complete(mine, Map.of(RectificationProcess.VAR_OPINION, "同意")).getStatusCode()
					.is2xxSuccessful()).isTrue();
				asked++;
			}
		}
		assertThat(asked).isPositive();
		List<JsonNode> opinions = as(TWO.leader()).myTasks(two, key);
		assertThat(opinions).hasSize(1);
		assertThat(as(TWO.leader()).complete(opinions.get(0), Map.of(RectificationProcess.VAR_OPINION, "同意"))
			.getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(as(ONE.clerk()).get("/api/inspections/" + one + "/plan-opinions")).hasSize(asked);
		assertThat(as(TWO.clerk()).get("/api/inspections/" + two + "/plan-opinions")).hasSize(1);

		// The Party committee approves its own unit's plan only.
		key = RectificationProcess.USER_TASK_COMMITTEE_APPROVAL;
		assertThat(as(TWO.committee()).tasks(one, key)).isEmpty();
		assertThat(as(ONE.committee()).tasks(two, key)).isEmpty();
		as(ONE.committee()).completeOk(one, key,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		as(TWO.committee()).completeOk(two, key,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));

		// The inspection office, above both units, files both plans; the tasks start (a job, run by hand in tests).
		RestActor inspector = as(DemoAccounts.INSPECTOR);
		for (long id : List.of(one, two)) {
			inspector.completeOk(id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
					Map.of(RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
			this.driver.launch(id);
		}
		long task1 = this.driver.task(one, "1.1.1").getId();
		long task2 = this.driver.task(two, "1.1.1").getId();

		// The departments: each uploads to its own task; the other unit's task does not exist for it.
		assertThat(upload(ONE.staff(), task2).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(upload(TWO.staff(), task1).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<JsonNode> evidence1 = upload(ONE.staff(), task1);
		ResponseEntity<JsonNode> evidence2 = upload(TWO.staff(), task2);
		assertThat(evidence1.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(evidence2.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long file1 = evidence1.getBody().get("id").asLong();
		long file2 = evidence2.getBody().get("id").asLong();
		step(task1, task2, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, ONE.staff(), TWO.staff(),
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按整改措施逐项落实。"));
		step(task1, task2, RectificationTaskProcess.USER_TASK_LEADER_REVIEW, ONE.leader(), TWO.leader(),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
		step(task1, task2, RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, ONE.discipline(), TWO.discipline(),
				Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION, RectificationTaskProcess.ACCEPT,
						RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查，措施落实到位。"));
		step(task1, task2, RectificationTaskProcess.USER_TASK_CLOSE_OFF, ONE.clerk(), TWO.clerk(),
				Map.of(RectificationTaskProcess.VAR_OUTCOME, "COMPLETED"));

		// Every role of each unit: its own inspection listed and open, the other's neither.
		for (Unit unit : List.of(ONE, TWO)) {
			boolean first = unit == ONE;
			long own = first ? one : two;
			long other = first ? two : one;
			long ownTask = first ? task1 : task2;
			long otherTask = first ? task2 : task1;
			for (String person : List.of(unit.clerk(), unit.committee(), unit.staff(), unit.leader(), unit.discipline())) {
				RestActor actor = as(person);
				String listed = actor.getText("/api/inspections");
				assertThat(listed).as("inspections of %s", person).contains(first ? title1 : title2)
					.doesNotContain(first ? title2 : title1);
				assertThat(this.http.withBasicAuth(person, DemoAccounts.PASSWORD)
					.getForEntity("/api/inspections/" + other, String.class)
					.getStatusCode().value()).as("the other unit's ledger for %s", person).isIn(403, 404);
				assertThat(this.http.withBasicAuth(person, DemoAccounts.PASSWORD)
					.getForEntity("/api/tasks/" + otherTask + "/evidence", String.class)
					.getStatusCode().value()).as("the other unit's evidence for %s", person).isIn(403, 404);
				assertThat(actor.getText("/engine-rest/history/process-instance?processDefinitionKey="
						+ RectificationProcess.PROCESS_KEY + "&processInstanceBusinessKey=" + other))
					.as("the other unit's history for %s", person).isEqualTo("[]");
				HttpClient session = PortalLogin.signIn(this.port, person, DemoAccounts.PASSWORD);
				HttpResponse<String> home = page(session, "/");
				assertThat(home.body()).contains(first ? title1 : title2).doesNotContain(first ? title2 : title1);
				assertThat(page(session, "/inspections/" + other + "/tasks").statusCode()).isEqualTo(404);
				assertThat(page(session, "/tasks/" + otherTask).statusCode()).isEqualTo(404);
				assertThat(page(session, "/inspections/" + own + "/tasks").statusCode()).isEqualTo(200);
				assertThat(page(session, "/inbox").body()).doesNotContain(first ? title2 : title1);
			}
			// The discipline committee's audit page: its own unit's evidence, not the other's.
			String audit = page(PortalLogin.signIn(this.port, unit.discipline(), DemoAccounts.PASSWORD),
					"/audit?kind=UPLOAD&size=200").body();
			assertThat(audit).contains("evidence:" + (first ? file1 : file2) + "<")
				.doesNotContain("evidence:" + (first ? file2 : file1) + "<");
			assertThat(as(unit.clerk()).getText("/api/tasks/" + ownTask + "/evidence")).contains("佐证");
		}
		// The inspection office oversees both.
		assertThat(inspector.getText("/api/inspections")).contains(title1, title2);
	}

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@Autowired
	Units units;

	/** An office clerk of both units names the unit of each registration; the import page offers the choice. */
	@Test
	void aPersonOfSeveralUnitsNamesTheUnit() throws Exception {
		this.second.inspection();
		String clerk = "twoUnitsJourneyClerk";
		if (this.identityService.createUserQuery().userId(clerk).count() == 0) {
			org.camunda.bpm.engine.identity.User user = this.identityService.newUser(clerk);
			user.setFirstName("两单位整改办干事");
			user.setLastName("");
			user.setPassword(DemoAccounts.PASSWORD);
			this.identityService.saveUser(user);
			this.identityService.createMembership(clerk, org.rectiflow.identity.Groups.RECTIFICATION_OFFICE);
		}
		this.units.addUser(Units.FIRST_UNIT_ID, clerk);
		// Signed in while of the first unit only: the second unit's inspection does not exist for the session, until
		// the clerk becomes a member of the second unit (the session's units follow on the next request).
		long unit2 = this.second.inspection().getId();
		HttpClient session = PortalLogin.signIn(this.port, clerk, DemoAccounts.PASSWORD);
		if (!this.units.userMembers(SecondUnit.ID).contains(clerk)) {
			assertThat(page(session, "/inspections/" + unit2 + "/tasks").statusCode()).isEqualTo(404);
		}
		this.units.addUser(SecondUnit.ID, clerk);
		assertThat(page(session, "/inspections/" + unit2 + "/tasks").statusCode()).isEqualTo(200);

		ResponseEntity<JsonNode> unnamed = as(clerk).post("/api/inspections", SecondUnit.feedback("两单位干事：未选单位"));
		assertThat(unnamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unnamed.getBody().get("detail").asText()).contains("属于多个被巡察单位");
		ResponseEntity<JsonNode> unknown = as(clerk).post("/api/inspections?unitId=noSuchUnit",
				SecondUnit.feedback("两单位干事：无此单位"));
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		long named = registered(as(clerk).post("/api/inspections?unitId=" + SecondUnit.ID,
				SecondUnit.feedback("两单位干事：二单位的整改")));
		assertThat(this.inspections.findById(named).orElseThrow().getUnitId()).isEqualTo(SecondUnit.ID);

		String form = page(PortalLogin.signIn(this.port, clerk, DemoAccounts.PASSWORD), "/inspections/import").body();
		assertThat(form).contains("name=\"unitId\"", "value=\"" + SecondUnit.ID + "\"", SecondUnit.NAME,
				"value=\"" + Units.FIRST_UNIT_ID + "\"");
		// One unit: no choice to make.
		assertThat(page(PortalLogin.signIn(this.port, ONE.clerk(), DemoAccounts.PASSWORD), "/inspections/import").body())
			.doesNotContain("name=\"unitId\"");
	}

	private static long registered(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("inspectionId").asLong();
	}

	private ResponseEntity<JsonNode> upload(String person, long taskId) {
		return as(person).upload(taskId, "台账-佐证.pdf", "application/pdf",
				("%PDF-1.4 " + person).getBytes(StandardCharsets.UTF_8));
	}

	/** Each unit's person does the step of their unit's task, after finding none of the other unit's. */
	private void step(long task1, long task2, String key, String person1, String person2, Map<String, Object> variables) {
		assertThat(as(person2).tasks(task1, key)).as("%s of the first unit for %s", key, person2).isEmpty();
		assertThat(as(person1).tasks(task2, key)).as("%s of the second unit for %s", key, person1).isEmpty();
		as(person1).completeOk(task1, key, variables);
		as(person2).completeOk(task2, key, variables);
	}

	private HttpResponse<String> page(HttpClient session, String path) throws Exception {
		return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

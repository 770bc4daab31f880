package org.rectiflow.handover;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.HttpUser;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.plan.Feedback;
import org.rectiflow.security.PortalSession;
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
 * Who may do what with repeat problems and handovers, across two units over HTTP: only a unit's rectification office
 * (or an administrator) records its handovers; another unit's office neither records nor reads them, nor the unit's
 * repeat problems, nor its repeat rate, which the inspection office overseeing it does see; a department's clerk sees
 * none of the office's pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatAndHandoverAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	Units units;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	OwnUnit unit;

	OwnUnit other;

	String office;

	String otherOffice;

	String leader;

	String successor;

	String clerk;

	Long inspectionId;

	Long taskId;

	@BeforeAll
	void twoUnits() {
		this.unit = new OwnUnit(this.units, this.identityService, "accessTestsA");
		this.other = new OwnUnit(this.units, this.identityService, "accessTestsB");
		this.office = this.unit.person("Office", "甲整改办", Groups.RECTIFICATION_OFFICE);
		this.leader = this.unit.person("Leader", "甲副校长", Groups.LEADERS);
		this.successor = this.unit.person("Successor", "甲新副校长");
		String logistics = this.unit.department("后勤处");
		this.clerk = this.unit.person("Clerk", "甲后勤处", logistics);
		this.otherOffice = this.other.person("Office", "乙整改办", Groups.RECTIFICATION_OFFICE);
		Feedback feedback = TestFeedback.small("访问控制测试", this.unit.name, logistics, this.unit.department("财务处"));
		ResponseEntity<JsonNode> registered = as(this.office).post(url("/api/inspections"), feedback);
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
		this.inspectionId = registered.getBody().get("inspectionId").asLong();
		this.taskId = this.jdbc.queryForObject("select min(id) from rectification_task where inspection_id = ?", Long.class,
				this.inspectionId);
	}

	@AfterAll
	void removeThePeople() {
		this.unit.remove();
		this.other.remove();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static HttpUser as(String userId) {
		return new HttpUser(userId, DemoAccounts.PASSWORD);
	}

	private ResponseEntity<JsonNode> record(String as, String from, String to) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "RESPONSIBLE_LEADER");
		body.put("from", from);
		body.put("to", to);
		body.put("effectiveOn", LocalDate.now(this.clock).plusDays(30).toString());
		body.put("reason", "访问控制测试");
		return as(as).post(url("/api/units/" + this.unit.id + "/handovers"), body);
	}

	private int handoversOfTheUnit() {
		return this.jdbc.queryForObject("select count(*) from handover where unit_id = ?", Integer.class, this.unit.id);
	}

	@Test
	void shouldLetOnlyTheUnitsOwnOfficeOrAnAdministratorRecordItsHandovers() {
		ResponseEntity<JsonNode> otherUnits = record(this.otherOffice, this.leader, this.successor);
		assertThat(otherUnits.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(otherUnits.getBody().get("detail").asText()).contains("只有本单位整改办");
		assertThat(record(this.leader, this.leader, this.successor).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(record(this.clerk, this.leader, this.successor).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(record(DemoAccounts.INSPECTOR, this.leader, this.successor).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		int before = handoversOfTheUnit();
		assertThat(record(DemoAccounts.ADMIN, this.leader, this.successor).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(record(this.office, this.leader, this.successor).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(handoversOfTheUnit()).isEqualTo(before + 2);
	}

	@Test
	void shouldRefuseTheFormOfAnotherUnitsOffice() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(this.otherOffice, DemoAccounts.PASSWORD);
		HttpResponse<String> page = session.get("/handovers?unit=" + this.unit.id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(this.other.name).doesNotContain(this.unit.name);
		int before = handoversOfTheUnit();
		String form = "unit=" + this.unit.id + "&kind=RESPONSIBLE_LEADER&from=" + this.leader + "&to=" + this.successor
				+ "&effectiveOn=" + LocalDate.now(this.clock) + "&reason="
				+ URLEncoder.encode("越权", StandardCharsets.UTF_8) + "&_csrf=" + session.csrfToken("/handovers");
		HttpResponse<String> posted = session.postForm("/handovers", form);
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(handoversOfTheUnit()).isEqualTo(before);
		assertThat(session.get(session.location(posted)).body()).contains("只有本单位整改办");
	}

	@Test
	void shouldHideOneUnitsHandoversAndRepeatsFromAnotherUnit() {
		HttpUser otherOffice = as(this.otherOffice);
		assertThat(otherOffice.get(url("/api/units/" + this.unit.id + "/handovers")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(otherOffice.get(url("/api/tasks/" + this.taskId + "/handovers")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(otherOffice.get(url("/api/inspections/" + this.inspectionId + "/repeat-problems")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<JsonNode> rates = otherOffice.get(url("/api/repeat-rates"));
		assertThat(rates.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(unitIds(rates.getBody())).doesNotContain(this.unit.id);

		HttpUser office = as(this.office);
		assertThat(office.get(url("/api/units/" + this.unit.id + "/handovers")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(office.get(url("/api/tasks/" + this.taskId + "/handovers")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(office.get(url("/api/inspections/" + this.inspectionId + "/repeat-problems")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(unitIds(as(DemoAccounts.INSPECTOR).get(url("/api/repeat-rates")).getBody())).contains(this.unit.id);
		assertThat(unitIds(office.get(url("/api/repeat-rates")).getBody())).containsExactly(this.unit.id);
	}

	@Test
	void shouldKeepADepartmentsClerkOutOfTheOfficesPages() throws Exception {
		HttpUser clerk = as(this.clerk);
		assertThat(clerk.get(url("/api/repeat-rates")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(clerk.get(url("/api/units/" + this.unit.id + "/handovers")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(clerk.get(url("/api/inspections/" + this.inspectionId + "/repeat-problems")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		PortalSession session = new PortalSession(this.port);
		session.login(this.clerk, DemoAccounts.PASSWORD);
		assertThat(session.get("/handovers").statusCode()).isEqualTo(403);
		assertThat(session.get("/repeat-rates").statusCode()).isEqualTo(403);
	}

	private static List<String> unitIds(JsonNode rates) {
		List<String> ids = new java.util.ArrayList<>();
		rates.forEach((r) -> ids.add(r.get("unitId").asText()));
		return ids;
	}

}

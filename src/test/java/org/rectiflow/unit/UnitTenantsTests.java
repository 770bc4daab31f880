package org.rectiflow.unit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.security.WebappSession;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units as tenants (issue 18): every instance of the three processes carries its unit's tenant id; the unit's people
 * still see their steps over the engine's REST API and the webapps' API; a person of another unit, even with grants
 * that would let them read every task, instance and history entry, sees none of the unit's. Over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitTenantsTests {

	static final String STAFF = "logisticsDepartmentStaff";

	static final String STRANGER = "unitTenantsTestsStranger";

	static final String OTHER_UNIT = "unitTenantsTestsOther";

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	Units units;

	@Autowired
	UnitRepository unitRows;

	final ObjectMapper json = new ObjectMapper();

	final HttpClient http = HttpClient.newHttpClient();

	Inspection inspection;

	RectificationTask task;

	final List<String> grants = new ArrayList<>();

	@BeforeAll
	void aFiledPlanAndAPersonOfAnotherUnit() {
		this.inspection = this.driver.register(TestFeedback.small("单位租户测试"));
		this.driver.filePlan(this.inspection.getId());
		this.task = this.driver.task(this.inspection.getId(), "1.1.1");

		this.units.create(OTHER_UNIT, "另一被巡察单位", "另一单位");
		User stranger = this.identityService.newUser(STRANGER);
		stranger.setFirstName("外单位");
		stranger.setLastName("");
		stranger.setPassword(DemoAccounts.PASSWORD);
		this.identityService.saveUser(stranger);
		this.units.addUser(OTHER_UNIT, STRANGER);
		// Grants that alone would show the stranger every task, instance and history entry: only the tenant hides them.
		grant(Resources.TASK, Permissions.READ);
		grant(Resources.PROCESS_INSTANCE, Permissions.READ);
		grant(Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
				Permissions.READ_TASK);
	}

	private void grant(Resource resource, Permissions... permissions) {
		Authorization grant = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId(STRANGER);
		grant.setResource(resource);
		grant.setResourceId("*");
		for (Permissions permission : permissions) {
			grant.addPermission(permission);
		}
		this.grants.add(this.authorizationService.saveAuthorization(grant).getId());
	}

	@AfterAll
	void removeTheOtherUnit() {
		this.grants.forEach(this.authorizationService::deleteAuthorization);
		this.identityService.deleteUser(STRANGER);
		this.identityService.deleteTenant(OTHER_UNIT);
		this.unitRows.deleteById(OTHER_UNIT);
	}

	@Test
	void everyInstanceCarriesItsUnitsTenant() {
		String unit = this.inspection.getUnitId();
		assertThat(unit).isNotNull();
		assertThat(this.identityService.createTenantQuery().tenantId(unit).count()).isEqualTo(1);
		ProcessInstance rectification = this.driver.rectification(this.inspection.getId());
		assertThat(rectification.getTenantId()).isEqualTo(unit);
		ProcessInstance supervision = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(rectification.getId())
			.processDefinitionKey(SupervisionProcess.PROCESS_KEY)
			.singleResult();
		assertThat(supervision).as("the supervision call activity").isNotNull();
		assertThat(supervision.getTenantId()).isEqualTo(unit);
		for (RectificationTask t : this.driver.tasksOf(this.inspection.getId())) {
			assertThat(this.driver.instance(RectificationTaskProcess.PROCESS_KEY, t.getId()).getTenantId())
				.as("task %s", t.getCode())
				.isEqualTo(unit);
		}
		assertThat(this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(this.task.getId()))
			.singleResult()
			.getTenantId()).isEqualTo(unit);
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(rectification.getId())
			.singleResult()
			.getTenantId()).isEqualTo(unit);
		// The definitions stay shared.
		assertThat(this.repositoryService.getProcessDefinition(rectification.getProcessDefinitionId()).getTenantId())
			.isNull();
		assertThat(this.repositoryService.getProcessDefinition(supervision.getProcessDefinitionId()).getTenantId())
			.isNull();
	}

	@Test
	void theUnitsPeopleStillSeeTheirStepsOverTheEngineRestApiAndTheWebapps() throws Exception {
		assertThat(basic(STAFF, stepsPath())).hasSize(1);
		assertThat(basic(STAFF, "/engine-rest/process-instance?businessKey=" + this.task.getId() + "&processDefinitionKey="
				+ RectificationTaskProcess.PROCESS_KEY)).hasSize(1);
		assertThat(basic(DemoAccounts.RECTIFICATION_CLERK,
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + this.task.getId()
						+ "&processDefinitionKey=" + RectificationTaskProcess.PROCESS_KEY))
			.as("oversight reads the history")
			.hasSize(1);
		WebappSession tasklist = new WebappSession(this.port, STAFF);
		HttpResponse<String> tasks = tasklist.send("GET",
				WebappSession.ENGINE_API + "task?processDefinitionKey=" + RectificationTaskProcess.PROCESS_KEY
						+ "&processInstanceBusinessKey=" + this.task.getId(), null);
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(tasks.body())).hasSize(1);
	}

	@Test
	void aPersonOfAnotherUnitSeesNoneOfItsTasksInstancesOrHistory() throws Exception {
		List<String> paths = List.of(stepsPath(),
				"/engine-rest/process-instance?businessKey=" + this.inspection.getId(),
				"/engine-rest/process-instance?businessKey=" + this.task.getId(),
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + this.task.getId(),
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + this.inspection.getId(),
				"/engine-rest/history/task?processInstanceBusinessKey=" + this.inspection.getId(),
				"/engine-rest/history/activity-instance?processInstanceId="
						+ this.driver.rectification(this.inspection.getId()).getId(),
				"/engine-rest/history/variable-instance?processInstanceId="
						+ this.driver.rectification(this.inspection.getId()).getId());
		for (String path : paths) {
			assertThat(basic(STRANGER, path)).as(path).isEmpty();
		}
		WebappSession tasklist = new WebappSession(this.port, STRANGER);
		HttpResponse<String> tasks = tasklist.send("GET",
				WebappSession.ENGINE_API + "task?processDefinitionKey=" + RectificationTaskProcess.PROCESS_KEY
						+ "&processInstanceBusinessKey=" + this.task.getId(), null);
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(tasks.body())).isEmpty();

		// The same person in the unit sees them all: their grants suffice, the tenant alone hid them.
		this.units.addUser(this.inspection.getUnitId(), STRANGER);
		try {
			for (String path : paths) {
				assertThat(basic(STRANGER, path)).as(path).isNotEmpty();
			}
		}
		finally {
			this.identityService.deleteTenantUserMembership(this.inspection.getUnitId(), STRANGER);
		}
	}

	@Test
	void theApiListsTheUnitsACallerSees() throws Exception {
		assertThat(ids(STAFF)).containsExactly(this.inspection.getUnitId());
		assertThat(ids(DemoAccounts.RECTIFICATION_CLERK)).containsExactly(this.inspection.getUnitId());
		// The inspection office: every unit it oversees (other test classes may have added one, SecondUnit), not this one.
		assertThat(ids(DemoAccounts.INSPECTOR)).contains(this.inspection.getUnitId())
			.doesNotContain(OTHER_UNIT)
			.allMatch((id) -> this.units.groupMembers(id).contains(org.rectiflow.identity.Groups.INSPECTION_OFFICE));
		assertThat(ids(STRANGER)).containsExactly(OTHER_UNIT);
		JsonNode other = basic(STRANGER, "/api/units").get(0);
		assertThat(other.get("name").asText()).isEqualTo("另一被巡察单位");
		assertThat(basic(STAFF, "/api/units").get(0).get("name").asText())
			.isEqualTo(this.units.find(this.inspection.getUnitId()).orElseThrow().getName());
	}

	private String stepsPath() {
		return "/engine-rest/task?processDefinitionKey=" + RectificationTaskProcess.PROCESS_KEY
				+ "&processInstanceBusinessKey=" + this.task.getId();
	}

	private List<String> ids(String user) throws Exception {
		List<String> ids = new ArrayList<>();
		basic(user, "/api/units").forEach((u) -> ids.add(u.get("id").asText()));
		return ids;
	}

	private JsonNode basic(String user, String path) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Basic " + credentials)
					.header("Accept", "application/json")
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.isArray()).as(path).isTrue();
		return body;
	}

}

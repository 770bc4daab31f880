package org.rectiflow.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, F2: a department clerk sends the exact requests of the report (self-approval by naming themselves the
 * responsible leader, writing into another department's task through {@code rectificationTaskId}, setting the
 * criticism decision, delegating, adding a candidate group, renaming) and their variants, over the engine's REST API
 * with HTTP Basic and over the webapps' API with a session and its CSRF token. Each is refused and nothing changes;
 * the clerk's own form still completes the step, and the leader's review goes to the real leader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StepForgeryTests {

	static final String CLERK = "logisticsDepartmentStaff";

	static final String FINANCE_CLERK = "financeDepartmentStaff";

	static final String REPORT = "已全部整改到位，材料齐全，请审核。";

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RectificationTaskService tasks;

	@Test
	void theReportedRequestsAreRefusedOverTheEngineRestApi() throws Exception {
		Scene scene = scene("F2 复现：引擎接口");
		Way basic = new Basic(CLERK);
		forgeAll(basic, scene);
		nothingChanged(scene);
		completesWithItsOwnForm(basic, scene);
	}

	@Test
	void theReportedRequestsAreRefusedOverTheWebappApiWithASession() throws Exception {
		Scene scene = scene("F2 复现：网页应用接口");
		Way session = webapps(CLERK);
		forgeAll(session, scene);
		nothingChanged(scene);
		completesWithItsOwnForm(session, scene);
	}

	@Test
	void theDisciplineDecisionCannotBeSkippedByAnotherDepartmentsClerk() throws Exception {
		Scene scene = scene("F2 复现：跳过通报批评");
		// The report's request as the finance clerk, on a task that is not even theirs, and on their own.
		Task financeStep = this.driver.one(RectificationTaskProcess.PROCESS_KEY, scene.other.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		for (Way way : List.of(new Basic(FINANCE_CLERK), webapps(FINANCE_CLERK))) {
			for (String taskId : List.of(scene.step.getId(), financeStep.getId())) {
				assertRefused(way.send("PUT", "task/" + taskId + "/variables/criticismDecision", "{\"value\":\"waive\"}"));
				assertRefused(way.send("PUT", "task/" + taskId + "/localVariables/criticismDecision",
						"{\"value\":\"waive\"}"));
				assertRefused(way.send("POST", "task/" + taskId + "/variables",
						"{\"modifications\":{\"criticismDecision\":{\"value\":\"waive\"}}}"));
			}
			assertRefused(way.send("PUT", "process-instance/" + scene.otherInstance + "/variables/criticismDecision",
					"{\"value\":\"waive\"}"));
			assertRefused(way.send("PUT", "execution/" + financeStep.getExecutionId()
					+ "/localVariables/criticismDecision", "{\"value\":\"waive\"}"));
			assertRefused(way.send("POST", "process-instance/" + scene.otherInstance + "/variables",
					"{\"modifications\":{\"criticismDecision\":{\"value\":\"waive\"}}}"));
		}
		assertThat(this.runtimeService.getVariable(scene.instance, RectificationTaskProcess.VAR_CRITICISM_DECISION))
			.isEqualTo(RectificationTaskProcess.UNDECIDED);
		assertThat(this.runtimeService.getVariable(scene.otherInstance, RectificationTaskProcess.VAR_CRITICISM_DECISION))
			.isEqualTo(RectificationTaskProcess.UNDECIDED);
		assertThat(this.taskService.getVariablesLocal(financeStep.getId())).doesNotContainKey("criticismDecision");
	}

	@Test
	void theRefusalNamesTheFieldInTheCallersLanguage() throws Exception {
		Scene scene = scene("F2：拒绝说明的语言");
		String credentials = Base64.getEncoder()
			.encodeToString((CLERK + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + scene.step.getId() + "/complete"))
				.header("Authorization", "Basic " + credentials)
				.header("Accept-Language", "en")
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString("{\"variables\":{\"progressReport\":{\"value\":\"" + REPORT
						+ "\"},\"leadDepartment\":{\"value\":\"financeDepartment\"}}}"))
				.build(), BodyHandlers.ofString());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("“leadDepartment” is not a field of the form of the step");
		nothingChanged(scene);
	}

	/** Every request of the report and its variants, each refused. */
	private void forgeAll(Way way, Scene scene) throws Exception {
		String step = "task/" + scene.step.getId();
		String selfApproval = "{\"variables\":{\"progressReport\":{\"value\":\"" + REPORT
				+ "\"},\"responsibleLeader\":{\"value\":\"" + CLERK + "\"}}}";
		assertNamed(way.send("POST", step + "/complete", selfApproval), "responsibleLeader");
		assertNamed(way.send("POST", step + "/submit-form", selfApproval), "responsibleLeader");
		String intoAnotherTask = "{\"variables\":{\"progressReport\":{\"value\":\"" + REPORT
				+ "\"},\"rectificationTaskId\":{\"value\":" + scene.other.getId() + ",\"type\":\"Long\"}}}";
		assertNamed(way.send("POST", step + "/complete", intoAnotherTask), "rectificationTaskId");
		assertNamed(way.send("POST", step + "/complete", "{\"variables\":{\"progressReport\":{\"value\":\"" + REPORT
				+ "\"},\"criticismDecision\":{\"value\":\"waive\"}}}"), "criticismDecision");
		assertNamed(way.send("POST", step + "/complete", "{\"variables\":{\"progressReport\":{\"value\":\"" + REPORT
				+ "\"},\"leaderDecision\":{\"value\":\"accept\"}}}"), "leaderDecision");

		assertRefused(way.send("PUT", step + "/variables/criticismDecision", "{\"value\":\"waive\"}"));
		assertRefused(way.send("PUT", step + "/variables/responsibleLeader", "{\"value\":\"" + CLERK + "\"}"));
		assertRefused(way.send("PUT", step + "/localVariables/rectificationTaskId",
				"{\"value\":" + scene.other.getId() + ",\"type\":\"Long\"}"));
		assertRefused(way.send("POST", step + "/variables",
				"{\"modifications\":{\"leadDepartment\":{\"value\":\"financeDepartment\"}}}"));
		assertRefused(way.send("DELETE", step + "/variables/responsibleLeader", null));
		assertRefused(way.send("PUT", "process-instance/" + scene.instance + "/variables/responsibleLeader",
				"{\"value\":\"" + CLERK + "\"}"));
		assertRefused(way.send("PUT", "execution/" + scene.step.getExecutionId() + "/localVariables/responsibleLeader",
				"{\"value\":\"" + CLERK + "\"}"));

		assertRefused(way.send("POST", step + "/delegate", "{\"userId\":\"" + DemoAccounts.PRESIDENT + "\"}"));
		assertRefused(way.send("POST", step + "/identity-links", "{\"groupId\":\"financeDepartment\",\"type\":\"candidate\"}"));
		assertRefused(way.send("POST", step + "/identity-links", "{\"userId\":\"" + FINANCE_CLERK + "\",\"type\":\"candidate\"}"));
		assertRefused(way.send("POST", step + "/identity-links/delete",
				"{\"groupId\":\"logisticsDepartment\",\"type\":\"candidate\"}"));
		assertRefused(way.send("PUT", step, "{\"name\":\"已办结\",\"assignee\":\"" + CLERK + "\"}"));
		assertRefused(way.send("POST", step + "/assignee", "{\"userId\":\"" + FINANCE_CLERK + "\"}"));
		// Leaving the step by a BPMN error or escalation would skip the leader's review, or restart the clock.
		assertRefused(way.send("POST", step + "/bpmnError", "{\"errorCode\":\"done\"}"));
		assertRefused(way.send("POST", step + "/bpmnEscalation", "{\"escalationCode\":\"deadlineExtended\"}"));
		assertRefused(way.send("POST", "message", "{\"messageName\":\"extensionRequested\",\"processInstanceId\":\""
				+ scene.instance + "\",\"processVariables\":{\"responsibleLeader\":{\"value\":\"" + CLERK + "\"}}}"));
		assertRefused(way.send("POST", "signal",
				"{\"name\":\"extensionRequested\",\"variables\":{\"responsibleLeader\":{\"value\":\"" + CLERK + "\"}}}"));
	}

	@Test
	void aClaimCanBeGivenBackButNotPassedOn() throws Exception {
		Scene scene = scene("F2：认领与退回");
		Way basic = new Basic(CLERK);
		String step = "task/" + scene.step.getId();
		assertThat(basic.send("POST", step + "/claim", "{\"userId\":\"" + CLERK + "\"}").statusCode()).isEqualTo(204);
		assertRefused(basic.send("POST", step + "/assignee", "{\"userId\":\"" + FINANCE_CLERK + "\"}"));
		assertRefused(basic.send("POST", step + "/delegate", "{\"userId\":\"" + FINANCE_CLERK + "\"}"));
		assertThat(this.taskService.createTaskQuery().taskId(scene.step.getId()).singleResult().getAssignee())
			.isEqualTo(CLERK);
		HttpResponse<String> unclaimed = basic.send("POST", step + "/unclaim", null);
		assertThat(unclaimed.statusCode()).as(unclaimed.body()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().taskId(scene.step.getId()).singleResult().getAssignee()).isNull();
		// Someone else's claim is not theirs to undo; nor is a step assigned to a person (no candidate group).
		assertThat(basic.send("POST", step + "/claim", "{\"userId\":\"" + CLERK + "\"}").statusCode()).isEqualTo(204);
		assertRefused(new Basic(FINANCE_CLERK).send("POST", step + "/unclaim", null));
		assertThat(basic.send("POST", step + "/unclaim", null).statusCode()).isEqualTo(204);
		completesWithItsOwnForm(basic, scene);
		Task review = this.driver.one(RectificationTaskProcess.PROCESS_KEY, scene.task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW);
		assertRefused(new Basic(DemoAccounts.VICE_PRESIDENT_LOGISTICS).send("POST", "task/" + review.getId() + "/unclaim",
				null));
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
			.isEqualTo(DemoAccounts.VICE_PRESIDENT_LOGISTICS);
	}

	private void nothingChanged(Scene scene) {
		Task step = this.taskService.createTaskQuery().taskId(scene.step.getId()).singleResult();
		assertThat(step).as("the department's step is still open").isNotNull();
		assertThat(step.getName()).isEqualTo(scene.step.getName());
		assertThat(step.getOwner()).isNull();
		assertThat(step.getAssignee()).isNull();
		assertThat(this.taskService.getIdentityLinksForTask(step.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("logisticsDepartment");
		assertThat(this.runtimeService.getVariable(scene.instance, RectificationTaskProcess.VAR_RESPONSIBLE_LEADER))
			.isEqualTo(DemoAccounts.VICE_PRESIDENT_LOGISTICS);
		assertThat(this.runtimeService.getVariable(scene.instance, RectificationTaskProcess.VAR_LEAD_DEPARTMENT))
			.isEqualTo("logisticsDepartment");
		assertThat(this.runtimeService.getVariable(scene.instance, RectificationTaskProcess.VAR_CRITICISM_DECISION))
			.isEqualTo(RectificationTaskProcess.UNDECIDED);
		assertThat(this.taskService.getVariablesLocal(step.getId())).isEmpty();
		assertThat(this.tasks.get(scene.task.getId()).getProgressReport()).isNull();
		assertThat(this.tasks.get(scene.other.getId()).getProgressReport()).as("the other department's task").isNull();
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, scene.task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW)).isEmpty();
	}

	private void completesWithItsOwnForm(Way way, Scene scene) throws Exception {
		HttpResponse<String> done = way.send("POST", "task/" + scene.step.getId() + "/complete",
				"{\"variables\":{\"progressReport\":{\"value\":\"" + REPORT + "\"}}}");
		assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
		Task review = this.driver.one(RectificationTaskProcess.PROCESS_KEY, scene.task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW);
		assertThat(review.getAssignee()).as("the real leader reviews").isEqualTo(DemoAccounts.VICE_PRESIDENT_LOGISTICS);
		assertThat(this.tasks.get(scene.task.getId()).getProgressReport()).isEqualTo(REPORT);
		assertThat(this.tasks.get(scene.other.getId()).getProgressReport()).isNull();
		// The clerk cannot accept it either.
		assertRefused(way.send("POST", "task/" + review.getId() + "/complete",
				"{\"variables\":{\"leaderDecision\":{\"value\":\"accept\"}}}"));
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).singleResult()).isNotNull();
	}

	private Scene scene(String title) {
		Long inspection = this.driver.register(TestFeedback.small(title)).getId();
		this.driver.filePlan(inspection);
		RectificationTask task = this.driver.task(inspection, "1.1.1");
		RectificationTask other = this.driver.task(inspection, "1.2.1");
		this.driver.uploadEvidence(task);
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		return new Scene(task, other, step,
				this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()).getId(),
				this.driver.instance(RectificationTaskProcess.PROCESS_KEY, other.getId()).getId());
	}

	record Scene(RectificationTask task, RectificationTask other, Task step, String instance, String otherInstance) {
	}

	static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
				response.body()).isIn(400, 403, 404);
	}

	/** Refused with 400 and a Chinese message naming the field. */
	static void assertNamed(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
				response.body()).isEqualTo(400);
		assertThat(response.body()).contains(field).contains("表单");
	}

	/** One way into the engine's REST API, paths relative to its root. */
	interface Way {

		HttpResponse<String> send(String method, String path, String json) throws Exception;

	}

	/** The webapps' API ({@code /camunda/api/engine/engine/default}) with a session from our login page. */
	private Way webapps(String user) throws Exception {
		WebappSession session = new WebappSession(this.port, user);
		return (method, path, json) -> session.send(method, WebappSession.ENGINE_API + path, json);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String json) {
		return (json == null) ? request.method(method, BodyPublishers.noBody())
				: request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
	}

	/** {@code /engine-rest} with HTTP Basic. */
	private final class Basic implements Way {

		private final HttpClient client = HttpClient.newHttpClient();

		private final String credentials;

		Basic(String user) {
			this.credentials = Base64.getEncoder()
				.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public HttpResponse<String> send(String method, String path, String json) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri("/engine-rest/" + path))
				.header("Authorization", "Basic " + this.credentials)
				.header("Accept", "application/json");
			return this.client.send(withBody(request, method, json).build(), BodyHandlers.ofString());
		}

	}

}

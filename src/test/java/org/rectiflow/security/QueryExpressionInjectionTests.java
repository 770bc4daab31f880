package org.rectiflow.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task-query expression injection (CVE-2026-109432) sent to every entry point of the running application, as a
 * department member and as an administrator: the engine's REST API (JSON bodies and query parameters), the webapps'
 * API with a session and its CSRF token, filters (run, extended, created, updated) and the Java API. Every attempt
 * is answered 400 or 403 with a message, and the marker file the exploit would create never appears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QueryExpressionInjectionTests {

	private static final String DEPARTMENT_MEMBER = DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT);

	private static final List<String> PEOPLE = List.of(DEPARTMENT_MEMBER, DemoAccounts.ADMIN);

	/** A sample of the task query's expression fields, top-level names as the REST API takes them. */
	private static final List<String> EXPRESSION_FIELDS = List.of("assigneeExpression", "assigneeLikeExpression",
			"ownerExpression", "candidateUserExpression", "candidateGroupExpression", "candidateGroupsExpression",
			"involvedUserExpression", "dueBeforeExpression", "followUpBeforeOrNotExistentExpression",
			"createdAfterExpression", "processInstanceBusinessKeyExpression");

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> createdFilters = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	private Exploit exploit;

	private String sharedFilterId;

	@BeforeEach
	void prepare() throws Exception {
		this.exploit = new Exploit();
		this.sharedFilterId = this.engine.getFilterService().createFilterQuery().filterName("我的待办").singleResult()
			.getId();
	}

	@AfterEach
	void nothingRan() throws Exception {
		this.createdFilters.forEach(this.engine.getFilterService()::deleteFilter);
		assertThat(this.exploit.ran(Duration.ofSeconds(1))).as("the exploit's command ran on the server").isFalse();
	}

	@Test
	void theReportedExploitIsRefusedOverTheEngineRestApi() throws Exception {
		for (String person : PEOPLE) {
			String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + this.exploit.expression + "\"}]}";
			assertBadRequest(rest(person, "POST", "/engine-rest/task", body));
			assertBadRequest(rest(person, "POST", "/engine-rest/task/count", body));
			assertBadRequest(rest(person, "POST", "/engine-rest/task?firstResult=0&maxResults=15", body));
		}
	}

	@Test
	void everyExpressionFieldIsRefusedAtEveryNesting() throws Exception {
		for (String person : PEOPLE) {
			for (String field : EXPRESSION_FIELDS) {
				Map<String, Object> condition = Map.of(field, this.exploit.expression);
				assertBadRequest(rest(person, "POST", "/engine-rest/task", body(condition)));
				assertBadRequest(rest(person, "POST", "/engine-rest/task", body(Map.of("orQueries", List.of(condition)))));
				assertBadRequest(rest(person, "POST", "/engine-rest/task",
						body(Map.of("orQueries", List.of(Map.of("name", "x"), condition)))));
				assertBadRequest(rest(person, "POST", "/engine-rest/task",
						body(Map.of("orQueries", List.of(Map.of("orQueries", List.of(condition)))))));
			}
		}
	}

	@Test
	void encodedVariantsAreRefused() throws Exception {
		String escaped = this.exploit.expression.replace("$", "\\u0024").replace("{", "\\u007b").replace("'", "\\u0027");
		for (String person : PEOPLE) {
			assertBadRequest(rest(person, "POST", "/engine-rest/task",
					"{\"orQueries\":[{\"assigneeExpression\":\"" + escaped + "\"}]}"));
			String encoded = URLEncoder.encode(this.exploit.expression, StandardCharsets.UTF_8);
			assertBadRequest(rest(person, "GET", "/engine-rest/task?assigneeExpression=" + encoded, null));
			assertBadRequest(rest(person, "GET", "/engine-rest/task/count?candidateUserExpression=" + encoded, null));
			assertBadRequest(rest(person, "GET", "/engine-rest/task?dueBeforeExpression="
					+ URLEncoder.encode(encoded, StandardCharsets.UTF_8), null));
		}
	}

	@Test
	void theQueryExtendingAFilterIsRefused() throws Exception {
		String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + this.exploit.expression + "\"}]}";
		for (String person : PEOPLE) {
			assertBadRequest(rest(person, "POST", "/engine-rest/filter/" + this.sharedFilterId + "/list", body));
			assertBadRequest(rest(person, "POST", "/engine-rest/filter/" + this.sharedFilterId + "/count", body));
			// Camunda's REST API answers any failure of a filter's single result with its own 400 message.
			assertThat(rest(person, "POST", "/engine-rest/filter/" + this.sharedFilterId + "/singleResult", body)
				.statusCode()).isEqualTo(400);
			assertBadRequest(rest(person, "POST", "/engine-rest/filter/" + this.sharedFilterId + "/list",
					"{\"ownerExpression\":\"" + this.exploit.expression + "\"}"));
		}
	}

	@Test
	void onlyAdministratorsSaveFiltersAndOnlyWithAllowedExpressions() throws Exception {
		String harmless = filter("部门自建过滤器", Map.of("assigneeExpression", "${currentUser()}"));
		assertThat(rest(DEPARTMENT_MEMBER, "POST", "/engine-rest/filter/create", harmless).statusCode()).isEqualTo(403);
		assertThat(rest(DEPARTMENT_MEMBER, "PUT", "/engine-rest/filter/" + this.sharedFilterId, harmless).statusCode())
			.isEqualTo(403);
		assertThat(rest(DEPARTMENT_MEMBER, "DELETE", "/engine-rest/filter/" + this.sharedFilterId, null).statusCode())
			.isEqualTo(403);

		for (Map<String, Object> query : List.of(Map.<String, Object>of("assigneeExpression", this.exploit.expression),
				Map.<String, Object>of("orQueries", List.of(Map.of("ownerExpression", this.exploit.expression))),
				Map.<String, Object>of("dueBeforeExpression", "${workingDays.getClass()}"))) {
			HttpResponse<String> created = rest(DemoAccounts.ADMIN, "POST", "/engine-rest/filter/create",
					filter("恶意过滤器", query));
			assertBadRequest(created);
			assertThat(created.body()).contains("过滤器中不允许使用表达式");
			assertBadRequest(rest(DemoAccounts.ADMIN, "PUT", "/engine-rest/filter/" + this.sharedFilterId,
					filter("我的待办", query)));
		}
		assertThat(this.engine.getFilterService().createFilterQuery().filterName("恶意过滤器").count()).isZero();
		Filter shared = this.engine.getFilterService().getFilter(this.sharedFilterId);
		// 我的待办 is "assigned to me or offered to my groups" (issue 20): its expressions sit in its or-query.
		assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) shared.getQuery()).getQueries()
			.stream()
			.flatMap((q) -> q.getExpressions().values().stream()))
			.contains("${currentUser()}", "${currentUserGroups()}");

		HttpResponse<String> allowed = rest(DemoAccounts.ADMIN, "POST", "/engine-rest/filter/create",
				filter("三日内到期", Map.of("dueBeforeExpression", "${dateTime().plusDays(3).toDate()}", "orQueries",
						List.of(Map.of("assigneeExpression", "${currentUser()}")))));
		assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
		this.createdFilters.add(this.json.readTree(allowed.body()).get("id").asText());
	}

	@Test
	void theWebappApiRefusesItWithASessionAndItsCsrfToken() throws Exception {
		for (String person : PEOPLE) {
			WebappSession session = new WebappSession(this.port, person);
			String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + this.exploit.expression + "\"}]}";

			assertBadRequest(session.send("POST", WebappSession.ENGINE_API + "task", body, true));
			assertBadRequest(session.send("POST", WebappSession.ENGINE_API + "task/count", body, true));
			assertBadRequest(session.send("POST",
					WebappSession.ENGINE_API + "filter/" + this.sharedFilterId + "/list", body, true));
			assertBadRequest(session.send("GET", WebappSession.ENGINE_API + "task?assigneeExpression="
					+ URLEncoder.encode(this.exploit.expression, StandardCharsets.UTF_8), null, true));
			HttpResponse<String> created = session.send("POST", WebappSession.ENGINE_API + "filter/create",
					filter("恶意过滤器", Map.of("assigneeExpression", this.exploit.expression)), true);
			assertThat(created.statusCode()).as(created.body()).isIn(400, 403);

			// The same session does its ordinary work.
			HttpResponse<String> search = session.send("POST", WebappSession.ENGINE_API + "filter/"
					+ this.sharedFilterId + "/list?firstResult=0&maxResults=15",
					"{\"orQueries\":[{\"nameLike\":\"%整改%\"},{\"descriptionLike\":\"%整改%\"}]}", true);
			assertThat(search.statusCode()).as(search.body()).isEqualTo(200);

			// Last: Camunda ends the session of a request without the token.
			assertThat(session.send("POST", WebappSession.ENGINE_API + "task", body, false).statusCode())
				.as("without the CSRF token").isEqualTo(403);
		}
	}

	@Test
	void ordinaryQueriesAndTheShippedFiltersStillWork() throws Exception {
		for (String person : PEOPLE) {
			HttpResponse<String> search = rest(person, "POST", "/engine-rest/task",
					"{\"orQueries\":[{\"assignee\":\"" + person + "\"},{\"candidateGroup\":\"logisticsDepartment\"}]}");
			assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
		}
		for (Filter filter : this.engine.getFilterService().createFilterQuery().list()) {
			HttpResponse<String> listed = rest(DEPARTMENT_MEMBER, "GET", "/engine-rest/filter/" + filter.getId() + "/list",
					null);
			assertThat(listed.statusCode()).as("%s: %s", filter.getName(), listed.body()).isEqualTo(200);
		}
	}

	@Test
	void ourOwnJavaCallsAreGuardedToo() {
		FilterService filters = this.engine.getFilterService();
		assertThatThrownBy(() -> this.engine.getTaskService().createTaskQuery().or()
			.taskAssigneeExpression(this.exploit.expression).endOr().list()).isInstanceOf(BadUserRequestException.class);
		assertThatThrownBy(() -> filters.list(this.sharedFilterId, this.engine.getTaskService().createTaskQuery().or()
			.taskCandidateUserExpression(this.exploit.expression).endOr())).isInstanceOf(BadUserRequestException.class);
		Filter filter = filters.newTaskFilter("恶意过滤器")
			.setQuery(this.engine.getTaskService().createTaskQuery().taskAssigneeExpression(this.exploit.expression));
		assertThatThrownBy(() -> filters.saveFilter(filter)).isInstanceOf(BadUserRequestException.class);
	}

	private void assertBadRequest(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
				response.body()).isEqualTo(400);
		assertThat(response.body()).as("a message in Chinese").contains("表达式");
	}

	private String body(Object value) throws Exception {
		return this.json.writeValueAsString(value);
	}

	private String filter(String name, Map<String, Object> query) throws Exception {
		return body(Map.of("resourceType", "Task", "name", name, "query", query));
	}

	private HttpResponse<String> rest(String person, String method, String path, String body) throws Exception {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((person + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
		return this.http.send(withBody(request, method, body).build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String body) {
		if (body == null) {
			return request.method(method, BodyPublishers.noBody());
		}
		return request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
	}

}

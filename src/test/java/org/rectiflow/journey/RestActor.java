package org.rectiflow.journey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person using the system from outside, over HTTP with their own credentials: our API under {@code /api} and
 * the engine's REST API under {@code /engine-rest}.
 */
class RestActor {

	private final TestRestTemplate http;

	final String userId;

	RestActor(TestRestTemplate http, String userId, String password) {
		this.http = http.withBasicAuth(userId, password);
		this.userId = userId;
	}

	JsonNode get(String path) {
		ResponseEntity<JsonNode> response = this.http.getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, this.userId, response.getBody())
			.isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	String getText(String path) {
		ResponseEntity<String> response = this.http.getForEntity(path, String.class);
		assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	ResponseEntity<JsonNode> post(String path, Object body) {
		return this.http.postForEntity(path, body, JsonNode.class);
	}

	ResponseEntity<JsonNode> postText(String path, String text) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
		return this.http.exchange(path, HttpMethod.POST, new HttpEntity<>(text, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> upload(Long taskId, String fileName, String contentType, byte[] bytes) {
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType(contentType));
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}, partHeaders));
		body.add("description", "整改佐证材料");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.exchange("/api/tasks/" + taskId + "/evidence", HttpMethod.POST, new HttpEntity<>(body, headers),
				JsonNode.class);
	}

	/** The open user tasks of a process instance, found by business key and definition key, as Tasklist does. */
	List<JsonNode> tasks(Object businessKey, String taskKey) {
		JsonNode list = get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey);
		return toList(list);
	}

	List<JsonNode> myTasks(Object businessKey, String taskKey) {
		return toList(get("/engine-rest/task?assignee=" + this.userId + "&processInstanceBusinessKey=" + businessKey
				+ "&taskDefinitionKey=" + taskKey));
	}

	/** Claims and completes a task through the engine's REST API; returns the completion's response. */
	ResponseEntity<JsonNode> complete(JsonNode task, Map<String, Object> variables) {
		String id = task.get("id").asText();
		if (task.get("assignee").isNull()) {
			ResponseEntity<JsonNode> claimed = post("/engine-rest/task/" + id + "/claim", Map.of("userId", this.userId));
			assertThat(claimed.getStatusCode().is2xxSuccessful()).as("claim %s as %s", id, this.userId).isTrue();
		}
		Map<String, Object> vars = new LinkedHashMap<>();
		variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
		return post("/engine-rest/task/" + id + "/complete", Map.of("variables", vars));
	}

	void completeOk(Object businessKey, String taskKey, Map<String, Object> variables) {
		List<JsonNode> open = tasks(businessKey, taskKey);
		assertThat(open).as("%s of %s", taskKey, businessKey).hasSize(1);
		ResponseEntity<JsonNode> response = complete(open.get(0), variables);
		assertThat(response.getStatusCode().is2xxSuccessful()).as("complete %s as %s: %s", taskKey, this.userId,
				response.getBody()).isTrue();
	}

	private static List<JsonNode> toList(JsonNode array) {
		List<JsonNode> result = new ArrayList<>();
		array.forEach(result::add);
		return result;
	}

}

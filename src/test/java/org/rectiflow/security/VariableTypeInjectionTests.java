package org.rectiflow.security;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding F1 of issue 17: the engine's REST API built whatever class a caller named. The multipart
 * {@code …/variables/{name}/data} endpoints hand the {@code type} part to Jackson before any authorization check, so
 * {@code org.apache.commons.io.output.LockableFileWriter} with a path as its JSON "value" truncated that file; an
 * Object variable stored with that {@code objectTypeName} did the same when anyone read it. Each variant is sent to
 * the running application (Basic, and the webapps' API with a session and its XSRF token): a marker file with content
 * must survive untouched and a file that does not exist must never appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VariableTypeInjectionTests {

	private static final String FILE_WRITER = "org.apache.commons.io.output.LockableFileWriter";

	private static final String STAFF = DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT);

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	JdbcTemplate jdbc;

	private Path marker;

	private Path absent;

	@BeforeEach
	void markers() throws Exception {
		Path directory = Files.createDirectories(Path.of("target", "exploit-markers")).toAbsolutePath();
		this.marker = directory.resolve("keep-" + UUID.randomUUID());
		Files.writeString(this.marker, "must survive");
		this.absent = directory.resolve("never-" + UUID.randomUUID());
	}

	@AfterEach
	void nothingWasTouched() throws Exception {
		assertThat(this.marker).as("the marker file").hasContent("must survive");
		assertThat(this.absent).as("a file the exploit would create").doesNotExist();
	}

	@Test
	void theReportedRequestIsRefusedBeforeTheClassIsTouched() throws Exception {
		// curl -u inspector:demo -F 'data=@-;type=application/json' -F 'type=…LockableFileWriter' …/data <<< '"/path"'
		for (Path target : List.of(this.marker, this.absent)) {
			HttpResponse<String> response = basic(DemoAccounts.INSPECTOR,
					"/engine-rest/process-instance/nope/variables/x/data", curlBody(target, FILE_WRITER));
			assertRefused(response);
		}
	}

	@Test
	void everyDataEndpointRefusesAForeignType() throws Exception {
		RectificationTask task = filedTask();
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		List<String> paths = List.of("/engine-rest/process-instance/nope/variables/x/data",
				"/engine-rest/process-instance/" + step.getProcessInstanceId() + "/variables/x/data",
				"/engine-rest/task/nope/variables/x/data", "/engine-rest/task/" + step.getId() + "/variables/x/data",
				"/engine-rest/task/" + step.getId() + "/localVariables/x/data",
				"/engine-rest/execution/nope/localVariables/x/data",
				"/engine-rest/execution/" + step.getExecutionId() + "/localVariables/x/data",
				"/engine-rest/case-instance/nope/variables/x/data",
				"/engine-rest/case-execution/nope/localVariables/x/data",
				"/engine-rest/case-execution/nope/variables/x/data");
		for (String user : List.of(STAFF, DemoAccounts.INSPECTOR, DemoAccounts.ADMIN)) {
			for (String path : paths) {
				assertRefused(basic(user, path, curlBody(this.marker, FILE_WRITER)));
				assertRefused(basic(user, path, curlBody(this.absent, FILE_WRITER)));
			}
		}
	}

	@Test
	void unusualButValidMultipartHeadersAreReadAsCamundaReadsThem() throws Exception {
		String path = "/engine-rest/task/nope/variables/x/data";
		List<String> dispositions = List.of("content-disposition: form-data; name=type",
				"Content-Disposition: form-data; NAME=\"type\"", "CONTENT-DISPOSITION:form-data;name=\"type\"",
				"Content-Disposition: form-data; name=\"type\"; filename=\"t.txt\"");
		for (String disposition : dispositions) {
			assertRefused(basic(STAFF, path, multipart(dataPart(this.absent), disposition + "\r\n\r\n" + FILE_WRITER)));
		}
		// The media type in another case, the type part before the data part.
		Body body = curlBody(this.absent, FILE_WRITER);
		assertRefused(new PortalSession(this.port).sendBytes("POST", path,
				body.contentType().replace("multipart/form-data", "Multipart/Form-Data"), body.bytes(), "Authorization",
				WebSecurityTests.basic(STAFF)));
		assertRefused(basic(STAFF, path, multipart("Content-Disposition: form-data; name=\"type\"\r\n\r\n" + FILE_WRITER,
				dataPart(this.absent))));
		// Generic and padded names, arrays and nested type parameters: nothing outside the allow-list.
		for (String type : List.of(" " + FILE_WRITER + " ", "java.util.ArrayList<" + FILE_WRITER + ">",
				"java.util.HashMap<java.lang.String," + FILE_WRITER + ">", FILE_WRITER + "[]", "java.io.FileOutputStream",
				"java.lang.ProcessBuilder", "")) {
			assertRefused(basic(STAFF, path, curlBody(this.absent, type)));
		}
	}

	@Test
	void theWebappsApiRefusesItWithASessionAndItsXsrfToken() throws Exception {
		PortalSession session = new PortalSession(this.port);
		session.login(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		String token = session.webappCsrfToken();
		for (String path : List.of("/camunda/api/engine/engine/default/process-instance/nope/variables/x/data",
				"/camunda/api/engine/engine/default/task/nope/variables/x/data",
				"/camunda/api/engine/engine/default/execution/nope/localVariables/x/data")) {
			for (Path target : List.of(this.marker, this.absent)) {
				Body body = curlBody(target, FILE_WRITER);
				assertRefused(session.sendBytes("POST", path, body.contentType(), body.bytes(), "X-XSRF-TOKEN", token));
			}
		}
	}

	@Test
	void anAllowedTypeStillPassesTheDoor() throws Exception {
		RectificationTask task = filedTask();
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		Body body = multipart("Content-Disposition: form-data; name=\"data\"; filename=\"-\"\r\n"
				+ "Content-Type: application/json\r\n\r\n[\"a\",\"b\"]",
				"Content-Disposition: form-data; name=\"type\"\r\n\r\njava.util.ArrayList<java.lang.String>");
		HttpResponse<String> response = basic(DemoAccounts.ADMIN,
				"/engine-rest/process-instance/" + step.getProcessInstanceId() + "/variables/allowedList/data", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		assertThat(this.engine.getRuntimeService().getVariable(step.getProcessInstanceId(), "allowedList"))
			.isEqualTo(List.of("a", "b"));
	}

	@Test
	void aStoredObjectOfAForeignTypeIsRefusedWhenWrittenAndNothingIsBuiltWhenRead() throws Exception {
		RectificationTask task = filedTask();
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		for (Path target : List.of(this.marker, this.absent)) {
			String variable = "{\"value\":\"\\\"" + target + "\\\"\",\"type\":\"Object\",\"valueInfo\":{"
					+ "\"objectTypeName\":\"" + FILE_WRITER + "\",\"serializationDataFormat\":\"application/json\"}}";
			// The clerk on their own step, and an administrator on the instance.
			assertRefused(json(STAFF, "PUT", "/engine-rest/task/" + step.getId() + "/variables/evil", variable));
			assertRefused(json(DemoAccounts.ADMIN, "PUT",
					"/engine-rest/process-instance/" + step.getProcessInstanceId() + "/variables/evil", variable));
			assertRefused(json(DemoAccounts.ADMIN, "POST",
					"/engine-rest/process-instance/" + step.getProcessInstanceId() + "/variables",
					"{\"modifications\":{\"evil\":" + variable + "}}"));
		}
		HttpResponse<String> read = json(DemoAccounts.ADMIN, "GET",
				"/engine-rest/variable-instance?processInstanceIdIn=" + step.getProcessInstanceId(), null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).doesNotContain(FILE_WRITER);
	}

	@Test
	void aForeignTypeAlreadyInTheDatabaseIsNeitherLoadedNorBuiltWhenRead() throws Exception {
		RectificationTask task = filedTask();
		String instance = this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()).getId();
		Path loaded = Path.of("target", "exploit-markers", "class-loaded").toAbsolutePath();
		Files.deleteIfExists(loaded);
		// Stored before the guard, or written into the database by other means: an allowed list, then its type changed.
		for (String type : List.of(FILE_WRITER, "org.rectiflow.security.LoadedMarker")) {
			String name = "stored" + Math.abs(type.hashCode());
			this.engine.getRuntimeService().setVariable(instance, name, new ArrayList<>(List.of("x")));
			this.jdbc.update("update ACT_RU_VARIABLE set TEXT2_ = ? where PROC_INST_ID_ = ? and NAME_ = ?", type, instance,
					name);
			this.jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where ID_ = (select BYTEARRAY_ID_ from "
					+ "ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ = ?)",
					("\"" + this.absent + "\"").getBytes(StandardCharsets.UTF_8), instance, name);
			HttpResponse<String> read = json(DemoAccounts.ADMIN, "GET",
					"/engine-rest/variable-instance?processInstanceIdIn=" + instance, null);
			assertThat(read.statusCode()).isEqualTo(200);
			json(DemoAccounts.ADMIN, "GET", "/engine-rest/process-instance/" + instance + "/variables", null);
			assertThatThrownBy(() -> this.engine.getRuntimeService().getVariable(instance, name))
				.hasMessageContaining(type);
			// Its serialized form can still be read, as text.
			TypedValue serialized = this.engine.getRuntimeService().getVariableTyped(instance, name, false);
			assertThat(serialized).isNotNull();
		}
		assertThat(loaded).as("the class named by the stored type was loaded").doesNotExist();
	}

	@Test
	void theEngineRefusesObjectsOfForeignTypesFromAnyCaller() throws Exception {
		RectificationTask task = filedTask();
		String instance = this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()).getId();
		var serialized = Variables.serializedObjectValue("\"" + this.absent + "\"")
			.serializationDataFormat(Variables.SerializationDataFormats.JSON)
			.objectTypeName(FILE_WRITER)
			.create();
		assertThatThrownBy(() -> this.engine.getRuntimeService().setVariable(instance, "evil", serialized))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining(FILE_WRITER);
		var xml = Variables.serializedObjectValue("<x/>")
			.serializationDataFormat(Variables.SerializationDataFormats.XML)
			.objectTypeName("java.io.FileOutputStream")
			.create();
		assertThatThrownBy(() -> this.engine.getRuntimeService().setVariable(instance, "evil", xml))
			.isInstanceOf(BadUserRequestException.class);
		assertThatThrownBy(() -> this.engine.getRuntimeService()
			.setVariable(instance, "evil", Variables.objectValue(new java.io.File("x")).create()))
			.isInstanceOf(BadUserRequestException.class);
		assertThatThrownBy(() -> this.engine.getRuntimeService()
			.setVariable(instance, "evil", new ArrayList<>(List.of(new java.io.File("x")))))
			.isInstanceOf(BadUserRequestException.class);
		// What our processes store still goes in: strings, numbers and lists of strings.
		this.engine.getRuntimeService().setVariable(instance, "departments", new ArrayList<>(List.of("a", "b")));
		assertThat(this.engine.getRuntimeService().getVariable(instance, "departments")).isEqualTo(List.of("a", "b"));
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.getDeserializationTypeValidator().validate(FILE_WRITER)).isFalse();
		assertThat(configuration.getDeserializationTypeValidator().validate("java.lang.ProcessBuilder")).isFalse();
		assertThat(configuration.getDeserializationTypeValidator().validate("java.util.ArrayList")).isTrue();
	}

	private RectificationTask filedTask() {
		Long inspection = this.driver.register(TestFeedback.small("变量类型注入测试")).getId();
		this.driver.filePlan(inspection);
		return this.driver.task(inspection, "1.1.1");
	}

	private static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
		assertThat(response.body()).as(response.uri().toString())
			.containsAnyOf("不允许的对象类型", "not allowed")
			.doesNotContain("Exception:", "com.fasterxml");
	}

	private HttpResponse<String> basic(String user, String path, Body body) throws Exception {
		return new PortalSession(this.port).sendBytes("POST", path, body.contentType(), body.bytes(), "Authorization",
				WebSecurityTests.basic(user));
	}

	private HttpResponse<String> json(String user, String method, String path, String body) throws Exception {
		return new PortalSession(this.port).send(method, path, body, "Authorization", WebSecurityTests.basic(user));
	}

	record Body(String contentType, byte[] bytes) {
	}

	private static String dataPart(Path target) {
		return "Content-Disposition: form-data; name=\"data\"; filename=\"-\"\r\nContent-Type: application/json\r\n\r\n\""
				+ target + "\"\n";
	}

	/** As curl sends {@code -F 'data=@-;type=application/json' -F 'type=…'} with the path on standard input. */
	private static Body curlBody(Path target, String type) {
		return multipart(dataPart(target), "Content-Disposition: form-data; name=\"type\"\r\n\r\n" + type);
	}

	private static Body multipart(String... parts) {
		String boundary = "------------------------" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : parts) {
			out.writeBytes(("--" + boundary + "\r\n" + part + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
	}

}

package org.rectiflow.system;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.plan.RectificationProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user task links a Camunda Form that is deployed beside it, and the engine resolves it. */
@SpringBootTest
@ActiveProfiles("test")
class FormsTests {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	FormService formService;

	@Autowired
	ProcessDriver driver;

	@Test
	void shouldDeployAFormForEveryUserTask() throws Exception {
		Deployment deployment = this.repositoryService.createDeploymentQuery().singleResult();
		Map<String, JsonNode> forms = new HashMap<>();
		ObjectMapper json = new ObjectMapper();
		for (String name : this.repositoryService.getDeploymentResourceNames(deployment.getId())) {
			if (name.endsWith(".form")) {
				try (InputStream in = this.repositoryService.getResourceAsStream(deployment.getId(), name)) {
					JsonNode form = json.readTree(in);
					forms.put(form.get("id").asText(), form);
				}
			}
		}
		List<ProcessDefinition> definitions = this.repositoryService.createProcessDefinitionQuery().list();
		assertThat(definitions).hasSize(5);
		int userTasks = 0;
		for (ProcessDefinition definition : definitions) {
			BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(definition.getId());
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				userTasks++;
				String formRef = task.getCamundaFormRef();
				assertThat(formRef).as("formRef of %s", task.getId()).isNotBlank();
				assertThat(task.getCamundaFormRefBinding()).as("binding of %s", task.getId()).isEqualTo("deployment");
				assertThat(forms).as("form %s of %s", formRef, task.getId()).containsKey(formRef);
				Set<String> keys = keys(forms.get(formRef));
				assertThat(keys).as("fields of %s", formRef).isNotEmpty();
			}
		}
		assertThat(userTasks).isEqualTo(23);
	}

	/**
	 * A text component renders its markdown with links and images, and form-js inserts a template's values into the
	 * markdown unescaped: a link or an image a clerk wrote into a progress report would appear as one in the
	 * leader's form. Values written by people are shown through HTML components, whose templates escape them.
	 */
	@Test
	void shouldShowWhatPeopleWroteAsPlainText() throws Exception {
		ObjectMapper json = new ObjectMapper();
		int templates = 0;
		for (java.nio.file.Path file : java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("forms"), "*.form")) {
			for (JsonNode component : json.readTree(file.toFile()).findParents("type")) {
				String type = component.path("type").asText();
				if ("text".equals(type)) {
					assertThat(component.path("text").asText()).as("%s %s", file.getFileName(), component.path("id"))
						.doesNotContain("{{");
				}
				if ("html".equals(type) && component.path("content").asText().contains("{{")) {
					templates++;
				}
			}
		}
		assertThat(templates).isEqualTo(29);
	}

	@Test
	void shouldResolveTheDeployedFormOfALiveTask() {
		Long id = this.driver.register(TestFeedback.small("表单测试")).getId();
		Task draft = this.driver.one(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_DRAFT_PLAN);

		try (InputStream form = this.formService.getDeployedTaskForm(draft.getId())) {
			assertThat(form).isNotNull();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<String> keys(JsonNode form) {
		return form.findValues("key").stream().map(JsonNode::asText).collect(Collectors.toSet());
	}

}

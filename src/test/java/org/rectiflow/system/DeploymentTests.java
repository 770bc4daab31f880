package org.rectiflow.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.commonproblem.CommonProblemNoticeProcess;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.recheck.ReCheckProcess;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** BPMN and forms deploy together, once: a restart on the same database keeps every process at version 1. */
class DeploymentTests {

	@TempDir
	Path data;

	@Test
	void shouldKeepVersionOneWhenRestartedOnTheSameDatabase() throws Exception {
		String url = "jdbc:h2:file:" + this.data.resolve("rectiflow").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
		List<String> first = definitions(url);
		List<String> second = definitions(url);

		assertThat(first).containsExactlyInAnyOrder(RectificationProcess.PROCESS_KEY + ":1",
				RectificationTaskProcess.PROCESS_KEY + ":1", SupervisionProcess.PROCESS_KEY + ":1",
				CommonProblemNoticeProcess.PROCESS_KEY + ":1", ReCheckProcess.PROCESS_KEY + ":1");
		assertThat(second).isEqualTo(first);
		assertThat(Files.list(this.data).count()).isPositive();
	}

	private List<String> definitions(String url) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RectiflowApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=" + url, "--server.port=0", "--spring.jmx.enabled=false")) {
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
			assertThat(engine.getRepositoryService()
				.getDeploymentResourceNames(engine.getRepositoryService().createDeploymentQuery().singleResult().getId()))
				.anyMatch((name) -> name.endsWith(".form"))
				.anyMatch((name) -> name.endsWith(".bpmn"));
			return engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.list()
				.stream()
				.map((ProcessDefinition d) -> d.getKey() + ":" + d.getVersion())
				.sorted()
				.toList();
		}
	}

}

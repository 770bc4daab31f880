package org.rectiflow.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.ProcessDriver;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.TestFeedback;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production database: a real PostgreSQL (embedded binaries) with our Flyway migrations and the engine's schema,
 * one task carried to close-off and counted.
 */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class PostgresTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	LedgerService ledgers;

	@Test
	void shouldRunOnPostgresql() throws Exception {
		try (var connection = this.engine.getProcessEngineConfiguration().getDataSource().getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		Long id = this.driver.register(TestFeedback.small("PostgreSQL")).getId();
		this.driver.filePlan(id);
		RectificationTask task = this.driver.task(id, "1.1.1");

		this.driver.settle(task, "COMPLETED");

		assertThat(this.ledgers.ledger(id).taskCounts().completed()).isEqualTo(1);
		assertThat(this.driver.task(id, "1.1.1").getStatus()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void shouldHaveTheIndexesTheEnginesSchemaLacks() throws Exception {
		assertThat(EngineIndexesTests.indexedColumns(this.engine.getProcessEngineConfiguration().getDataSource(),
				"ACT_RU_TASK")).containsOnlyOnce("PARENT_TASK_ID_");
	}

}

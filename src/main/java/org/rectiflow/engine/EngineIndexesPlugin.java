package org.rectiflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks, created once the engine has created or updated its tables, on every start
 * (a no-op once they exist), on H2 and PostgreSQL alike.
 * <ul>
 * <li>{@code ACT_RU_TASK (PARENT_TASK_ID_)}: every completion asks for the step's sub-tasks, and without it both
 * databases read every open step to answer; a province has thousands (docs/PERFORMANCE.md).</li>
 * </ul>
 */
@Component
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineIndexesPlugin.class);

	/** The statements that create them; the benchmark gives the bare engine the same on request. */
	public static final List<String> INDEXES = List
		.of("create index if not exists ACT_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)");

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
		for (String index : INDEXES) {
			try {
				create(dataSource, index);
			}
			catch (SQLException first) {
				// Another node starting at the same moment may have created it in between: then this finds it.
				log.info("Creating an engine index failed once ({}); trying again", first.getMessage());
				try {
					create(dataSource, index);
				}
				catch (SQLException ex) {
					throw new ProcessEngineException("Could not create an index the application needs: " + index, ex);
				}
			}
		}
	}

	private static void create(DataSource dataSource, String index) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			boolean autoCommit = connection.getAutoCommit();
			statement.execute(index);
			if (!autoCommit) {
				connection.commit();
			}
		}
	}

}

package org.rectiflow.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.rectiflow.engine.EngineIndexesPlugin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexes the engine's schema lacks exist once the application has started, and starting again keeps them. */
@SpringBootTest
@ActiveProfiles("test")
class EngineIndexesTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ProcessEngine engine;

	@Test
	void shouldIndexTheStepsBySubTaskParent() throws Exception {
		assertThat(indexedColumns(this.dataSource, "ACT_RU_TASK")).contains("PARENT_TASK_ID_");
	}

	@Test
	void shouldStartAgainOnASchemaThatHasThem() throws Exception {
		new EngineIndexesPlugin().postProcessEngineBuild(this.engine);

		assertThat(indexedColumns(this.dataSource, "ACT_RU_TASK")).containsOnlyOnce("PARENT_TASK_ID_");
	}

	/** The columns of a table's indexes, in upper case, as the database's metadata lists them. */
	static List<String> indexedColumns(DataSource dataSource, String table) throws Exception {
		List<String> columns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			String name = connection.getMetaData().storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
			try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
				while (rs.next()) {
					if (rs.getString("COLUMN_NAME") != null) {
						columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
					}
				}
			}
		}
		return columns;
	}

}

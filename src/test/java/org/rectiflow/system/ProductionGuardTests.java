package org.rectiflow.system;

import org.junit.jupiter.api.Test;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile refuses the settings of a demo, and says what to set instead. */
class ProductionGuardTests {

	final ProductionGuard guard = new ProductionGuard();

	static MockEnvironment prod() {
		MockEnvironment env = new MockEnvironment();
		env.setActiveProfiles("prod", "postgres");
		env.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/rectiflow");
		env.setProperty("rectiflow.admin.password", "correct-horse-battery");
		return env;
	}

	@Test
	void startsWithAnAdministratorPasswordAndPostgres() {
		assertThatCode(() -> this.guard.postProcessEnvironment(prod(), new SpringApplication())).doesNotThrowAnyException();
	}

	@Test
	void refusesWithoutAnAdministratorPassword() {
		MockEnvironment env = prod();
		env.setProperty("rectiflow.admin.password", "");
		assertThatThrownBy(() -> this.guard.postProcessEnvironment(env, new SpringApplication()))
			.hasMessageContaining("RECTIFLOW_ADMIN_PASSWORD");
	}

	@Test
	void refusesAShortPassword() {
		MockEnvironment env = prod();
		env.setProperty("rectiflow.admin.password", "demo");
		assertThatThrownBy(() -> this.guard.postProcessEnvironment(env, new SpringApplication()))
			.hasMessageContaining("at least 12 characters");
	}

	@Test
	void refusesTheEmbeddedDatabaseUnlessAskedFor() {
		MockEnvironment env = prod();
		env.setProperty("spring.datasource.url", "jdbc:h2:file:./data/rectiflow");
		assertThatThrownBy(() -> this.guard.postProcessEnvironment(env, new SpringApplication()))
			.hasMessageContaining("RECTIFLOW_ALLOW_EMBEDDED_DATABASE");
		env.setProperty("rectiflow.allow-embedded-database", "true");
		assertThatCode(() -> this.guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
	}

	@Test
	void refusesDemoAccounts() {
		MockEnvironment env = prod();
		env.setActiveProfiles("prod", "demo");
		assertThatThrownBy(() -> this.guard.postProcessEnvironment(env, new SpringApplication()))
			.hasMessageContaining("demo");
		MockEnvironment flagged = prod();
		flagged.setProperty("rectiflow.identity.demo-users", "true");
		assertThatThrownBy(() -> this.guard.postProcessEnvironment(flagged, new SpringApplication()))
			.hasMessageContaining("demo");
	}

	@Test
	void leavesOtherProfilesAlone() {
		MockEnvironment env = new MockEnvironment();
		env.setActiveProfiles("demo");
		assertThatCode(() -> this.guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
	}

	@Test
	void theRealApplicationRefusesToStartAndSaysWhy() {
		assertThatThrownBy(() -> SpringApplication.run(RectiflowApplication.class, "--spring.profiles.active=prod",
				"--spring.main.web-application-type=none"))
			.hasMessageContaining("The prod profile refuses to start")
			.hasMessageContaining("RECTIFLOW_ADMIN_PASSWORD")
			.hasMessageContaining("PostgreSQL");
	}

}

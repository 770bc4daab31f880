package org.rectiflow.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile on settings that only make sense for a demo: no administrator password
 * from the environment, demo accounts, or the embedded H2 database unless asked for explicitly. Runs before anything
 * is created, so a refused start leaves no database file and no account behind, and says in one message what to set.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

	static final String PROD = "prod";

	static final int MIN_PASSWORD_LENGTH = 12;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<String> profiles = Arrays.asList(environment.getActiveProfiles());
		if (!profiles.contains(PROD)) {
			return;
		}
		List<String> problems = new ArrayList<>();
		String password = environment.getProperty("rectiflow.admin.password", "");
		if (password.isBlank()) {
			problems.add("set the administrator's password in the environment variable RECTIFLOW_ADMIN_PASSWORD");
		}
		else if (password.length() < MIN_PASSWORD_LENGTH) {
			problems.add("RECTIFLOW_ADMIN_PASSWORD must be at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (profiles.contains("demo") || profiles.contains("demo-identity") || profiles.contains("test")
				|| environment.getProperty("rectiflow.identity.demo-users", Boolean.class, false)
				|| environment.getProperty("rectiflow.demo.enabled", Boolean.class, false)) {
			problems.add("the demo accounts and demo data are not for production: drop the demo profile");
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:h2:")
				&& !environment.getProperty("rectiflow.allow-embedded-database", Boolean.class, false)) {
			problems.add("use PostgreSQL (profile postgres, RECTIFLOW_DB_URL=jdbc:postgresql://…), or set "
					+ "RECTIFLOW_ALLOW_EMBEDDED_DATABASE=true to run on the embedded H2 file on purpose");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"The prod profile refuses to start: " + String.join("; ", problems) + ". See docs/OPERATIONS.md, \"Production\".");
		}
	}

}

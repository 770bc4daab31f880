package org.rectiflow.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectiflow.ApplicationProcess;
import org.rectiflow.HttpUser;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile started for real (a JVM of its own) on a database the demo profile filled, on an H2 file and on
 * PostgreSQL: it refuses to start while an account still has the demo password, naming them, and while
 * {@code RECTIFLOW_ADMIN_PASSWORD} cannot be applied (the administrator is outside {@code camunda-admin}); once the
 * other accounts have new passwords it starts, and the administrator signs in with the password from the environment,
 * no longer with the demo's.
 */
@Tag("process")
class ProductionStartTests {

	private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

	private static final Duration START = Duration.ofMinutes(4);

	@TempDir
	Path dir;

	private final List<ApplicationProcess> started = new ArrayList<>();

	private EmbeddedPostgres postgres;

	@AfterEach
	void stopEverything() throws Exception {
		for (ApplicationProcess app : this.started) {
			app.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void refusesTheDemoPasswordsAndAppliesTheAdministratorsOnAnH2File() throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("data/rectiflow").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE";
		Map<String, String> env = new HashMap<>();
		env.put("RECTIFLOW_ALLOW_EMBEDDED_DATABASE", "true");
		refusesTheDemoPasswordsAndAppliesTheAdministrators("", env, url, "sa");
	}

	@Test
	void refusesTheDemoPasswordsAndAppliesTheAdministratorsOnPostgres() throws Exception {
		this.postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		String url = this.postgres.getJdbcUrl("postgres", "postgres");
		Map<String, String> env = new HashMap<>();
		env.put("RECTIFLOW_DB_URL", url);
		env.put("RECTIFLOW_DB_USER", "postgres");
		env.put("RECTIFLOW_DB_PASSWORD", "");
		refusesTheDemoPasswordsAndAppliesTheAdministrators(",postgres", env, url, "postgres");
	}

	private void refusesTheDemoPasswordsAndAppliesTheAdministrators(String profiles, Map<String, String> env,
			String url, String user) throws Exception {
		// given: the demo has run on the database
		Map<String, String> demoEnv = new HashMap<>(env);
		demoEnv.put("RECTIFLOW_ADMIN_PASSWORD", null);
		ApplicationProcess demo = start("demo", "demo" + profiles, demoEnv);
		demo.awaitReady(START, new HttpUser(DemoAccounts.ADMIN, DemoAccounts.PASSWORD));
		demo.stop();
		try (Connection db = DriverManager.getConnection(url, user, "")) {
			db.createStatement()
				.executeUpdate("delete from ACT_ID_MEMBERSHIP where USER_ID_ = 'admin' and GROUP_ID_ = '"
						+ Groups.CAMUNDA_ADMIN + "'");
		}

		// when: prod starts on it, then: refused, naming every account with the demo password and the administrator
		Map<String, String> prodEnv = new HashMap<>(env);
		prodEnv.put("RECTIFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
		ApplicationProcess refused = start("prod-refused", "prod" + profiles, prodEnv);
		assertThat(refused.awaitExit(START)).as(refused.logTail()).isNotZero();
		String why = java.nio.file.Files.readString(this.dir.resolve("prod-refused.log"));
		assertThat(why).contains("The prod profile refuses to start")
			.contains("still have the demo password")
			.contains("rectificationClerk")
			.contains("secretary")
			.contains("logisticsDepartmentStaff")
			.contains("RECTIFLOW_ADMIN_PASSWORD cannot be applied: the account 'admin'")
			.contains("not in the group camunda-admin")
			.contains("/camunda/app/admin/");

		// The operator puts the administrator back in its group and gives every other account a password of its own.
		try (Connection db = DriverManager.getConnection(url, user, "")) {
			db.createStatement()
				.executeUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values ('admin', '"
						+ Groups.CAMUNDA_ADMIN + "')");
			PasswordManager hashing = new PasswordManager(new Sha512HashDigest(), List.of());
			List<String[]> accounts = new ArrayList<>();
			try (ResultSet rs = db.createStatement()
				.executeQuery("select ID_, SALT_ from ACT_ID_USER where ID_ <> 'admin'")) {
				while (rs.next()) {
					accounts.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			assertThat(accounts).hasSizeGreaterThan(10);
			try (PreparedStatement reset = db.prepareStatement("update ACT_ID_USER set PWD_ = ? where ID_ = ?")) {
				for (String[] account : accounts) {
					reset.setString(1, hashing.encrypt("new-" + account[0] + "-secret" + account[1]));
					reset.setString(2, account[0]);
					reset.executeUpdate();
				}
			}
		}

		// Now prod starts, and the administrator has the password from the environment.
		ApplicationProcess prod = start("prod", "prod" + profiles, prodEnv);
		prod.awaitReady(START, new HttpUser(DemoAccounts.ADMIN, ADMIN_PASSWORD));
		assertThat(new HttpUser(DemoAccounts.ADMIN, DemoAccounts.PASSWORD).status(prod.baseUrl() + "/engine-rest/engine")
			.value()).isEqualTo(401);
		assertThat(new HttpUser(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD)
			.status(prod.baseUrl() + "/api/inspections")
			.value()).isEqualTo(401);
		assertThat(new HttpUser(DemoAccounts.RECTIFICATION_CLERK, "new-rectificationClerk-secret")
			.status(prod.baseUrl() + "/api/inspections")
			.value()).isEqualTo(200);
	}

	private ApplicationProcess start(String name, String profiles, Map<String, String> env) throws Exception {
		ApplicationProcess app = ApplicationProcess.start(name, this.dir,
				List.of("--spring.profiles.active=" + profiles, "--camunda.bpm.job-execution.enabled=false"), env);
		this.started.add(app);
		return app;
	}

}

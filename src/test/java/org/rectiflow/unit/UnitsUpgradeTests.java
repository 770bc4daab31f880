package org.rectiflow.unit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.identity.Groups;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade to units (issue 18, Flyway V10 and {@link UnitsUpgrade}, then identity/IdentityBootstrap at start-up):
 * a database as the release before units left it — our schema up to V9 with an inspection, the engine's tables with a
 * running instance, its history and a directory — becomes the first unit when the application starts on it. On H2
 * here, on PostgreSQL in {@link UnitsUpgradePostgresTests}.
 */
class UnitsUpgradeTests {

	static final String UNIT_NAME = "湖南某职业技术学院";

	record Database(String url, String user, String password, String[] profiles) {
	}

	Database database() throws Exception {
		return new Database("jdbc:h2:mem:units-upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
				new String[] { "test" });
	}

	@Test
	void aDatabaseOfTheReleaseBeforeUnitsBecomesTheFirstUnit() throws Exception {
		Database db = database();
		// given: the release's schema and data
		Flyway.configure()
			.dataSource(db.url(), db.user(), db.password())
			.locations("classpath:db/migration")
			.table("rectiflow_schema_history")
			.target("9")
			.load()
			.migrate();
		long inspectionId = releaseInspection(db);
		String releaseHash = releaseAuditEntryAndNotice(db);
		String instanceId;
		ProcessEngine release = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setJdbcDriver(db.url().startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver")
			.setJdbcUrl(db.url())
			.setJdbcUsername(db.user())
			.setJdbcPassword(db.password())
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setJobExecutorActivate(false)
			.setProcessEngineName("release-" + UUID.randomUUID())
			.buildProcessEngine();
		try {
			IdentityService identity = release.getIdentityService();
			group(identity, "logisticsDepartment", Groups.TYPE_DEPARTMENT);
			group(identity, Groups.LEADERS, Groups.TYPE_WORKFLOW);
			group(identity, Groups.INSPECTION_OFFICE, Groups.TYPE_WORKFLOW);
			person(identity, "releaseClerk", "logisticsDepartment");
			person(identity, "releaseLeader", Groups.LEADERS);
			person(identity, "releaseInspector", Groups.INSPECTION_OFFICE);
			release.getRepositoryService()
				.createDeployment()
				.addModelInstance("release.bpmn", Bpmn.createExecutableProcess("releaseProcess")
					.camundaHistoryTimeToLive(180)
					.startEvent()
					.userTask("work")
					.camundaCandidateGroups("logisticsDepartment")
					.endEvent()
					.done())
				.deploy();
			ProcessInstance instance = release.getRuntimeService()
				.startProcessInstanceByKey("releaseProcess", String.valueOf(inspectionId),
						Map.of("inspectionId", inspectionId));
			instanceId = instance.getId();
			assertThat(instance.getTenantId()).isNull();
		}
		finally {
			release.close();
		}

		// when: the application starts on it
		ConfigurableApplicationContext app = new SpringApplicationBuilder(RectiflowApplication.class)
			.profiles(db.profiles())
			.run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
					"--spring.datasource.password=" + db.password(), "--server.port=0");
		try {
			// then: the inspection's unit is the first unit, named after it
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select id from unit", String.class)).containsExactly(Units.FIRST_UNIT_ID);
			// V12 (isolation): the release's audit entries and notices are the first unit's, and the chain still
			// verifies: V18 leaves the release's entry at hash version 1, whose hash does not cover the unit; what
			// the application appends since is version 2, the unit inside the hash.
			assertThat(jdbc.queryForObject("select unit_id from audit_entry where id = 1", String.class))
				.isEqualTo(Units.FIRST_UNIT_ID);
			assertThat(jdbc.queryForObject("select hash from audit_entry where id = 1", String.class).trim())
				.isEqualTo(releaseHash);
			assertThat(jdbc.queryForList("select unit_id from notice where subject = '发布前的通知'", String.class))
				.containsExactly(Units.FIRST_UNIT_ID);
			assertThat(jdbc.queryForObject("select hash_version from audit_entry where id = 1", Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForList("select distinct hash_version from audit_entry where id > 1", Integer.class))
				.doesNotContain(1);
			assertThat(jdbc.execute((Connection c) -> org.rectiflow.audit.AuditChain.verify(c)).intact()).isTrue();
			assertThat(jdbc.queryForObject("select name from unit", String.class)).isEqualTo(UNIT_NAME);
			assertThat(jdbc.queryForObject("select unit_id from inspection where id = ?", String.class, inspectionId))
				.isEqualTo(Units.FIRST_UNIT_ID);

			// the instance, its task and its history carry the unit's tenant; the definition stays shared
			String unit = Units.FIRST_UNIT_ID;
			RuntimeService runtime = app.getBean(RuntimeService.class);
			TaskService tasks = app.getBean(TaskService.class);
			HistoryService history = app.getBean(HistoryService.class);
			assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getTenantId())
				.isEqualTo(unit);
			assertThat(runtime.createExecutionQuery().processInstanceId(instanceId).list())
				.allSatisfy((e) -> assertThat(e.getTenantId()).isEqualTo(unit));
			assertThat(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getTenantId()).isEqualTo(unit);
			assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instanceId).list()).isNotEmpty()
				.allSatisfy((v) -> assertThat(v.getTenantId()).isEqualTo(unit));
			assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
				.getTenantId()).isEqualTo(unit);
			assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).list()).isNotEmpty()
				.allSatisfy((a) -> assertThat(a.getTenantId()).isEqualTo(unit));
			assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list()).isNotEmpty()
				.allSatisfy((t) -> assertThat(t.getTenantId()).isEqualTo(unit));
			assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list()).isNotEmpty()
				.allSatisfy((v) -> assertThat(v.getTenantId()).isEqualTo(unit));
			assertThat(app.getBean(RepositoryService.class)
				.createProcessDefinitionQuery()
				.processDefinitionKey("releaseProcess")
				.singleResult()
				.getTenantId()).isNull();

			// the tenant and its members: the unit's people and departments; the inspection office as a group only
			IdentityService identity = app.getBean(IdentityService.class);
			assertThat(identity.createTenantQuery().tenantId(unit).singleResult().getName()).isEqualTo(UNIT_NAME);
			Units units = app.getBean(Units.class);
			assertThat(units.groupMembers(unit)).contains("logisticsDepartment", Groups.INSPECTION_OFFICE)
				.doesNotContain(Groups.LEADERS);
			assertThat(units.userMembers(unit)).contains("releaseClerk", "releaseLeader").doesNotContain("releaseInspector");
			assertThat(units.tenantIds("releaseClerk")).containsExactly(unit);
			assertThat(units.tenantIds("releaseLeader")).containsExactly(unit);
			assertThat(units.tenantIds("releaseInspector")).containsExactly(unit);

			// the step is the unit's, none is left without a tenant (the clerk's tenant ids above are what the engine checks)
			assertThat(tasks.createTaskQuery().processInstanceId(instanceId).withoutTenantId().count()).isZero();
			assertThat(tasks.createTaskQuery().processInstanceId(instanceId).tenantIdIn(unit).count()).isEqualTo(1);
		}
		finally {
			app.close();
		}
	}

	/**
	 * The release's first audit entry (a sign-in), sealed as the release sealed it (SHA-256 over the previous hash
	 * and the fields, each {@code length:value;}), and a notice; returns the entry's hash.
	 */
	private static String releaseAuditEntryAndNotice(Database db) throws Exception {
		Instant at = Instant.parse("2026-01-05T01:02:03.123456Z");
		String genesis = "0".repeat(64);
		StringBuilder text = new StringBuilder();
		for (String field : new String[] { genesis, "1", at.toString(), "releaseClerk", "127.0.0.1", "LOGIN",
				"user:releaseClerk", null }) {
			text.append((field == null) ? "-1:" : field.length() + ":" + field).append(';');
		}
		String hash = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
				PreparedStatement entry = c.prepareStatement("insert into audit_entry (id, occurred_at, actor,"
						+ " client_address, kind, subject, detail, prev_hash, hash) values (1, ?, ?, ?, ?, ?, null, ?, ?)");
				PreparedStatement head = c.prepareStatement("update audit_chain_head set last_id = 1, last_hash = ?");
				PreparedStatement notice = c.prepareStatement("insert into notice (kind, subject, body, created_by,"
						+ " created_at) values ('REMINDER', '发布前的通知', '', 'system', ?)")) {
			entry.setObject(1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
			entry.setString(2, "releaseClerk");
			entry.setString(3, "127.0.0.1");
			entry.setString(4, "LOGIN");
			entry.setString(5, "user:releaseClerk");
			entry.setString(6, genesis);
			entry.setString(7, hash);
			entry.executeUpdate();
			head.setString(1, hash);
			head.executeUpdate();
			notice.setTimestamp(1, Timestamp.from(at));
			notice.executeUpdate();
		}
		return hash;
	}

	private static long releaseInspection(Database db) throws Exception {
		try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
				PreparedStatement insert = c.prepareStatement(
						"insert into inspection (title, inspecting_body, unit_name, status, created_at) values (?, ?, ?, ?, ?)",
						Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, "关于巡察" + UNIT_NAME + "党委的反馈意见");
			insert.setString(2, "省委教育工委第四巡察组");
			insert.setString(3, UNIT_NAME);
			insert.setString(4, "RECTIFYING");
			insert.setTimestamp(5, Timestamp.from(Instant.now()));
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void group(IdentityService identity, String id, String type) {
		Group group = identity.newGroup(id);
		group.setName(id);
		group.setType(type);
		identity.saveGroup(group);
	}

	private static void person(IdentityService identity, String id, String groupId) {
		User user = identity.newUser(id);
		user.setFirstName(id);
		user.setLastName("");
		user.setPassword("release-password");
		identity.saveUser(user);
		identity.createMembership(id, groupId);
	}

}

package org.rectiflow.unit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 11 (Java, found by Spring Boot as a bean): an existing single-unit database becomes its first
 * unit. When inspections without a unit exist, it creates the unit {@link Units#FIRST_UNIT_ID} named after the
 * oldest inspection's unit name (or takes the oldest unit if one exists), puts every inspection without a unit into
 * it, and sets {@code TENANT_ID_} on the engine's runtime and history rows of the existing process instances (every
 * {@code ACT_RU_*} and {@code ACT_HI_*} table with a tenant column and a process-instance column), so they stay
 * visible to the unit's people once authentications carry tenant ids. Deployments and definitions stay shared.
 * <p>
 * The tenant ({@code ACT_ID_TENANT}) and its memberships are not written here but by {@code identity/IdentityBootstrap}
 * through the engine's identity service when the application has started (it does so on every start, for a fresh
 * database too): Flyway may run before the engine has created its tables, and the identity service keeps the caches
 * of who belongs where. A fresh database has no inspection: nothing to do.
 */
@Component
class UnitsUpgrade implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(UnitsUpgrade.class);

	/** Name of the first unit when the database has no inspection naming its unit. */
	static final String DEFAULT_NAME = "本单位";

	/** Columns that tie an engine row to a process instance, the first one found is used. */
	private static final List<String> INSTANCE_COLUMNS = List.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_",
			"ROOT_PROC_INST_ID_");

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("11");
	}

	@Override
	public String getDescription() {
		return "existing data becomes the first unit";
	}

	@Override
	public Integer getChecksum() {
		return 11_001;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection db = context.getConnection();
		if (count(db, "select count(*) from inspection where unit_id is null") == 0) {
			return;
		}
		String unitId = firstUnit(db);
		try (PreparedStatement update = db.prepareStatement("update inspection set unit_id = ? where unit_id is null")) {
			update.setString(1, unitId);
			log.info("Upgrade to units: {} inspection(s) put into unit '{}'", update.executeUpdate(), unitId);
		}
		for (EngineTable table : engineTables(db)) {
			try (PreparedStatement update = db.prepareStatement("update " + table.name() + " set " + table.tenantColumn()
					+ " = ? where " + table.tenantColumn() + " is null and " + table.instanceColumn() + " is not null")) {
				update.setString(1, unitId);
				int rows = update.executeUpdate();
				if (rows > 0) {
					log.info("Upgrade to units: {} row(s) of {} given tenant '{}'", rows, table.name(), unitId);
				}
			}
		}
	}

	private static String firstUnit(Connection db) throws SQLException {
		try (Statement query = db.createStatement()) {
			query.setMaxRows(1);
			try (ResultSet unit = query.executeQuery("select id from unit order by created_at, id")) {
				if (unit.next()) {
					return unit.getString(1);
				}
			}
		}
		String name = DEFAULT_NAME;
		try (Statement query = db.createStatement()) {
			query.setMaxRows(1);
			try (ResultSet oldest = query.executeQuery("select unit_name from inspection order by id")) {
				if (oldest.next() && oldest.getString(1) != null && !oldest.getString(1).isBlank()) {
					name = oldest.getString(1).trim();
				}
			}
		}
		try (PreparedStatement insert = db
			.prepareStatement("insert into unit (id, name, short_name, created_at) values (?, ?, null, ?)")) {
			insert.setString(1, Units.FIRST_UNIT_ID);
			insert.setString(2, name);
			insert.setTimestamp(3, Timestamp.from(Instant.now()));
			insert.executeUpdate();
		}
		log.info("Upgrade to units: first unit '{}' ({}) created", Units.FIRST_UNIT_ID, name);
		return Units.FIRST_UNIT_ID;
	}

	record EngineTable(String name, String tenantColumn, String instanceColumn) {
	}

	/** The engine's runtime and history tables of this schema that hold rows of process instances and a tenant. */
	static List<EngineTable> engineTables(Connection db) throws SQLException {
		DatabaseMetaData meta = db.getMetaData();
		List<String> tables = new ArrayList<>();
		try (ResultSet all = meta.getTables(db.getCatalog(), db.getSchema(), "%", new String[] { "TABLE" })) {
			while (all.next()) {
				String name = all.getString("TABLE_NAME");
				String upper = name.toUpperCase(Locale.ROOT);
				if (upper.startsWith("ACT_RU_") || upper.startsWith("ACT_HI_")) {
					tables.add(name);
				}
			}
		}
		List<EngineTable> result = new ArrayList<>();
		for (String table : tables) {
			Set<String> columns = new HashSet<>();
			String tenant = null;
			try (ResultSet cols = meta.getColumns(db.getCatalog(), db.getSchema(), table, "%")) {
				while (cols.next()) {
					String column = cols.getString("COLUMN_NAME");
					columns.add(column.toUpperCase(Locale.ROOT));
					if ("TENANT_ID_".equalsIgnoreCase(column)) {
						tenant = column;
					}
				}
			}
			if (tenant == null) {
				continue;
			}
			for (String instance : INSTANCE_COLUMNS) {
				if (columns.contains(instance)) {
					result.add(new EngineTable(table, tenant, instance));
					break;
				}
			}
		}
		return result;
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}

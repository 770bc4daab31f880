package org.rectiflow.unit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rectiflow.engine.InspectionTenants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The unit of an inspection, for the engine's tenant id provider (engine/UnitTenantsPlugin). Read with plain SQL in
 * the engine's command, on the transaction's connection: the inspection registered in the same transaction is
 * already there. An inspection's unit never changes, so it is remembered once known: a plan's launch starts dozens of
 * instances of one inspection with one query.
 */
@Component
class InspectionUnits implements InspectionTenants {

	private final JdbcTemplate jdbc;

	private final Map<Long, String> known = new ConcurrentHashMap<>();

	InspectionUnits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String tenantOf(long inspectionId) {
		String unit = this.known.get(inspectionId);
		if (unit != null) {
			return unit;
		}
		List<String> units = this.jdbc.queryForList("select unit_id from inspection where id = ?", String.class,
				inspectionId);
		unit = units.isEmpty() ? null : units.get(0);
		if (unit != null) {
			this.known.put(inspectionId, unit);
		}
		return unit;
	}

}

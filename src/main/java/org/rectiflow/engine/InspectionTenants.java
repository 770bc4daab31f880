package org.rectiflow.engine;

/**
 * The tenant (unit) of an inspection, for {@link UnitTenantsPlugin}: owned by the engine package so that the
 * dependency points from the feature that knows the units to the engine, not back.
 */
public interface InspectionTenants {

	/** The tenant id of the inspection's unit, or {@code null} when it has none (or the inspection is unknown). */
	String tenantOf(long inspectionId);

}

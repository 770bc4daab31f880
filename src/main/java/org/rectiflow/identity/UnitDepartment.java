package org.rectiflow.identity;

/**
 * A department of a unit as the directory knows it: its group id (unique across units, what tasks and process
 * variables store), its name as the unit gives it (what people read) and its unit (tenant id; {@code null} for a
 * department group that belongs to no unit yet).
 */
public record UnitDepartment(String groupId, String name, String unitId) {
}

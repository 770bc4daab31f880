package org.rectiflow.onboarding;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.UnitDepartment;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes a unit a test onboarded out of the shared test database again (its people, departments and their grants, its
 * tenant and row), so that tests counting what the inspection office oversees see only their own units.
 */
public final class OnboardedUnits {

	private OnboardedUnits() {
	}

	/** Removes every unit whose name contains {@code marker}. */
	public static void removeNamed(String marker, Units units, Directory directory, IdentityService identityService,
			AuthorizationService authorizations, JdbcTemplate jdbc) {
		for (Unit unit : units.all()) {
			if (!unit.getName().contains(marker)) {
				continue;
			}
			units.userMembers(unit.getId()).forEach(identityService::deleteUser);
			for (UnitDepartment department : directory.departmentsOf(unit.getId())) {
				authorizations.createAuthorizationQuery()
					.groupIdIn(department.groupId())
					.list()
					.stream()
					.map(Authorization::getId)
					.forEach(authorizations::deleteAuthorization);
				identityService.deleteGroup(department.groupId());
			}
			identityService.deleteTenant(unit.getId());
			jdbc.update("delete from unit where id = ?", unit.getId());
		}
	}

}

package org.rectiflow.onboarding;

import java.util.List;

/**
 * The directory of a unit to onboard, as an administrator gives it (the form, the workbook, {@code POST /api/units}):
 * the unit's name and short name, its departments by the names the unit gives them, and its people with their
 * account, their department (by name) and their roles ({@link DirectoryRole}, by label or group id).
 */
public record UnitDirectory(String name, String shortName, List<Department> departments, List<Person> people) {

	public UnitDirectory {
		departments = (departments == null) ? List.of() : List.copyOf(departments);
		people = (people == null) ? List.of() : List.copyOf(people);
	}

	/** A department as the unit names it, e.g. 总务处. */
	public record Department(String name) {
	}

	/** A person: account (the sign-in name, unique across units), name, department name (or none), roles. */
	public record Person(String name, String account, String department, List<String> roles, String email) {

		public Person {
			roles = (roles == null) ? List.of() : List.copyOf(roles);
		}

	}

}

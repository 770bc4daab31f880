package org.rectiflow.onboarding;

/**
 * The fields of a unit's directory, with the sheet they are on and their column in the directory workbook (see
 * {@link DirectoryWorkbook}); the form names them by their label.
 */
enum DirectoryField {

	UNIT_NAME(Sheet.UNIT, "A", "onboarding.field.unitName"),
	SHORT_NAME(Sheet.UNIT, "B", "onboarding.field.shortName"),
	DEPARTMENT_NAME(Sheet.DEPARTMENTS, "A", "onboarding.field.departmentName"),
	PERSON_NAME(Sheet.PEOPLE, "A", "onboarding.field.personName"),
	ACCOUNT(Sheet.PEOPLE, "B", "onboarding.field.account"),
	DEPARTMENT(Sheet.PEOPLE, "C", "onboarding.field.department"),
	ROLES(Sheet.PEOPLE, "D", "onboarding.field.roles"),
	EMAIL(Sheet.PEOPLE, "E", "onboarding.field.email");

	/** The sheets of the directory workbook, which are also the sections of the form. */
	enum Sheet {

		UNIT("onboarding.sheet.unit"), DEPARTMENTS("onboarding.sheet.departments"), PEOPLE("onboarding.sheet.people");

		final String key;

		Sheet(String key) {
			this.key = key;
		}

	}

	final Sheet sheet;

	final String column;

	final String key;

	DirectoryField(Sheet sheet, String column, String key) {
		this.sheet = sheet;
		this.column = column;
		this.key = key;
	}

	int columnIndex() {
		return this.column.charAt(0) - 'A';
	}

}

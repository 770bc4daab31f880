package org.rectiflow.onboarding;

import org.rectiflow.system.WorkbookError;

/**
 * Where a field of a directory's entry is, as the administrator reads it: a workbook's sheet, row and column, or the
 * form's section, line and field. {@code entry} is the 0-based index of the department or person, null for the unit.
 */
interface Where {

	WorkbookError at(DirectoryField field, Integer entry, String key, Object... args);

}

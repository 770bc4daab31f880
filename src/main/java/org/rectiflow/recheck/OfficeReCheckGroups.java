package org.rectiflow.recheck;

import org.rectiflow.identity.Groups;
import org.springframework.stereotype.Component;

/** Until rounds assign an inspection group to each unit: the inspection office re-checks every unit's tasks. */
@Component
class OfficeReCheckGroups implements ReCheckGroups {

	@Override
	public String candidateGroup(String unitId) {
		return Groups.INSPECTION_OFFICE;
	}

}

package org.rectiflow.home;

import java.util.List;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.Actors;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page shows who is signed in by name, not by account id, and knows what they may open ({@code viewer}), so
 * no link leads to a page that would refuse them.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	private final Directory directory;

	/** Optional: the controller slice tests run without the units. */
	private final ObjectProvider<Units> units;

	CurrentUserAdvice(Directory directory, ObjectProvider<Units> units) {
		this.directory = directory;
		this.units = units;
	}

	/** The unit of someone who belongs to one (a unit's people), shown beside their name; none for the others. */
	@ModelAttribute("currentUnitName")
	String currentUnitName() {
		String user = Actors.current();
		Units known = this.units.getIfAvailable();
		if (Actors.SYSTEM.equals(user) || known == null) {
			return null;
		}
		// The ids are remembered; a unit is read only for someone of one unit, not every unit for the office.
		List<String> theirs = known.tenantIds(user);
		return (theirs.size() == 1) ? known.find(theirs.get(0)).map(Unit::getName).orElse(null) : null;
	}

	@ModelAttribute("currentUserName")
	String currentUserName() {
		String user = Actors.current();
		return Actors.SYSTEM.equals(user) ? "" : this.directory.displayName(user);
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		return Viewer.current();
	}

}

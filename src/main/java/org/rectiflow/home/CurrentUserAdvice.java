package org.rectiflow.home;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.Actors;
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

	CurrentUserAdvice(Directory directory) {
		this.directory = directory;
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

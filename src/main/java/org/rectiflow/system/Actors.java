package org.rectiflow.system;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in person, or the engine itself for timers and jobs. */
public final class Actors {

	public static final String SYSTEM = "system";

	private Actors() {
	}

	public static String current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
				&& !"anonymousUser".equals(authentication.getName())) {
			return authentication.getName();
		}
		if (Context.getCommandContext() != null) {
			Authentication engineUser = Context.getCommandContext().getAuthentication();
			if (engineUser != null && engineUser.getUserId() != null) {
				return engineUser.getUserId();
			}
		}
		return SYSTEM;
	}

	/** The person completing a user task: whoever is signed in, else its assignee. */
	public static String completing(DelegateTask task) {
		String current = current();
		return (SYSTEM.equals(current) && task.getAssignee() != null) ? task.getAssignee() : current;
	}

}

package org.rectiflow.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in person, or the engine itself for timers and jobs. */
public final class Actors {

	public static final String SYSTEM = "system";

	/**
	 * Who the engine says is acting inside the command running on this thread, or null. Only the engine package
	 * knows how to ask (its internals); it tells this class at start-up ({@code engine/EngineActors}), so that this
	 * base package depends on none of ours.
	 */
	private static volatile Supplier<String> commandUser = () -> null;

	private Actors() {
	}

	/** Set once by the engine package: how to find the engine's user of the command running on this thread. */
	public static void commandUserFrom(Supplier<String> commandUser) {
		Actors.commandUser = commandUser;
	}

	public static String current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
				&& !"anonymousUser".equals(authentication.getName())) {
			return authentication.getName();
		}
		String engineUser = commandUser.get();
		if (engineUser != null) {
			return engineUser;
		}
		return SYSTEM;
	}

	/** The person completing a user task: whoever is signed in, else its assignee. */
	public static String completing(DelegateTask task) {
		String current = current();
		return (SYSTEM.equals(current) && task.getAssignee() != null) ? task.getAssignee() : current;
	}

}

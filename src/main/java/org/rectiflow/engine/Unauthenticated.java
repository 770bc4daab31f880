package org.rectiflow.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs a read of the directory with nobody authenticated, then puts back whoever was. The engine filters some
 * identity queries (tenants) by the authenticated person's READ grants on them, which nobody holds; asked inside a
 * person's command such a query would answer nothing.
 */
public final class Unauthenticated {

	private Unauthenticated() {
	}

	public static <T> T call(IdentityService identityService, Supplier<T> read) {
		Authentication current = identityService.getCurrentAuthentication();
		if (current == null) {
			return read.get();
		}
		identityService.clearAuthentication();
		try {
			return read.get();
		}
		finally {
			identityService.setAuthentication(current);
		}
	}

}

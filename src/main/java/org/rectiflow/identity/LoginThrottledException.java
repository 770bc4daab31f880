package org.rectiflow.identity;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because the account or the client address failed too often; says for how many minutes. */
public class LoginThrottledException extends AuthenticationException {

	private final long minutes;

	LoginThrottledException(long minutes) {
		super("Too many failed sign-ins; try again in " + minutes + " minutes");
		this.minutes = minutes;
	}

	public long getMinutes() {
		return this.minutes;
	}

}

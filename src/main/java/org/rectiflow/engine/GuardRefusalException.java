package org.rectiflow.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request one of our engine guards refuses before the engine runs it: a query carrying an expression, a REVOKE
 * authorization. Still the engine's bad-request exception (400 over REST), under a name of its own so that the
 * audit log records such a refusal of any command, not only of the sensitive ones (the audit plugin recognises it by
 * its simple name, as it does the lost race).
 */
public class GuardRefusalException extends BadUserRequestException {

	private static final long serialVersionUID = 1L;

	public GuardRefusalException(String message) {
		super(message);
	}

}

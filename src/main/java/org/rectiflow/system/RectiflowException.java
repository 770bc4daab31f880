package org.rectiflow.system;

import org.springframework.context.MessageSourceResolvable;

/**
 * A business rule was broken by the caller's input. Carries a message key from {@code messages*.properties}, so
 * the person sees the reason in their language; mapped to HTTP 400 (or 404/409 by subclass), never to a 500.
 */
public class RectiflowException extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final transient Object[] args;

	public RectiflowException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args;
	}

	public String getMessageKey() {
		return this.messageKey;
	}

	public Object[] getArgs() {
		return this.args;
	}

	/** The reason as a message argument of another (issue 19: "细化任务“…”：整改期限…"). */
	@Override
	public String[] getCodes() {
		return new String[] { this.messageKey };
	}

	@Override
	public Object[] getArguments() {
		return this.args;
	}

	@Override
	public String getDefaultMessage() {
		return this.messageKey;
	}

	/** The addressed record does not exist. */
	public static class NotFound extends RectiflowException {

		public NotFound(String messageKey, Object... args) {
			super(messageKey, args);
		}

	}

	/** The record exists but is in a state where the request makes no sense (HTTP 409). */
	public static class Conflict extends RectiflowException {

		public Conflict(String messageKey, Object... args) {
			super(messageKey, args);
		}

	}

	/**
	 * The person asks again for what they did already (a step they completed: a retry after a lost answer, a second
	 * click). Not a refusal: nothing is done again and the answer says what happened (HTTP 200 with the message on
	 * our API; a confirmation on our pages).
	 */
	public static class AlreadyDone extends RectiflowException {

		public AlreadyDone(String messageKey, Object... args) {
			super(messageKey, args);
		}

	}

	/** The person may not do this (HTTP 403). */
	public static class Forbidden extends RectiflowException {

		public Forbidden(String messageKey, Object... args) {
			super(messageKey, args);
		}

	}

}

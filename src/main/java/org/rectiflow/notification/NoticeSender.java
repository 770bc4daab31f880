package org.rectiflow.notification;

import java.util.Set;

/** Sends deliveries of one or more channels; a thrown exception is a failed attempt, retried with backoff. */
interface NoticeSender {

	Set<Channel> channels();

	void send(Delivery delivery) throws Exception;

	/** A delivery that can never succeed (no e-mail address): failed at once, not retried. */
	class Undeliverable extends Exception {

		Undeliverable(String message) {
			super(message);
		}

	}

}

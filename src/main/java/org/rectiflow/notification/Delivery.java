package org.rectiflow.notification;

import java.time.Instant;

/** One delivery as a sender needs it: the channel, the recipient (a user or group id) and its notice's texts. */
record Delivery(long id, Channel channel, String recipient, int attempts, Notice.Kind kind, String subject,
		String body, String link, Instant createdAt) {
}

package org.rectiflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the waiting deliveries: right after the sender's transaction commits (on a thread of its own), and on a
 * poll that picks up retries, deliveries of other nodes' senders and those of a node that stopped mid-way. Each
 * delivery is claimed by one conditional update first, so with several nodes on one database it goes out once; a
 * failed attempt waits {@code backoff × 2^(attempt-1)} and after {@code max-attempts} the delivery is marked failed
 * with the error.
 */
@Component
class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	static final int BATCH = 50;

	private final NoticeRepository notices;

	private final Map<Channel, NoticeSender> senders = new EnumMap<>(Channel.class);

	private final NotificationProperties properties;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "notifications");
		thread.setDaemon(true);
		return thread;
	});

	NotificationDispatcher(NoticeRepository notices, List<NoticeSender> senders, NotificationProperties properties,
			Clock clock) {
		this.notices = notices;
		senders.forEach((sender) -> sender.channels().forEach((channel) -> this.senders.put(channel, sender)));
		this.properties = properties;
		this.clock = clock;
	}

	/** After the current transaction commits (at once when there is none); never when it rolls back. */
	void deliverAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliverSoon();
				}
			});
		}
		else {
			deliverSoon();
		}
	}

	private void deliverSoon() {
		try {
			this.executor.execute(this::deliverDueQuietly);
		}
		catch (RejectedExecutionException ex) {
			log.debug("Shutting down; the poll of another node or the next start delivers the notices");
		}
	}

	@Scheduled(fixedDelayString = "${rectiflow.notifications.poll-interval:PT15S}",
			initialDelayString = "${rectiflow.notifications.poll-interval:PT15S}")
	void poll() {
		deliverSoon();
	}

	private void deliverDueQuietly() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			log.warn("Delivering notices failed; the next poll tries again", ex);
		}
	}

	/** Sends every delivery that is due and that this node manages to claim; returns how many it attempted. */
	int deliverDue() {
		int attempted = 0;
		Instant now = this.clock.instant();
		for (Long id : this.notices.due(now, now.minus(this.properties.staleClaim()), BATCH)) {
			if (this.notices.claim(id, now, now.minus(this.properties.staleClaim()))) {
				this.notices.delivery(id).ifPresent(this::attempt);
				attempted++;
			}
		}
		return attempted;
	}

	private void attempt(Delivery delivery) {
		NoticeSender sender = this.senders.get(delivery.channel());
		try {
			if (sender == null) {
				throw new NoticeSender.Undeliverable("No sender for channel " + delivery.channel());
			}
			sender.send(delivery);
			this.notices.sent(delivery.id(), this.clock.instant());
		}
		catch (Exception ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (ex instanceof NoticeSender.Undeliverable || delivery.attempts() >= this.properties.maxAttempts()) {
				log.warn("Notice delivery {} ({} to {}) failed after {} attempt(s): {}", delivery.id(), delivery.channel(),
						delivery.recipient(), delivery.attempts(), error);
				this.notices.failed(delivery.id(), error);
			}
			else {
				this.notices.retryAt(delivery.id(), this.clock.instant().plus(backoff(delivery.attempts())), error);
			}
		}
	}

	/** {@code backoff}, then twice, four times… as long after each failed attempt. */
	Duration backoff(int attempts) {
		return this.properties.backoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

}

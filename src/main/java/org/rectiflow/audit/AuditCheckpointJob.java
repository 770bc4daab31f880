package org.rectiflow.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.rectiflow.notification.Notice;
import org.rectiflow.notification.Notifications;
import org.rectiflow.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pins the audit chain's head outside the database on a schedule (daily by default, {@code rectiflow.audit.checkpoint.cron}),
 * so a tail cut later, with the head moved back, shows on verification. Safe with several nodes: each writes the
 * head it reads, a head pinned already is not written again, and files appear whole (see {@link AuditCheckpoint#write}).
 * Give the directory to a disk the database's operators do not also control (a mounted share, a backed-up volume).
 */
@Component
class AuditCheckpointJob {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpointJob.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditCheckpointProperties properties;

	private final Notifications notifications;

	private final Messages messages;

	private final Clock clock;

	AuditCheckpointJob(DataSource dataSource, PlatformTransactionManager transactionManager,
			AuditCheckpointProperties properties, Notifications notifications, Messages messages, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.notifications = notifications;
		this.messages = messages;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void sayHowCheckpointsAreKept() {
		if (this.properties.path() == null) {
			log.warn("Audit checkpoints are off (rectiflow.audit.checkpoint.directory is blank): a cut tail of the "
					+ "audit log whose head was moved back with it will not be detected");
		}
		else if (!this.properties.signed()) {
			log.warn("RECTIFLOW_AUDIT_CHECKPOINT_KEY is not set: audit checkpoints in {} are written unsigned, and "
					+ "whoever can write that directory can replace them unnoticed", this.properties.path().toAbsolutePath());
		}
	}

	@Scheduled(cron = "${rectiflow.audit.checkpoint.cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	public void scheduled() {
		try {
			pin();
		}
		catch (IOException | RuntimeException ex) {
			log.error("The audit chain's head could not be pinned in {}", this.properties.path(), ex);
		}
	}

	/** Pins the head now; returns the file written, or null (off, an empty log, or that head pinned already). */
	public Path pin() throws IOException {
		Path directory = this.properties.path();
		if (directory == null) {
			return null;
		}
		AuditCheckpoint head = this.jdbc
			.execute((Connection connection) -> AuditCheckpoint.head(connection, this.clock.instant()));
		if (head == null || head.lastId() == 0) {
			return null;
		}
		Path written = head.write(directory, this.properties.key());
		if (written != null) {
			log.info("Audit chain head pinned: entry {} ({}) in {}", head.lastId(), head.lastHash(), written);
		}
		notifyGroups(head);
		return written;
	}

	/**
	 * Tells the configured groups (the discipline committee) the pinned head, once per head across all nodes: the
	 * head row is locked while the notice is looked for and sent. Inboxes are in the database, but the e-mail and the
	 * group robot carry the head out of it.
	 */
	void notifyGroups(AuditCheckpoint head) {
		List<String> groups = this.properties.notifyGroups()
			.stream()
			.filter((g) -> g != null && !g.isBlank())
			.toList();
		if (groups.isEmpty()) {
			return;
		}
		String subject = this.messages.get("audit.checkpoint.subject", String.valueOf(head.lastId()));
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.queryForObject("select last_id from audit_chain_head where id = 1 for update", Long.class);
			Integer told = this.jdbc.queryForObject("select count(*) from notice where kind = ? and subject = ?",
					Integer.class, Notice.Kind.AUDIT_CHECKPOINT.name(), subject);
			if (told != null && told > 0) {
				return;
			}
			this.notifications.send(Notice.of(Notice.Kind.AUDIT_CHECKPOINT, subject,
					this.messages.get("audit.checkpoint.body", String.valueOf(head.lastId()), head.lastHash(),
							head.pinnedAt().atZone(this.clock.getZone()).toLocalDateTime().withNano(0).toString()
								.replace('T', ' ')),
					"/audit?verify=1", List.of())
				.andGroups(groups));
		});
	}

}

package org.rectiflow.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.rectiflow.system.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one entry point for the audit log. An entry is written in the caller's transaction when there is one, so an
 * action that rolls back leaves no entry, inside a savepoint, so an entry that cannot be written (logged) never fails
 * or rolls back the action; without a transaction (a sign-in, a download) it gets one of its own. Who and from where
 * come from the current request and sign-in unless given.
 * <p>
 * Within a transaction the entries wait until just before its commit: appending locks the chain's head row until
 * the transaction ends, and taking that lock last, after the engine has written its rows, keeps two transactions
 * from each holding what the other waits for (a completion and an upload on the same task, say), and keeps the head
 * locked for as short a time as possible.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final AuditCheckpointProperties checkpoints;

	AuditLog(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
			AuditCheckpointProperties checkpoints) {
		this.checkpoints = checkpoints;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Records what the signed-in person (or the engine, for jobs) did, from the current request's address. */
	public void record(AuditKind kind, String subject, String detail) {
		record(Actors.current(), clientAddress(), kind, subject, detail);
	}

	public void record(String actor, String clientAddress, AuditKind kind, String subject, String detail) {
		Instant now = this.clock.instant();
		String who = (actor == null || actor.isBlank()) ? Actors.SYSTEM : actor;
		try {
			if (TransactionSynchronizationManager.isActualTransactionActive()
					&& TransactionSynchronizationManager.isSynchronizationActive()
					&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
				beforeCommit().add(() -> appendInSavepoint(now, who, clientAddress, kind, subject, detail));
			}
			else {
				this.ownTransaction.executeWithoutResult((status) -> appendInSavepoint(now, who, clientAddress, kind,
						subject, detail));
			}
		}
		catch (RuntimeException ex) {
			log.error("Audit entry {} {} by {} could not be recorded", kind, subject, who, ex);
		}
	}

	/**
	 * Records a refused attempt. The refused action rolls back, and with it anything written in its transaction, so
	 * the entry gets a transaction of its own (the caller's, if any, waits suspended); it still never fails the
	 * caller.
	 */
	public void recordRefusal(String actor, String clientAddress, AuditKind kind, String subject, String detail) {
		Instant now = this.clock.instant();
		String who = (actor == null || actor.isBlank()) ? Actors.SYSTEM : actor;
		try {
			this.ownTransaction.executeWithoutResult((status) -> appendInSavepoint(now, who, clientAddress, kind,
					subject, detail));
		}
		catch (RuntimeException ex) {
			log.error("Audit entry {} {} by {} could not be recorded", kind, subject, who, ex);
		}
	}

	/**
	 * Records a sign-in refused because the account or the address is locked out, at most once per account and
	 * per address while the lock lasts: a flood of attempts against a locked account, or from a locked address
	 * trying one account after another, adds one entry, not one per request. The next entry for the same account or
	 * address says how many were left out before it. Kept per node, in a bounded map.
	 */
	public void recordThrottled(String userId, String clientAddress, long minutes) {
		long now = this.clock.millis();
		String account = "user:" + userId;
		String address = "address:" + clientAddress;
		int leftOut;
		synchronized (this.throttled) {
			Long accountUntil = this.throttled.get(account);
			Long addressUntil = this.throttled.get(address);
			if ((accountUntil != null && accountUntil > now) || (addressUntil != null && addressUntil > now)) {
				this.leftOut.merge(address, 1, Integer::sum);
				return;
			}
			long until = now + minutes * 60_000;
			this.throttled.put(account, until);
			this.throttled.put(address, until);
			Integer before = this.leftOut.remove(address);
			leftOut = (before == null) ? 0 : before;
		}
		record(userId, clientAddress, AuditKind.LOGIN_FAILED, account, "throttled " + minutes + " min; "
				+ "further refused sign-ins of this account or address are not recorded one by one until the lock ends"
				+ ((leftOut > 0) ? "; " + leftOut + " left out during the previous lock" : ""));
	}

	/** Accounts and addresses whose lock was recorded, with the lock's end; the oldest are forgotten first. */
	private final Map<String, Long> throttled = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > MAX_THROTTLED_KEYS;
		}

	};

	/** Attempts left out per address since its last entry. */
	private final Map<String, Integer> leftOut = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
			return size() > MAX_THROTTLED_KEYS;
		}

	};

	static final int MAX_THROTTLED_KEYS = 10_000;

	/** Forgets which locks were recorded, as if this node had just started (for tests that lock anew). */
	void forgetRecordedLocks() {
		synchronized (this.throttled) {
			this.throttled.clear();
			this.leftOut.clear();
		}
	}

	/** The entries of the current transaction, appended in order just before it commits. */
	private List<Runnable> beforeCommit() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingEntries pending) {
				return pending.entries;
			}
		}
		PendingEntries pending = new PendingEntries();
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending.entries;
	}

	/** Appends a transaction's entries as the last thing it does; a rollback drops them unwritten. */
	private static final class PendingEntries implements TransactionSynchronization {

		private final List<Runnable> entries = new ArrayList<>();

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			for (Runnable entry : this.entries) {
				try {
					entry.run();
				}
				catch (RuntimeException ex) {
					log.error("An audit entry could not be recorded; the action commits without it", ex);
				}
			}
		}

	}

	private void appendInSavepoint(Instant now, String actor, String clientAddress, AuditKind kind, String subject,
			String detail) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		Savepoint savepoint = null;
		try {
			// A failed statement would abort the caller's whole transaction on PostgreSQL: undo only ours.
			savepoint = connection.setSavepoint();
			AuditChain.append(connection, now, actor, clientAddress, kind, subject, detail);
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException | RuntimeException ex) {
			rollback(connection, savepoint);
			throw new IllegalStateException("could not append to the audit chain", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private static void rollback(Connection connection, Savepoint savepoint) {
		if (savepoint != null) {
			try {
				connection.rollback(savepoint);
			}
			catch (SQLException ex) {
				log.warn("Could not undo an audit entry that failed to be recorded", ex);
			}
		}
	}

	/** The client's address as the server sees it (behind a proxy, see {@code server.forward-headers-strategy}). */
	public static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return clientAddress(attributes.getRequest());
		}
		return null;
	}

	public static String clientAddress(HttpServletRequest request) {
		return (request != null) ? request.getRemoteAddr() : null;
	}

	/**
	 * Checks the whole chain (see {@link AuditChain#verify}), then against the heads pinned outside the database
	 * ({@link AuditCheckpoint#compare}), which show a cut tail whose head was moved back with it.
	 */
	public AuditChain.Verification verify() {
		List<AuditCheckpoint.Pinned> pins;
		try {
			pins = AuditCheckpoint.readAll(this.checkpoints.path(), this.checkpoints.key());
		}
		catch (IOException ex) {
			AuditChain.Verification chain = this.jdbc.execute((Connection connection) -> AuditChain.verify(connection));
			return chain.intact() ? new AuditChain.Verification(chain.checked(), 0L, AuditChain.Break.CHECKPOINT_FORGED,
					"the checkpoint directory could not be read: " + ex.getMessage()) : chain;
		}
		return this.jdbc.execute(
				(Connection connection) -> AuditCheckpoint.compare(connection, AuditChain.verify(connection), pins));
	}

	/** A filter of the audit page: each part optional; dates are instants, {@code to} exclusive. */
	public record Filter(String actor, AuditKind kind, Instant from, Instant to) {
	}

	/** One page of entries, newest first, and the total matching the filter. */
	public record Page(List<AuditEntry> entries, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	public Page find(Filter filter, int page, int size) {
		return find(filter, null, page, size);
	}

	/**
	 * One page of the entries about these units (issue 18; {@code null}: every entry, for an administrator): an
	 * entry about no unit (a deployment, a filter, a permission) is the installation's and shown to no unit.
	 */
	public Page find(Filter filter, java.util.Collection<String> units, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (units != null) {
			if (units.isEmpty()) {
				where.append(" and 1 = 0");
			}
			else {
				where.append(" and unit_id in (").append(String.join(", ", java.util.Collections.nCopies(units.size(), "?")))
					.append(")");
				args.addAll(units.stream().sorted().toList());
			}
		}
		if (filter.actor() != null && !filter.actor().isBlank()) {
			where.append(" and actor = ?");
			args.add(filter.actor().trim());
		}
		if (filter.kind() != null) {
			where.append(" and kind = ?");
			args.add(filter.kind().name());
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			args.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < ?");
			args.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
		}
		Long total = this.jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<AuditEntry> entries = this.jdbc.query(
				"select id, occurred_at, actor, client_address, kind, subject, detail, prev_hash, hash from audit_entry"
						+ where + " order by id desc limit ? offset ?",
				(rs, i) -> AuditChain.read(rs), pageArgs.toArray());
		return new Page(entries, (total == null) ? 0 : total, page, size);
	}

}

package org.rectiflow.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.rectiflow.engine.Passwords;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per account and per client address in the database ({@code login_throttle}), so every node
 * of a cluster counts the same failures, and refuses a key that failed too often for a while. It is the only lock-out:
 * Camunda's own (a growing delay that never says why, and a lock for good after ten failures, which anyone knowing a
 * name could set off) is out of reach (application.yaml, {@link Passwords}). A person is told, in Chinese, how many
 * minutes to wait; an administrator sees and lifts locks on {@code /admin/login-locks}. A success clears the account's
 * count, not the address's, so a valid account cannot be used to reset an address that guesses at others.
 */
@Component
public class LoginThrottle {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LoginThrottleProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
		this.clock = clock;
	}

	static String accountKey(String userId) {
		String id = (userId == null) ? "" : userId.trim().toLowerCase(Locale.ROOT);
		return "user:" + ((id.length() > 150) ? id.substring(0, 150) : id);
	}

	static String addressKey(String address) {
		return "address:" + Objects.requireNonNullElse(address, "unknown");
	}

	/** Refuses the attempt when the account or the address is locked out, saying for how many minutes. */
	public void check(String userId, String address) {
		long now = this.clock.millis();
		List<Long> lockedUntil = this.jdbc.queryForList(
				"select locked_until_ms from login_throttle where throttle_key in (?, ?) and locked_until_ms > ?",
				Long.class, accountKey(userId), addressKey(address), now);
		lockedUntil.stream().max(Long::compare).ifPresent((until) -> {
			throw new LoginThrottledException(Math.max(1, (until - now + 59_999) / 60_000));
		});
	}

	/** Counts a failure against the account and the address; the one that reaches its limit is locked out. */
	public void failed(String userId, String address) {
		count(accountKey(userId), this.properties.maxFailuresPerAccount());
		count(addressKey(address), this.properties.maxFailuresPerAddress());
	}

	/** A correct password: the account starts afresh. */
	public void succeeded(String userId) {
		this.jdbc.update("delete from login_throttle where throttle_key = ?", accountKey(userId));
	}

	private void count(String key, int limit) {
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				this.transaction.executeWithoutResult((status) -> countLocked(key, limit));
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another node inserted the first failure at the same moment: count again on its row.
			}
		}
	}

	private void countLocked(String key, int limit) {
		long now = this.clock.millis();
		List<long[]> rows = this.jdbc.query(
				"select failures, window_start_ms from login_throttle where throttle_key = ? for update",
				(rs, i) -> new long[] { rs.getInt(1), rs.getLong(2) }, key);
		if (rows.isEmpty()) {
			lockIfReached(key, 1, now, limit, true);
			return;
		}
		long[] row = rows.get(0);
		boolean windowOver = now - row[1] >= this.properties.window().toMillis();
		lockIfReached(key, windowOver ? 1 : (int) row[0] + 1, windowOver ? now : row[1], limit, false);
	}

	private void lockIfReached(String key, int failures, long windowStart, int limit, boolean insert) {
		Long lockedUntil = null;
		if (failures >= limit) {
			lockedUntil = this.clock.millis() + this.properties.lockout().toMillis();
			failures = 0;
			windowStart = this.clock.millis();
		}
		if (insert) {
			this.jdbc.update("insert into login_throttle (throttle_key, failures, window_start_ms, locked_until_ms)"
					+ " values (?, ?, ?, ?)", key, failures, windowStart, lockedUntil);
		}
		else if (lockedUntil != null) {
			this.jdbc.update("update login_throttle set failures = ?, window_start_ms = ?, locked_until_ms = ?"
					+ " where throttle_key = ?", failures, windowStart, lockedUntil, key);
		}
		else {
			this.jdbc.update("update login_throttle set failures = ?, window_start_ms = ? where throttle_key = ?",
					failures, windowStart, key);
		}
	}

	/**
	 * A key's count as an administrator sees it: the account or the address, its failures in the current window (for a
	 * locked key, the limit it reached), and until when it is refused (null when it is not).
	 */
	public record Lock(String key, boolean account, String name, int failures, Instant windowStart,
			Instant lockedUntil) {
	}

	/**
	 * The keys locked out now, and those with failures in their current window (the next locks), the locked ones
	 * first, the latest lock first.
	 */
	public List<Lock> current() {
		long now = this.clock.millis();
		return this.jdbc.query(
				"select throttle_key, failures, window_start_ms, locked_until_ms from login_throttle"
						+ " where locked_until_ms > ? or (failures > 0 and window_start_ms > ?)"
						+ " order by case when locked_until_ms > ? then 0 else 1 end, locked_until_ms desc,"
						+ " window_start_ms desc",
				(rs, i) -> {
					String key = rs.getString(1);
					long until = rs.getLong(4);
					boolean locked = !rs.wasNull() && until > now;
					boolean account = key.startsWith("user:");
					int limit = account ? this.properties.maxFailuresPerAccount()
							: this.properties.maxFailuresPerAddress();
					return new Lock(key, account, key.substring(key.indexOf(':') + 1), locked ? limit : rs.getInt(2),
							Instant.ofEpochMilli(rs.getLong(3)), locked ? Instant.ofEpochMilli(until) : null);
				}, now, now - this.properties.window().toMillis(), now);
	}

	/** Lifts one key's lock and forgets its failures; returns what it lifted, empty if there was nothing. */
	public Optional<Lock> lift(String key) {
		Optional<Lock> lifted = current().stream().filter((l) -> l.key().equals(key)).findFirst();
		lifted.ifPresent((l) -> this.jdbc.update("delete from login_throttle where throttle_key = ?", key));
		return lifted;
	}

	/** Forgets every count and lock (for an administrator after an incident, and for tests). */
	public void clear() {
		this.jdbc.update("delete from login_throttle");
	}

}

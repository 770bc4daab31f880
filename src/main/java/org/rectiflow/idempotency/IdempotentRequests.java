package org.rectiflow.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The first answer to each request that carried an idempotency key, per person ({@code idempotent_request}). A key
 * is claimed by inserting its row ({@link #claim}): the primary key (person, key) lets exactly one request of a
 * person with that key through, on any node. The answer is kept when the request is done ({@link #finish}) and
 * replayed to every repeat; a request that failed on the server gives its key back ({@link #release}), so that the
 * retry runs. Rows are kept for {@code rectiflow.idempotency.retention} (a day by default), then purged.
 * <p>
 * Every statement runs on its own (auto-commit), outside the request's transaction: the claim must be visible to a
 * repeat arriving while the first request still runs, and must not roll back with it.
 */
@Component
class IdempotentRequests {

	/** A kept answer: what the first request got. */
	record Answer(int status, String contentType, String location, byte[] body) {
	}

	/** What is known of a key that was claimed before. */
	record Claimed(String fingerprint, boolean done, Instant claimedAt, Answer answer) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	IdempotentRequests(JdbcClient jdbc, Clock clock,
			@Value("${rectiflow.idempotency.retention:PT24H}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	/** Claims the key for this request; false if the person used it before (see {@link #find}). */
	boolean claim(String userId, String key, String fingerprint) {
		try {
			this.jdbc.sql("insert into idempotent_request (user_id, idempotency_key, fingerprint, state, created_at) "
					+ "values (?, ?, ?, 'PENDING', ?)")
				.params(userId, key, fingerprint, Timestamp.from(this.clock.instant()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Takes over a claim whose request never finished (its node died, or it was cut off before its answer was
	 * kept): only if it is still pending and was claimed at {@code claimedAt}, so that of several repeats one wins.
	 */
	boolean takeOver(String userId, String key, Instant claimedAt) {
		return this.jdbc.sql("update idempotent_request set created_at = ? where user_id = ? and idempotency_key = ? "
				+ "and state = 'PENDING' and created_at = ?")
			.params(Timestamp.from(this.clock.instant()), userId, key, Timestamp.from(claimedAt))
			.update() == 1;
	}

	Optional<Claimed> find(String userId, String key) {
		return this.jdbc.sql("select fingerprint, state, created_at, status, content_type, location, body "
				+ "from idempotent_request where user_id = ? and idempotency_key = ?")
			.params(userId, key)
			.query((rs, n) -> {
				boolean done = "DONE".equals(rs.getString(2));
				return new Claimed(rs.getString(1), done, rs.getTimestamp(3).toInstant(),
						done ? new Answer(rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBytes(7)) : null);
			})
			.optional();
	}

	void finish(String userId, String key, Answer answer) {
		this.jdbc.sql("update idempotent_request set state = 'DONE', status = ?, content_type = ?, location = ?, "
				+ "body = ? where user_id = ? and idempotency_key = ?")
			.params(answer.status(), answer.contentType(), answer.location(), answer.body(), userId, key)
			.update();
	}

	void release(String userId, String key) {
		this.jdbc.sql("delete from idempotent_request where user_id = ? and idempotency_key = ? and state = 'PENDING'")
			.params(userId, key)
			.update();
	}

	/** Forgets keys older than the retention; on every node, which is harmless. */
	@Scheduled(fixedDelayString = "${rectiflow.idempotency.purge-interval:PT1H}",
			initialDelayString = "${rectiflow.idempotency.purge-interval:PT1H}")
	int purge() {
		return this.jdbc.sql("delete from idempotent_request where created_at < ?")
			.params(Timestamp.from(this.clock.instant().minus(this.retention)))
			.update();
	}

}

package org.rectiflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The notice tables in plain SQL: every write runs in whatever transaction is open, so a notice is stored with the
 * sender's change or not at all, and claiming a delivery is one conditional update that only one node can win.
 */
@Repository
class NoticeRepository {

	static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertNotice(Notice notice, String by, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into notice (kind, subject, body, link, created_by, created_at, unit_id) values (?, ?, ?, ?, ?, ?, ?)")
			.params(notice.kind().name(), truncate(notice.subject(), 200), notice.body(), notice.link(), by,
					Timestamp.from(now), notice.unitId())
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** An inbox row is delivered as it is written: the inbox is the row itself. */
	void insertInbox(long noticeId, String userId, Instant now) {
		this.jdbc
			.sql("insert into notice_delivery (notice_id, channel, recipient, status, next_attempt_at, sent_at)"
					+ " values (?, 'INBOX', ?, 'SENT', ?, ?)")
			.params(noticeId, userId, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void insertPending(long noticeId, Channel channel, String recipient, Instant now) {
		this.jdbc
			.sql("insert into notice_delivery (notice_id, channel, recipient, status, next_attempt_at)"
					+ " values (?, ?, ?, 'PENDING', ?)")
			.params(noticeId, channel.name(), recipient, Timestamp.from(now))
			.update();
	}

	/** Deliveries due now, and those claimed so long ago that their node must have stopped. */
	List<Long> due(Instant now, Instant staleBefore, int limit) {
		return this.jdbc
			.sql("select id from notice_delivery where (status = 'PENDING' and next_attempt_at <= ?)"
					+ " or (status = 'SENDING' and claimed_at < ?) order by next_attempt_at, id fetch first ? rows only")
			.params(Timestamp.from(now), Timestamp.from(staleBefore), limit)
			.query(Long.class)
			.list();
	}

	/** True for the one node whose update found the delivery still due; every other node gets false. */
	boolean claim(long id, Instant now, Instant staleBefore) {
		return this.jdbc
			.sql("update notice_delivery set status = 'SENDING', claimed_at = ?, attempts = attempts + 1 where id = ?"
					+ " and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and claimed_at < ?))")
			.params(Timestamp.from(now), id, Timestamp.from(now), Timestamp.from(staleBefore))
			.update() == 1;
	}

	Optional<Delivery> delivery(long id) {
		return this.jdbc
			.sql("select d.id, d.channel, d.recipient, d.attempts, n.kind, n.subject, n.body, n.link, n.created_at"
					+ " from notice_delivery d join notice n on n.id = d.notice_id where d.id = ?")
			.param(id)
			.query((rs, i) -> new Delivery(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
					rs.getString("recipient"), rs.getInt("attempts"), Notice.Kind.valueOf(rs.getString("kind")),
					rs.getString("subject"), rs.getString("body"), rs.getString("link"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	void sent(long id, Instant now) {
		this.jdbc.sql("update notice_delivery set status = 'SENT', sent_at = ?, last_error = null where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void retryAt(long id, Instant next, String error) {
		this.jdbc.sql("update notice_delivery set status = 'PENDING', next_attempt_at = ?, last_error = ? where id = ?")
			.params(Timestamp.from(next), truncate(error, MAX_ERROR), id)
			.update();
	}

	void failed(long id, String error) {
		this.jdbc.sql("update notice_delivery set status = 'FAILED', last_error = ? where id = ?")
			.params(truncate(error, MAX_ERROR), id)
			.update();
	}

	/** Of these people, those who turned e-mail off. */
	Set<String> emailOff(Collection<String> userIds) {
		Set<String> off = new HashSet<>();
		for (String userId : userIds) {
			this.jdbc.sql("select email from notification_preference where user_id = ?")
				.param(userId)
				.query(Boolean.class)
				.optional()
				.filter((email) -> !email)
				.ifPresent((email) -> off.add(userId));
		}
		return off;
	}

	boolean wantsEmail(String userId) {
		return emailOff(List.of(userId)).isEmpty();
	}

	void setEmail(String userId, boolean email, Instant now) {
		int updated = this.jdbc.sql("update notification_preference set email = ?, updated_at = ? where user_id = ?")
			.params(email, Timestamp.from(now), userId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into notification_preference (user_id, email, updated_at) values (?, ?, ?)")
				.params(userId, email, Timestamp.from(now))
				.update();
		}
	}

	static String truncate(String text, int max) {
		if (text == null) {
			return null;
		}
		return (text.length() <= max) ? text : text.substring(0, max);
	}

}

package org.rectiflow.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notices as the portal shows them: unread first, newest first; each person reads and marks only their
 * own rows (every query names the recipient).
 */
@Service
public class Inbox {

	/** One notice in a person's inbox. */
	public record Entry(long id, Notice.Kind kind, String subject, String body, String link, Instant createdAt,
			Instant readAt) {

		public boolean unread() {
			return this.readAt == null;
		}

	}

	static final int LIMIT = 200;

	private static final String SELECT = "select d.id, n.kind, n.subject, n.body, n.link, n.created_at, d.read_at"
			+ " from notice_delivery d join notice n on n.id = d.notice_id"
			+ " where d.channel = 'INBOX' and d.recipient = ?";

	private final JdbcClient jdbc;

	private final NoticeRepository notices;

	private final Clock clock;

	Inbox(JdbcClient jdbc, NoticeRepository notices, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Entry> entries(String userId) {
		return entries(userId, null);
	}

	/**
	 * The person's inbox within their units (issue 18; {@code null}: every unit): notices about another unit's
	 * work, or about no unit, are left out, not only those never addressed to them.
	 */
	@Transactional(readOnly = true)
	public List<Entry> entries(String userId, java.util.Collection<String> units) {
		List<Object> params = new java.util.ArrayList<>(List.of(userId));
		return this.jdbc.sql(SELECT + unitCut(units, params)
				+ " order by case when d.read_at is null then 0 else 1 end, n.created_at desc, d.id desc")
			.params(params)
			.query((rs, i) -> entry(rs))
			.list()
			.stream()
			.limit(LIMIT)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<Entry> entry(String userId, long id) {
		return entry(userId, id, null);
	}

	/** One notice of the person's inbox within their units ({@code null}: every unit). */
	@Transactional(readOnly = true)
	public Optional<Entry> entry(String userId, long id, java.util.Collection<String> units) {
		List<Object> params = new java.util.ArrayList<>(List.of(userId));
		String cut = unitCut(units, params);
		params.add(id);
		return this.jdbc.sql(SELECT + cut + " and d.id = ?").params(params).query((rs, i) -> entry(rs)).optional();
	}

	/** Notices of no unit (the installation's, such as the audit checkpoint) are everyone's they were sent to. */
	private static String unitCut(java.util.Collection<String> units, List<Object> params) {
		if (units == null) {
			return "";
		}
		if (units.isEmpty()) {
			return " and n.unit_id is null";
		}
		params.addAll(units.stream().sorted().toList());
		return " and (n.unit_id is null or n.unit_id in (" + String.join(", ", java.util.Collections.nCopies(units.size(), "?"))
				+ "))";
	}

	/** The badge in the top bar: one count on an index. */
	@Transactional(readOnly = true)
	public int unreadCount(String userId) {
		return this.jdbc
			.sql("select count(*) from notice_delivery where recipient = ? and channel = 'INBOX' and read_at is null")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	@Transactional
	public boolean markRead(String userId, long id) {
		return this.jdbc
			.sql("update notice_delivery set read_at = ? where id = ? and recipient = ? and channel = 'INBOX'"
					+ " and read_at is null")
			.params(Timestamp.from(this.clock.instant()), id, userId)
			.update() == 1;
	}

	@Transactional
	public int markAllRead(String userId) {
		return this.jdbc
			.sql("update notice_delivery set read_at = ? where recipient = ? and channel = 'INBOX' and read_at is null")
			.params(Timestamp.from(this.clock.instant()), userId)
			.update();
	}

	@Transactional(readOnly = true)
	public boolean wantsEmail(String userId) {
		return this.notices.wantsEmail(userId);
	}

	@Transactional
	public void setEmail(String userId, boolean email) {
		this.notices.setEmail(userId, email, this.clock.instant());
	}

	private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Entry(rs.getLong("id"), Notice.Kind.valueOf(rs.getString("kind")), rs.getString("subject"),
				rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				(read != null) ? read.toInstant() : null);
	}

}

package org.rectiflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit log, in plain JDBC so the application and the command-line verifier
 * ({@link AuditVerifier}) compute it the same way. Each entry's hash is SHA-256 over the previous entry's hash and
 * every field of the entry, each length-prefixed so no two different entries read the same; the first entry follows
 * 64 zeros. An append locks the single head row ({@code audit_chain_head}) until the appending transaction ends, so
 * appends from several nodes queue up instead of forking the chain.
 * <p>
 * Each entry says how its hash was computed ({@code hash_version}, Flyway V18): version 1, the entries written before
 * V18, covers the fields above; version 2, every entry since, covers its {@code unit_id} too (and the version), so
 * moving an entry to another unit's audit trail breaks the chain like any other change. Old entries keep their
 * version and verify as they always did; the version itself is inside the version 2 hash, so turning a new entry
 * into an old one to leave its unit out is a change as well.
 */
public final class AuditChain {

	/** What the first entry follows. */
	public static final String GENESIS = "0".repeat(64);

	static final int MAX_DETAIL = 4000;

	static final int MAX_SUBJECT = 200;

	static final int MAX_ACTOR = 100;

	/** The entries written before V18: the hash leaves {@code unit_id} out. */
	static final int HASH_V1 = 1;

	/** Every entry appended now: the hash covers {@code unit_id}. */
	static final int HASH_V2 = 2;

	private AuditChain() {
	}

	/** Appends one entry on this connection, in its current transaction; returns it as stored. */
	public static AuditEntry append(Connection connection, Instant occurredAt, String actor, String clientAddress,
			AuditKind kind, String subject, String detail) throws SQLException {
		String cutSubject = cut(subject, MAX_SUBJECT);
		UnitOf unit = UnitOf.subject(cutSubject);
		long lastId;
		String lastHash;
		String unitId;
		// The unit is read with the head, in the same statement, since the hash must cover it: no extra round trip.
		try (PreparedStatement head = connection.prepareStatement("select last_id, last_hash, " + unit.expression()
				+ " from audit_chain_head where id = 1 for update")) {
			for (int i = 0; i < unit.parameters().size(); i++) {
				head.setObject(1 + i, unit.parameters().get(i));
			}
			try (ResultSet rs = head.executeQuery()) {
				if (!rs.next()) {
					throw new SQLException("audit_chain_head has no row: was V9__audit.sql applied?");
				}
				lastId = rs.getLong(1);
				lastHash = rs.getString(2);
				unitId = rs.getString(3);
			}
		}
		AuditEntry entry = seal(lastId + 1, occurredAt.truncatedTo(ChronoUnit.MICROS), cut(actor, MAX_ACTOR),
				cut(clientAddress, 64), kind.name(), cutSubject, cut(detail, MAX_DETAIL), lastHash, unitId);
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into audit_entry (id, occurred_at, actor, client_address, kind, subject, detail, prev_hash, hash,"
						+ " unit_id, hash_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setLong(1, entry.id());
			insert.setObject(2, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
			insert.setString(3, entry.actor());
			insert.setString(4, entry.clientAddress());
			insert.setString(5, entry.kind());
			insert.setString(6, entry.subject());
			insert.setString(7, entry.detail());
			insert.setString(8, entry.prevHash());
			insert.setString(9, entry.hash());
			insert.setString(10, unitId);
			insert.setInt(11, HASH_V2);
			insert.executeUpdate();
		}
		try (PreparedStatement update = connection
			.prepareStatement("update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
			update.setLong(1, entry.id());
			update.setString(2, entry.hash());
			update.executeUpdate();
		}
		return entry;
	}

	/**
	 * The unit an entry is about (issue 18), as a scalar subquery of the statement that locks the chain's head, so
	 * finding it sends no statement of its own: the unit of the evidence's inspection ({@code evidence:<id>}), the
	 * tenant of the engine task or process instance ({@code task:<id>}, {@code <process>:<key>/<taskId>},
	 * {@code instance:<id>}), the unit a person belongs to ({@code user:<id>}, sign-ins), the handover's unit
	 * ({@code handover:<id>}), else none (deployments, filters, permissions: the installation's, shown to
	 * administrators only). {@code unit_id} cuts the audit page by
	 * unit, and since V18 it is part of the entry's hash (version 2).
	 */
	record UnitOf(String expression, List<Object> parameters) {

		static final UnitOf NONE = new UnitOf("cast(null as varchar(64))", List.of());

		static UnitOf subject(String subject) {
			if (subject == null) {
				return NONE;
			}
			int colon = subject.indexOf(':');
			if (colon <= 0) {
				return NONE;
			}
			String prefix = subject.substring(0, colon);
			String rest = subject.substring(colon + 1);
			int slash = rest.lastIndexOf('/');
			if (slash >= 0) {
				return task(rest.substring(slash + 1));
			}
			return switch (prefix) {
				case "evidence" -> number(rest).map((id) -> new UnitOf("(select i.unit_id from evidence e"
						+ " join rectification_task t on t.id = e.task_id join inspection i on i.id = t.inspection_id"
						+ " where e.id = ?)", List.<Object>of(id))).orElse(NONE);
				case "task" -> task(rest);
				case "instance" -> new UnitOf("coalesce((select max(TENANT_ID_) from ACT_RU_EXECUTION where ID_ = ?),"
						+ " (select max(TENANT_ID_) from ACT_HI_PROCINST where ID_ = ?))", List.of(rest, rest));
				case "user" -> new UnitOf("(select min(TENANT_ID_) from ACT_ID_TENANT_MEMBER where USER_ID_ = ?)",
						List.of(rest));
				case "handover" -> number(rest).map((id) -> new UnitOf("(select unit_id from handover where id = ?)",
						List.<Object>of(id))).orElse(NONE);
				default -> NONE;
			};
		}

		private static UnitOf task(String taskId) {
			return new UnitOf("coalesce((select max(TENANT_ID_) from ACT_RU_TASK where ID_ = ?),"
					+ " (select max(TENANT_ID_) from ACT_HI_TASKINST where ID_ = ?))", List.of(taskId, taskId));
		}

		private static java.util.Optional<Long> number(String text) {
			return (!text.isEmpty() && text.length() < 19 && text.chars().allMatch(Character::isDigit))
					? java.util.Optional.of(Long.valueOf(text)) : java.util.Optional.empty();
		}

	}

	static AuditEntry seal(long id, Instant occurredAt, String actor, String clientAddress, String kind, String subject,
			String detail, String prevHash, String unitId) {
		return new AuditEntry(id, occurredAt, actor, clientAddress, kind, subject, detail, prevHash,
				hash(HASH_V2, id, occurredAt, actor, clientAddress, kind, subject, detail, prevHash, unitId));
	}

	/**
	 * SHA-256, hex, over the previous hash and the entry's fields, each written as {@code length:value;}: version 1
	 * the fields up to the detail; version 2 then the version and the unit as well.
	 */
	static String hash(int version, long id, Instant occurredAt, String actor, String clientAddress, String kind,
			String subject, String detail, String prevHash, String unitId) {
		String[] fields = (version == HASH_V1)
				? new String[] { prevHash, Long.toString(id), occurredAt.toString(), actor, clientAddress, kind, subject,
						detail }
				: new String[] { prevHash, Long.toString(id), occurredAt.toString(), actor, clientAddress, kind, subject,
						detail, "v" + version, unitId };
		StringBuilder text = new StringBuilder();
		for (String field : fields) {
			if (field == null) {
				text.append("-1:;");
			}
			else {
				text.append(field.length()).append(':').append(field).append(';');
			}
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** How the chain breaks at an entry. */
	public enum Break {

		/** The entry is missing (removed): the next id is further on. */
		MISSING,

		/** Its prev_hash is not the hash of the entry before it (an entry removed or inserted before it). */
		RELINKED,

		/** Its fields do not match its hash (changed). */
		CHANGED,

		/** The head names another last entry (entries cut from the end), or there is no head. */
		TRUNCATED,

		/**
		 * A head pinned outside the database ({@link AuditCheckpoint}) names an entry the log no longer has, or has
		 * with another hash: the tail was cut and the head moved back with it.
		 */
		CUT,

		/** A checkpoint file is not what the application wrote (its signature does not match, or it is unreadable). */
		CHECKPOINT_FORGED

	}

	/**
	 * The outcome of a verification: how many entries were checked, and the first broken one if any, how it breaks
	 * and a line for the command line.
	 */
	public record Verification(long checked, Long brokenAt, Break problem, String reason) {

		public boolean intact() {
			return this.brokenAt == null;
		}

	}

	/**
	 * Walks the whole chain in id order and reports the first entry that does not follow from the one before it: a
	 * gap in the ids (a removed entry), a {@code prev_hash} that is not the previous hash (removed or inserted), a hash
	 * that does not match the fields (a changed entry), or a head that does not name the last entry (a cut tail).
	 */
	public static Verification verify(Connection connection) throws SQLException {
		long expectedId = 1;
		String previous = GENESIS;
		long checked = 0;
		try (PreparedStatement query = connection.prepareStatement(
				"select id, occurred_at, actor, client_address, kind, subject, detail, prev_hash, hash, unit_id,"
						+ " hash_version from audit_entry order by id")) {
			query.setFetchSize(500);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					AuditEntry e = read(rs);
					if (e.id() != expectedId) {
						return new Verification(checked, expectedId, Break.MISSING,
								"entry " + expectedId + " is missing (next is " + e.id() + ")");
					}
					if (!previous.equals(e.prevHash())) {
						return new Verification(checked, e.id(), Break.RELINKED,
								"prev_hash does not match the hash of entry " + (e.id() - 1));
					}
					int version = rs.getInt("hash_version");
					if (version != HASH_V1 && version != HASH_V2) {
						return new Verification(checked, e.id(), Break.CHANGED,
								"its hash version " + version + " is unknown (changed)");
					}
					String recomputed = hash(version, e.id(), e.occurredAt(), e.actor(), e.clientAddress(), e.kind(),
							e.subject(), e.detail(), e.prevHash(), rs.getString("unit_id"));
					if (!recomputed.equals(e.hash())) {
						return new Verification(checked, e.id(), Break.CHANGED,
								"its fields do not match its hash (changed)");
					}
					previous = e.hash();
					expectedId++;
					checked++;
				}
			}
		}
		try (PreparedStatement head = connection
			.prepareStatement("select last_id, last_hash from audit_chain_head where id = 1");
				ResultSet rs = head.executeQuery()) {
			if (!rs.next()) {
				return new Verification(checked, expectedId, Break.TRUNCATED, "the chain head is missing");
			}
			if (rs.getLong(1) != expectedId - 1 || !previous.equals(rs.getString(2))) {
				return new Verification(checked, expectedId, Break.TRUNCATED, "the head names entry " + rs.getLong(1)
						+ " but the log ends at " + (expectedId - 1) + " (entries removed from the end)");
			}
		}
		return new Verification(checked, null, null, null);
	}

	/** One entry as stored (the columns of {@code audit_entry}). */
	public static AuditEntry read(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("client_address"), rs.getString("kind"), rs.getString("subject"),
				rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max - 1) + "…";
	}

}

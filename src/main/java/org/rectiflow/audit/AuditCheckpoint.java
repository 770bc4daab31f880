package org.rectiflow.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A pinned head of the audit chain, kept outside the database: the last entry's id and hash and when it was pinned,
 * in a small text file signed with HMAC-SHA256. The chain alone cannot show a cut tail whose head was moved back with
 * it (the last entries removed, {@code audit_chain_head} set to the new last one): the rest still links. A checkpoint
 * written before the cut names an entry the log no longer has, or has with another hash, and
 * {@link #compare verification} says so. In plain Java and JDBC, like {@link AuditChain}, so the command-line
 * verifier reads the files the application writes.
 * <p>
 * The key ({@code RECTIFLOW_AUDIT_CHECKPOINT_KEY}) keeps someone who can write the directory from putting a
 * checkpoint of the cut chain in place of the real ones. Without a key the files are written unsigned
 * ({@code hmac=none}) and read without a signature check: they still show a cut made by someone who cannot also
 * rewrite them. With a key, an unsigned file or one whose signature does not match counts as forged.
 */
public record AuditCheckpoint(long lastId, String lastHash, Instant pinnedAt) {

	static final String HEADER = "rectiflow-audit-checkpoint 1";

	static final String PREFIX = "audit-checkpoint-";

	static final String SUFFIX = ".txt";

	static final String UNSIGNED = "none";

	/** The chain's head as it stands now. */
	public static AuditCheckpoint head(Connection connection, Instant now) throws SQLException {
		try (PreparedStatement head = connection
			.prepareStatement("select last_id, last_hash from audit_chain_head where id = 1");
				ResultSet rs = head.executeQuery()) {
			if (!rs.next()) {
				throw new SQLException("audit_chain_head has no row");
			}
			return new AuditCheckpoint(rs.getLong(1), rs.getString(2).trim(), now);
		}
	}

	/** What the signature covers. */
	String signedText() {
		return HEADER + "\n" + this.lastId + "\n" + this.lastHash + "\n" + this.pinnedAt;
	}

	/** HMAC-SHA256 of {@link #signedText()}, hex; {@value #UNSIGNED} without a key. */
	String signature(String key) {
		if (key == null || key.isEmpty()) {
			return UNSIGNED;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signedText().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/** The file's name: by the pinned id, zero-padded, so names sort as the chain grows. */
	String fileName() {
		return PREFIX + String.format(Locale.ROOT, "%012d", this.lastId) + SUFFIX;
	}

	/**
	 * Writes the checkpoint into {@code directory} (created if missing) unless a checkpoint of the same entry is there
	 * already: several nodes, or several runs on a quiet day, pin the same head once, and an earlier pin of that entry
	 * is never overwritten. Written to a temporary file and moved into place, so a reader never sees half a file.
	 * Returns the file, or {@code null} when one of that entry was there.
	 */
	public Path write(Path directory, String key) throws IOException {
		Files.createDirectories(directory);
		Path target = directory.resolve(fileName());
		if (Files.exists(target)) {
			return null;
		}
		String text = signedText() + "\n" + "hmac=" + signature(key) + "\n";
		Path temporary = Files.createTempFile(directory, ".checkpoint-", ".tmp");
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target);
			}
			return target;
		}
		catch (FileAlreadyExistsException ex) {
			return null; // another node pinned the same head a moment ago
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** A checkpoint file as read: its checkpoint, or why it cannot be trusted ({@code problem}). */
	public record Pinned(Path file, AuditCheckpoint checkpoint, String problem) {
	}

	/** Every checkpoint file in {@code directory}, oldest pin first; none when the directory does not exist. */
	public static List<Pinned> readAll(Path directory, String key) throws IOException {
		List<Pinned> pins = new ArrayList<>();
		if (directory == null || !Files.isDirectory(directory)) {
			return pins;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
			for (Path file : files) {
				pins.add(read(file, key));
			}
		}
		pins.sort((a, b) -> a.file().getFileName().toString().compareTo(b.file().getFileName().toString()));
		return pins;
	}

	static Pinned read(Path file, String key) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		AuditCheckpoint checkpoint;
		String hmac;
		try {
			if (lines.size() < 5 || !HEADER.equals(lines.get(0)) || !lines.get(4).startsWith("hmac=")) {
				return new Pinned(file, null, "not a checkpoint file");
			}
			checkpoint = new AuditCheckpoint(Long.parseLong(lines.get(1)), lines.get(2), Instant.parse(lines.get(3)));
			hmac = lines.get(4).substring("hmac=".length());
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return new Pinned(file, null, "not a checkpoint file");
		}
		if (key != null && !key.isEmpty() && !MessageDigest.isEqual(checkpoint.signature(key)
			.getBytes(StandardCharsets.US_ASCII), hmac.getBytes(StandardCharsets.US_ASCII))) {
			return new Pinned(file, checkpoint, UNSIGNED.equals(hmac) ? "it is unsigned, though a key is set"
					: "its signature does not match (altered, or not written with this key)");
		}
		if (!file.getFileName().toString().equals(checkpoint.fileName())) {
			return new Pinned(file, checkpoint, "its name does not match the entry it pins");
		}
		return new Pinned(file, checkpoint, null);
	}

	/**
	 * The chain checked against the pinned heads: a forged checkpoint file; a pinned entry the log no longer has (its
	 * tail was cut, and the head moved back with it); or a pinned entry with another hash (cut, and written again).
	 * Run on a chain that {@link AuditChain#verify verified} intact; returns {@code chain} itself when every pin holds.
	 */
	public static AuditChain.Verification compare(Connection connection, AuditChain.Verification chain,
			List<Pinned> pins) throws SQLException {
		if (!chain.intact()) {
			return chain;
		}
		for (Pinned pin : pins) {
			if (pin.problem() != null) {
				return new AuditChain.Verification(chain.checked(),
						(pin.checkpoint() != null) ? pin.checkpoint().lastId() : 0L, AuditChain.Break.CHECKPOINT_FORGED,
						"checkpoint file " + pin.file().getFileName() + ": " + pin.problem());
			}
		}
		Map<Long, String> hashes = hashes(connection,
				pins.stream().map((p) -> p.checkpoint().lastId()).filter((id) -> id > 0).collect(Collectors.toSet()));
		long last = chain.checked();
		for (Pinned pin : pins) {
			AuditCheckpoint c = pin.checkpoint();
			if (c.lastId() > last) {
				return new AuditChain.Verification(chain.checked(), last + 1, AuditChain.Break.CUT,
						"the log ends at entry " + last + ", but entry " + c.lastId() + " was pinned at " + c.pinnedAt()
								+ " (" + pin.file().getFileName() + "): entries were removed from the end");
			}
			if (c.lastId() > 0 && !c.lastHash().equals(hashes.get(c.lastId()))) {
				return new AuditChain.Verification(chain.checked(), c.lastId(), AuditChain.Break.CUT,
						"entry " + c.lastId() + " is not the one pinned at " + c.pinnedAt() + " ("
								+ pin.file().getFileName() + "): the log was cut back and written again");
			}
		}
		return chain;
	}

	private static Map<Long, String> hashes(Connection connection, java.util.Set<Long> ids) throws SQLException {
		Map<Long, String> hashes = new java.util.HashMap<>();
		try (PreparedStatement query = connection.prepareStatement("select hash from audit_entry where id = ?")) {
			for (Long id : ids) {
				query.setLong(1, id);
				try (ResultSet rs = query.executeQuery()) {
					if (rs.next()) {
						hashes.put(id, rs.getString(1).trim());
					}
				}
			}
		}
		return hashes;
	}

}

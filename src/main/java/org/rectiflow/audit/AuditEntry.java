package org.rectiflow.audit;

import java.time.Instant;

/** One entry of the audit log, as stored, with its place in the chain. */
public record AuditEntry(long id, Instant occurredAt, String actor, String clientAddress, String kind, String subject,
		String detail, String prevHash, String hash) {
}

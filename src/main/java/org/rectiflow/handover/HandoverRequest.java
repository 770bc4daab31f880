package org.rectiflow.handover;

import java.time.LocalDate;

/**
 * A handover as the rectification office records it: who hands over to whom, from which date, and why; for a
 * department head, which department. Checked by {@link Handovers#record}, each gap with its own message.
 */
public record HandoverRequest(HandoverKind kind, String department, String from, String to, LocalDate effectiveOn,
		String reason) {
}

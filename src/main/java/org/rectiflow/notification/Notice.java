package org.rectiflow.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * What another feature asks to tell people: the kind, who (people and whole groups, a group reaching each member),
 * a Chinese subject and body, and the portal path the notice leads to. Processes build one and hand it to
 * {@link Notifications#send(Notice)}.
 */
public record Notice(Kind kind, Set<String> userIds, Set<String> groupIds, String subject, String body, String link,
		String unitId) {

	/** Why a person is told something; the inbox shows it as a tag. */
	public enum Kind {

		REMINDER, ESCALATION, CRITICISM, EXTENSION, RETURNED,

		/** The audit chain's head as pinned that day (audit/AuditCheckpointJob), for the discipline committee. */
		AUDIT_CHECKPOINT,

		/** The inspection group handed a round's feedback over to the unit: its rectification starts (issue 18). */
		HANDED_OVER

	}

	public Notice {
		Assert.notNull(kind, "kind");
		Assert.hasText(subject, "subject");
		userIds = copy(userIds);
		groupIds = copy(groupIds);
		body = (body == null) ? "" : body;
		link = isPortalPath(link) ? link : null;
	}

	/** Only our own pages: a notice never sends a person to another site. */
	static boolean isPortalPath(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
				&& link.chars().noneMatch(Character::isWhitespace);
	}

	/** A notice to people, then {@link #andGroups} for whole groups. */
	public static Notice of(Kind kind, String subject, String body, String link, Collection<String> userIds) {
		return new Notice(kind, copy(userIds), Set.of(), subject, body, link, null);
	}

	public Notice andGroups(Collection<String> groups) {
		return new Notice(this.kind, this.userIds, copy(groups), this.subject, this.body, this.link, this.unitId);
	}

	/**
	 * The unit the notice is about (issue 18): a group named reaches only those of its members who belong to the
	 * unit (the role groups are global: the discipline committee of one unit is not told about another's task), and
	 * the notice shows only in the unit's inboxes. Without a unit, a group reaches all its members.
	 */
	public Notice inUnit(String unitId) {
		return new Notice(this.kind, this.userIds, this.groupIds, this.subject, this.body, this.link, unitId);
	}

	private static Set<String> copy(Collection<String> ids) {
		Set<String> copy = new LinkedHashSet<>();
		if (ids != null) {
			ids.stream().filter((id) -> id != null && !id.isBlank()).map(String::trim).forEach(copy::add);
		}
		return Set.copyOf(copy);
	}

}

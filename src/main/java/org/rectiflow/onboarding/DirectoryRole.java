package org.rectiflow.onboarding;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.rectiflow.identity.Groups;

/**
 * The roles a unit's person may have in its rectification, each a global workflow group (the groups belong to no unit;
 * the person does): the leadership consulted on the plan, the Party committee that approves it, the Party secretary
 * (第一责任人), the discipline committee and the rectification office. Written in a directory by their Chinese label,
 * a few usual synonyms, or the group id.
 */
public enum DirectoryRole {

	LEADERS(Groups.LEADERS, "领导班子", "班子成员", "校领导", "领导"),
	PARTY_COMMITTEE(Groups.PARTY_COMMITTEE, "党委委员", "党委"),
	PARTY_SECRETARY(Groups.PARTY_SECRETARY, "党委书记", "书记"),
	DISCIPLINE(Groups.DISCIPLINE, "纪委", "纪检"),
	RECTIFICATION_OFFICE(Groups.RECTIFICATION_OFFICE, "整改办", "巡察整改办公室");

	private final String groupId;

	private final String[] labels;

	DirectoryRole(String groupId, String... labels) {
		this.groupId = groupId;
		this.labels = labels;
	}

	public String groupId() {
		return this.groupId;
	}

	/** The Chinese label a directory workbook uses, e.g. 领导班子. */
	public String label() {
		return this.labels[0];
	}

	/** The message key of the role's name in the person's language. */
	public String messageKey() {
		return "onboarding.role." + this.groupId;
	}

	public static Optional<DirectoryRole> parse(String text) {
		String t = (text == null) ? "" : text.strip();
		return Arrays.stream(values())
			.filter((r) -> r.groupId.equalsIgnoreCase(t) || r.name().equalsIgnoreCase(t.replace(' ', '_'))
					|| Arrays.asList(r.labels).contains(t) || r.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(t.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

}

package org.rectiflow.identity;

/**
 * Who may open which page or API, as {@code @PreAuthorize} expressions over the groups; what they then see of the
 * tasks is {@link Viewer}'s business. One place, so the test matrix and the code name the same roles.
 */
public final class Roles {

	/** The rectification office, the discipline committee, the Party secretary and administrators: the whole unit. */
	public static final String OVERSIGHT = "hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_discipline', "
			+ "'GROUP_partySecretary', 'GROUP_camunda-admin')";

	/** Those who sit in the progress meeting (调度会): oversight, the Party committee and the leaders. */
	public static final String PROGRESS_MEETING = "hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_discipline', "
			+ "'GROUP_partySecretary', 'GROUP_camunda-admin', 'GROUP_partyCommittee', 'GROUP_leaders')";

	/** The plan as a whole and the unit's charts: the progress meeting's members and the inspection office. */
	public static final String LEDGER = "hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_discipline', "
			+ "'GROUP_partySecretary', 'GROUP_camunda-admin', 'GROUP_partyCommittee', 'GROUP_leaders', "
			+ "'GROUP_inspectionOffice')";

	/** The charts of the whole unit. */
	public static final String DASHBOARD = LEDGER;

	/** Reports, review opinions, rules and plan opinions: the dashboard's readers. */
	public static final String REPORTS = DASHBOARD;

	private Roles() {
	}

}

package org.rectiflow.identity;

/**
 * Who may open which page or API, as {@code @PreAuthorize} expressions over the groups; what they then see of the
 * tasks is {@link Viewer}'s business. One place, so the test matrix and the code name the same roles.
 */
public final class Roles {

	/** The rectification office, the discipline committee, the Party committee and administrators: the whole unit. */
	public static final String OVERSIGHT = "hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_discipline', "
			+ "'GROUP_partyCommittee', 'GROUP_camunda-admin')";

	/** Those who oversee, and the inspection office, with which the plan is filed: the whole ledger. */
	public static final String LEDGER = "hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_discipline', "
			+ "'GROUP_partyCommittee', 'GROUP_camunda-admin', 'GROUP_inspectionOffice')";

	/** Those who sit in the progress meeting (调度会): oversight and the leaders. */
	public static final String PROGRESS_MEETING = "hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_discipline', "
			+ "'GROUP_partyCommittee', 'GROUP_camunda-admin', 'GROUP_leaders')";

	/** The charts of the whole unit: the progress meeting's members and the inspection office. */
	public static final String DASHBOARD = "hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_discipline', "
			+ "'GROUP_partyCommittee', 'GROUP_camunda-admin', 'GROUP_leaders', 'GROUP_inspectionOffice')";

	/** Reports, review opinions, rules and plan opinions: the dashboard's readers. */
	public static final String REPORTS = DASHBOARD;

	private Roles() {
	}

}

package org.rectiflow.identity;

/** Camunda group ids of the roles that take part in every rectification; departments are in {@link Department}. */
public final class Groups {

	public static final String PARTY_COMMITTEE = "partyCommittee";

	public static final String LEADERS = "leaders";

	/** 党委书记: answers for the whole rectification (第一责任人), so sees all of it; the other members do not. */
	public static final String PARTY_SECRETARY = "partySecretary";

	public static final String DISCIPLINE = "discipline";

	public static final String RECTIFICATION_OFFICE = "rectificationOffice";

	public static final String INSPECTION_OFFICE = "inspectionOffice";

	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Group type of the workflow roles above. */
	public static final String TYPE_WORKFLOW = "WORKFLOW";

	/** Group type of the departments. */
	public static final String TYPE_DEPARTMENT = "DEPARTMENT";

	/** Group type of the inspecting body's inspection groups (巡察组), one per group of a round (round/Rounds). */
	public static final String TYPE_INSPECTION_GROUP = "INSPECTION_GROUP";

	private Groups() {
	}

}

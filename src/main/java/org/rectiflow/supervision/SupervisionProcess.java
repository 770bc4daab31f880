package org.rectiflow.supervision;

/** Ids and variable names of {@code processes/supervision.bpmn}; see docs/processes.md. */
public final class SupervisionProcess {

	public static final String PROCESS_KEY = "supervisionProcess";

	public static final String SERVICE_TASK_PREPARE_SELF_CHECK = "serviceTask_prepareSelfCheck";

	public static final String USER_TASK_SELF_CHECK = "userTask_selfCheck";

	public static final String USER_TASK_RECORD_ON_SITE_VISIT = "userTask_recordOnSiteVisit";

	public static final String USER_TASK_SUPERVISION_SUMMARY = "userTask_supervisionSummary";

	public static final String END_SUPERVISION_COMPLETED = "endEvent_supervisionCompleted";

	public static final String START_CRITICISM_REQUESTED = "startEvent_criticismRequested";

	public static final String SERVICE_TASK_RECORD_CRITICISM_NOTICE = "serviceTask_recordCriticismNotice";

	public static final String END_CRITICISM_ISSUED = "endEvent_criticismIssued";

	public static final String MESSAGE_CRITICISM_REQUESTED = "criticismRequested";

	public static final String VAR_INSPECTION_ID = "inspectionId";

	public static final String VAR_LEAD_DEPARTMENTS = "leadDepartments";

	public static final String VAR_DEPARTMENT = "department";

	public static final String VAR_SELF_CHECK_REPORT = "selfCheckReport";

	public static final String VAR_VISIT_DEPARTMENT = "visitDepartment";

	public static final String VAR_VISIT_DATE = "visitDate";

	public static final String VAR_VISIT_RECORD = "visitRecord";

	public static final String VAR_MORE_VISITS = "moreVisits";

	public static final String VAR_SUPERVISION_SUMMARY = "supervisionSummary";

	public static final String VAR_CRITICISM_NOTICE_ID = "criticismNoticeId";

	private SupervisionProcess() {
	}

}

package org.rectiflow.plan;

/** Ids and variable names of {@code processes/rectification.bpmn}; see docs/processes.md. */
public final class RectificationProcess {

	public static final String PROCESS_KEY = "rectificationProcess";

	public static final String START_FEEDBACK_REGISTERED = "startEvent_feedbackRegistered";

	public static final String USER_TASK_DRAFT_PLAN = "userTask_draftPlan";

	public static final String USER_TASK_SOLICIT_OPINIONS = "userTask_solicitOpinions";

	public static final String USER_TASK_COMMITTEE_APPROVAL = "userTask_committeeApproval";

	public static final String USER_TASK_FILE_WITH_INSPECTION_OFFICE = "userTask_fileWithInspectionOffice";

	/** Reached only when the inspection office accepts the filing: when it was reached is when the plan was filed. */
	public static final String GATEWAY_START_RECTIFICATION = "parallelGateway_startRectification";

	public static final String SERVICE_TASK_START_RECTIFICATION_TASKS = "serviceTask_startRectificationTasks";

	public static final String CATCH_ALL_TASKS_SETTLED = "intermediateCatchEvent_allTasksSettled";

	public static final String CALL_ACTIVITY_SUPERVISION = "callActivity_supervision";

	public static final String USER_TASK_DRAFT_SUMMARY_REPORT = "userTask_draftSummaryReport";

	public static final String USER_TASK_REVIEW_COMPLETION = "userTask_reviewCompletion";

	public static final String SERVICE_TASK_REPORT_TO_INSPECTION_OFFICE = "serviceTask_reportToInspectionOffice";

	public static final String USER_TASK_REVIEW_REPORT = "userTask_reviewReport";

	public static final String SERVICE_TASK_REOPEN_TASKS = "serviceTask_reopenTasks";

	public static final String CATCH_REOPENED_TASKS_SETTLED = "intermediateCatchEvent_reopenedTasksSettled";

	public static final String USER_TASK_PUBLISH_PUBLIC_REPORT = "userTask_publishPublicReport";

	public static final String USER_TASK_APPROVE_PUBLICATION = "userTask_approvePublication";

	public static final String GATEWAY_PUBLICATION_DECISION = "exclusiveGateway_publicationDecision";

	public static final String SERVICE_TASK_PUBLISH_PUBLIC_REPORT = "serviceTask_publishPublicReport";

	public static final String SERVICE_TASK_CLOSE_INSPECTION = "serviceTask_closeInspection";

	public static final String TIMER_LOOK_BACK_DUE = "intermediateCatchEvent_lookBackDue";

	public static final String USER_TASK_LOOK_BACK = "userTask_lookBack";

	public static final String SERVICE_TASK_REOPEN_AFTER_LOOK_BACK = "serviceTask_reopenAfterLookBack";

	public static final String END_CLOSED = "endEvent_closed";

	public static final String END_CLOSED_WITH_REOPENED_TASKS = "endEvent_closedWithReopenedTasks";

	public static final String MESSAGE_ALL_TASKS_SETTLED = "allTasksSettled";

	public static final String VAR_INSPECTION_ID = "inspectionId";

	public static final String VAR_INSPECTION_TITLE = "inspectionTitle";

	public static final String VAR_UNIT_NAME = "unitName";

	public static final String VAR_LEADERS = "leaders";

	public static final String VAR_LEADER = "leader";

	public static final String VAR_LOOK_BACK_PERIOD = "lookBackPeriod";

	public static final String VAR_PROBLEM_COUNT = "problemCount";

	public static final String VAR_TASK_COUNT = "taskCount";

	public static final String VAR_PLAN_SUMMARY = "planSummary";

	public static final String VAR_OPINION = "opinion";

	public static final String VAR_COMMITTEE_DECISION = "committeeDecision";

	public static final String VAR_COMMITTEE_REASON = "committeeReason";

	public static final String VAR_FILING_DECISION = "filingDecision";

	public static final String VAR_FILING_OPINION = "filingOpinion";

	public static final String VAR_SUMMARY_REPORT = "summaryReport";

	public static final String VAR_COMPLETION_DECISION = "completionDecision";

	public static final String VAR_COMPLETION_REASON = "completionReason";

	public static final String VAR_REVIEW_DECISION = "reviewDecision";

	public static final String VAR_REVIEW_OPINION = "reviewOpinion";

	public static final String VAR_REOPEN_TASK_CODES = "reopenTaskCodes";

	public static final String VAR_CONTACT_LINE = "contactLine";

	public static final String VAR_PUBLIC_REPORT_CONFIRMED = "publicReportConfirmed";

	public static final String VAR_PUBLICATION_DECISION = "publicationDecision";

	public static final String VAR_PUBLICATION_REASON = "publicationReason";

	public static final String VAR_LOOK_BACK_DECISION = "lookBackDecision";

	public static final String VAR_LOOK_BACK_FINDINGS = "lookBackFindings";

	public static final String APPROVE = "approve";

	public static final String RETURN = "return";

	public static final String ACCEPT = "accept";

	public static final String REOPEN = "reopen";

	public static final String CONFIRMED = "confirmed";

	public static final String RELAPSED = "relapsed";

	private RectificationProcess() {
	}

}

package org.rectiflow.task;

/** Ids and variable names of {@code processes/rectification-task.bpmn}; see docs/processes.md. */
public final class RectificationTaskProcess {

	public static final String PROCESS_KEY = "rectificationTaskProcess";

	public static final String START_TASK_ASSIGNED = "startEvent_taskAssigned";

	public static final String USER_TASK_SUBMIT_EVIDENCE = "userTask_submitEvidence";

	public static final String BOUNDARY_DEADLINE_PASSED = "boundaryEvent_deadlinePassed";

	public static final String SERVICE_TASK_MARK_OVERDUE = "serviceTask_markOverdue";

	public static final String USER_TASK_LEADER_REVIEW = "userTask_leaderReview";

	public static final String USER_TASK_ON_SITE_SUPERVISION = "userTask_onSiteSupervision";

	public static final String USER_TASK_CLOSE_OFF = "userTask_closeOff";

	public static final String SERVICE_TASK_RECORD_OUTCOME = "serviceTask_recordOutcome";

	public static final String END_CLOSED_OFF = "endEvent_closedOff";

	public static final String TIMER_STAGE_REPORT_DUE = "intermediateCatchEvent_stageReportDue";

	public static final String USER_TASK_REPORT_STAGE_RESULTS = "userTask_reportStageResults";

	public static final String VAR_INSPECTION_ID = "inspectionId";

	public static final String VAR_INSPECTION_TITLE = "inspectionTitle";

	public static final String VAR_TASK_ID = "rectificationTaskId";

	public static final String VAR_TASK_CODE = "taskCode";

	public static final String VAR_TASK_TITLE = "taskTitle";

	public static final String VAR_PROBLEM_TITLE = "problemTitle";

	public static final String VAR_MEASURES = "measures";

	public static final String VAR_LEAD_DEPARTMENT = "leadDepartment";

	public static final String VAR_LEAD_DEPARTMENT_NAME = "leadDepartmentName";

	public static final String VAR_RESPONSIBLE_LEADER = "responsibleLeader";

	public static final String VAR_RESPONSIBLE_LEADER_NAME = "responsibleLeaderName";

	public static final String VAR_DEADLINE = "deadline";

	public static final String VAR_DUE_AT = "dueAt";

	public static final String VAR_STAGE_REPORT_PERIOD = "stageReportPeriod";

	public static final String VAR_EVIDENCE_SUMMARY = "evidenceSummary";

	public static final String VAR_LAST_RETURN_REASON = "lastReturnReason";

	public static final String VAR_PROGRESS_REPORT = "progressReport";

	public static final String VAR_LEADER_DECISION = "leaderDecision";

	public static final String VAR_LEADER_REASON = "leaderReason";

	public static final String VAR_SUPERVISION_DECISION = "supervisionDecision";

	public static final String VAR_SUPERVISION_FINDINGS = "supervisionFindings";

	/** On-site sign-off: when and where the committee checked, who took part, what was checked. */
	public static final String VAR_VISIT_DATE = "visitDate";

	public static final String VAR_VISIT_PLACE = "visitPlace";

	public static final String VAR_VISIT_PARTICIPANTS = "visitParticipants";

	public static final String VAR_CHECKED_ITEMS = "checkedItems";

	public static final String VAR_OUTCOME = "outcome";

	public static final String VAR_CLOSE_OFF_NOTE = "closeOffNote";

	public static final String VAR_STAGE_MEASURES = "stageMeasures";

	public static final String VAR_STAGE_RESULTS = "stageResults";

	public static final String VAR_COMPLETION_CLAIMED = "completionClaimed";

	public static final String ACCEPT = "accept";

	public static final String RETURN = "return";

	/** Priority of a task whose deadline has passed (Camunda's default is 50). */
	public static final int OVERDUE_PRIORITY = 80;

	private RectificationTaskProcess() {
	}

}

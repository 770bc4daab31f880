package org.rectiflow.task;

import java.util.Set;

/** Ids and variable names of {@code processes/rectification-task.bpmn}; see docs/processes.md. */
public final class RectificationTaskProcess {

	public static final String PROCESS_KEY = "rectificationTaskProcess";

	public static final String START_TASK_ASSIGNED = "startEvent_taskAssigned";

	/** The department's part, timed: re-entered on every return and on every approved extension. */
	public static final String SUB_PROCESS_CARRY_OUT = "subProcess_carryOut";

	public static final String USER_TASK_SUBMIT_EVIDENCE = "userTask_submitEvidence";

	public static final String END_EVIDENCE_HANDED_IN = "endEvent_evidenceHandedIn";

	public static final String BOUNDARY_REMINDER_DUE = "boundaryEvent_reminderDue";

	public static final String SERVICE_TASK_SEND_REMINDER = "serviceTask_sendReminder";

	public static final String BOUNDARY_DEADLINE_PASSED = "boundaryEvent_deadlinePassed";

	public static final String SERVICE_TASK_MARK_OVERDUE = "serviceTask_markOverdue";

	public static final String TIMER_GRACE_EXPIRED = "intermediateCatchEvent_graceExpired";

	public static final String END_CRITICISM_DUE = "endEvent_criticismDue";

	public static final String END_CRITICISM_ALREADY_DECIDED = "endEvent_criticismAlreadyDecided";

	public static final String BOUNDARY_EXTENSION_REQUESTED = "boundaryEvent_extensionRequested";

	public static final String USER_TASK_DECIDE_EXTENSION = "userTask_decideExtension";

	public static final String END_DEADLINE_EXTENDED = "endEvent_deadlineExtended";

	public static final String END_EXTENSION_REFUSED = "endEvent_extensionRefused";

	public static final String BOUNDARY_RESTART_WITH_NEW_DEADLINE = "boundaryEvent_deadlineExtended";

	public static final String BOUNDARY_CRITICISM_DUE = "boundaryEvent_criticismDue";

	public static final String USER_TASK_DECIDE_CRITICISM = "userTask_decideCriticism";

	public static final String END_CRITICISM_DECIDED = "endEvent_criticismDecided";

	/** Steps beside the main line: they never say where the task stands. */
	public static final Set<String> SIDE_STEPS = Set.of(USER_TASK_DECIDE_EXTENSION,
			USER_TASK_DECIDE_CRITICISM);

	public static final String MESSAGE_EXTENSION_REQUESTED = "extensionRequested";

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

	/** When the reminder fires: a configured number of working days before the deadline, 09:00. */
	public static final String VAR_REMIND_AT = "remindAt";

	/** When a still-missing submission goes to the discipline committee: working days of grace after the deadline. */
	public static final String VAR_GRACE_ENDS_AT = "graceEndsAt";

	public static final String VAR_EXTENSION_ID = "extensionId";

	public static final String VAR_REQUESTED_DEADLINE = "requestedDeadline";

	public static final String VAR_EXTENSION_REASON = "extensionReason";

	public static final String VAR_EXTENSION_REQUESTED_BY_NAME = "extensionRequestedByName";

	public static final String VAR_EXTENSION_DECISION = "extensionDecision";

	public static final String VAR_EXTENSION_OPINION = "extensionOpinion";

	public static final String VAR_OVERDUE_DAYS = "overdueDays";

	public static final String VAR_CRITICISM_DECISION = "criticismDecision";

	public static final String VAR_CRITICISM_REASON = "criticismReason";

	public static final String APPROVE = "approve";

	public static final String REFUSE = "refuse";

	public static final String ISSUE = "issue";

	public static final String WAIVE = "waive";

	/**
	 * {@code criticismDecision} until the discipline committee decides: every instance starts with it, so the gateway
	 * after the grace period compares a value instead of asking whether the variable exists.
	 */
	public static final String UNDECIDED = "none";

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

	/** Close-off's effectiveness evaluation: GOOD, FAIRLY_GOOD, FAIR or POOR, and what the grade rests on. */
	public static final String VAR_EFFECTIVENESS_GRADE = "effectivenessGrade";

	public static final String VAR_EFFECTIVENESS_BASIS = "effectivenessBasis";

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

package org.rectiflow.commonproblem;

/** Ids and variable names of {@code processes/common-problem-notice.bpmn}; see docs/processes.md. */
public final class CommonProblemNoticeProcess {

	public static final String PROCESS_KEY = "commonProblemNoticeProcess";

	public static final String START_NOTICE_RECEIVED = "startEvent_noticeReceived";

	public static final String USER_TASK_ANSWER_SELF_CHECK = "userTask_answerSelfCheck";

	public static final String BOUNDARY_ANSWER_DEADLINE_PASSED = "boundaryEvent_answerDeadlinePassed";

	public static final String SERVICE_TASK_MARK_ANSWER_OVERDUE = "serviceTask_markAnswerOverdue";

	public static final String END_ANSWER_OVERDUE_NOTIFIED = "endEvent_answerOverdueNotified";

	public static final String USER_TASK_REVIEW_ANSWER = "userTask_reviewAnswer";

	public static final String END_ANSWER_ACCEPTED = "endEvent_answerAccepted";

	/** The unit the instance runs for: its tenant id (engine/UnitTenantsPlugin reads it at start). */
	public static final String VAR_UNIT_ID = "unitId";

	public static final String VAR_UNIT_NAME = "unitName";

	public static final String VAR_NOTICE_ID = "noticeId";

	public static final String VAR_NOTICE_TITLE = "noticeTitle";

	public static final String VAR_PROBLEM_TEXT = "problemText";

	public static final String VAR_REQUIREMENT = "requirement";

	/** The deadline as people read it, {@code yyyy-MM-dd}. */
	public static final String VAR_DEADLINE = "deadline";

	/** The end of the deadline day (java.util.Date): the timer's date. */
	public static final String VAR_DUE_AT = "dueAt";

	public static final String VAR_SAME_PROBLEM = "sameProblem";

	public static final String VAR_SELF_CHECK_FINDING = "selfCheckFinding";

	public static final String VAR_SELF_CHECK_MEASURES = "selfCheckMeasures";

	public static final String VAR_ANSWER_DECISION = "answerDecision";

	public static final String VAR_ANSWER_RETURN_REASON = "answerReturnReason";

	public static final String ACCEPT = "accept";

	public static final String RETURN = "return";

	private CommonProblemNoticeProcess() {
	}

}

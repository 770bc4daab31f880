package org.rectiflow.recheck;

/** Ids and variable names of {@code processes/re-check.bpmn}; see docs/processes.md. */
public final class ReCheckProcess {

	public static final String PROCESS_KEY = "reCheckProcess";

	public static final String START_TASK_DRAWN = "startEvent_taskDrawn";

	public static final String USER_TASK_RE_CHECK = "userTask_reCheck";

	public static final String SERVICE_TASK_REOPEN_TASK = "serviceTask_reopenTask";

	/** Asynchronous: runs once the reopened task's new instance is committed, so that it can be found. */
	public static final String SERVICE_TASK_TELL_DEPARTMENT = "serviceTask_tellDepartment";

	public static final String END_CLOSE_OFF_CONFIRMED = "endEvent_closeOffConfirmed";

	public static final String END_TASK_REOPENED = "endEvent_taskReopened";

	/** The drawn task's inspection: gives the instance its unit's tenant (engine/UnitTenantsPlugin). */
	public static final String VAR_INSPECTION_ID = "inspectionId";

	public static final String VAR_UNIT_ID = "unitId";

	public static final String VAR_UNIT_NAME = "unitName";

	public static final String VAR_DRAW_ID = "drawId";

	public static final String VAR_TASK_ID = "reCheckedTaskId";

	public static final String VAR_TASK_CODE = "reCheckedTaskCode";

	public static final String VAR_TASK_TITLE = "reCheckedTaskTitle";

	public static final String VAR_LEAD_DEPARTMENT_NAME = "reCheckedLeadDepartmentName";

	public static final String VAR_OUTCOME = "reCheckOutcome";

	public static final String VAR_FINDING = "reCheckFinding";

	public static final String PASSED = "passed";

	public static final String FAILED = "failed";

	private ReCheckProcess() {
	}

}

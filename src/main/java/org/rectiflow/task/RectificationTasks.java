package org.rectiflow.task;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/**
 * Who works on a {@code rectificationTaskProcess} instance, read from the ledger row its business key names, for the
 * BPMN's assignments: {@code camunda:assignee="${rectificationTasks.responsibleLeader(execution)}"} and
 * {@code camunda:candidateGroups="${rectificationTasks.leadDepartment(execution)}"}. The variables
 * {@code responsibleLeader} and {@code leadDepartment} stay for Tasklist to show; nothing decides on them. The row is
 * the one the step's own listeners have just read, so this costs no database statement.
 */
@Component("rectificationTasks")
public class RectificationTasks {

	private final RectificationTaskService tasks;

	RectificationTasks(RectificationTaskService tasks) {
		this.tasks = tasks;
	}

	/** The responsible leader, who reviews the department's work and decides its extension requests. */
	public String responsibleLeader(DelegateExecution execution) {
		return this.tasks.get(BusinessKey.of(execution)).getResponsibleLeader();
	}

	/** The lead department (a group id), whose members submit the evidence and the stage reports. */
	public String leadDepartment(DelegateExecution execution) {
		return this.tasks.get(BusinessKey.of(execution)).getLeadDepartment();
	}

}

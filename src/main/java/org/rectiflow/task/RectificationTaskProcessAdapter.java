package org.rectiflow.task;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The only class that talks to the engine about {@code rectificationTaskProcess} instances (business key = task id).
 */
@Component
public class RectificationTaskProcessAdapter {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	RectificationTaskProcessAdapter(RuntimeService runtimeService, TaskService taskService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	/** What a task instance needs to explain itself to the people working on it. */
	public record StartContext(String inspectionTitle, String problemTitle, String measures, String leadDepartmentName,
			String responsibleLeaderName, Instant dueAt, String stageReportPeriod, String evidenceSummary) {
	}

	public ProcessInstance start(RectificationTask task, StartContext context) {
		Map<String, Object> variables = Variables.createVariables()
			.putValue(RectificationTaskProcess.VAR_INSPECTION_ID, task.getInspectionId())
			.putValue(RectificationTaskProcess.VAR_INSPECTION_TITLE, context.inspectionTitle())
			.putValue(RectificationTaskProcess.VAR_TASK_ID, task.getId())
			.putValue(RectificationTaskProcess.VAR_TASK_CODE, task.getCode())
			.putValue(RectificationTaskProcess.VAR_TASK_TITLE, task.getTitle())
			.putValue(RectificationTaskProcess.VAR_PROBLEM_TITLE, context.problemTitle())
			.putValue(RectificationTaskProcess.VAR_MEASURES, context.measures())
			.putValue(RectificationTaskProcess.VAR_LEAD_DEPARTMENT, task.getLeadDepartment())
			.putValue(RectificationTaskProcess.VAR_LEAD_DEPARTMENT_NAME, context.leadDepartmentName())
			.putValue(RectificationTaskProcess.VAR_RESPONSIBLE_LEADER, task.getResponsibleLeader())
			.putValue(RectificationTaskProcess.VAR_RESPONSIBLE_LEADER_NAME, context.responsibleLeaderName())
			.putValue(RectificationTaskProcess.VAR_DEADLINE, task.getDeadline().toString())
			.putValue(RectificationTaskProcess.VAR_DUE_AT, Date.from(context.dueAt()))
			.putValue(RectificationTaskProcess.VAR_STAGE_REPORT_PERIOD, context.stageReportPeriod())
			.putValue(RectificationTaskProcess.VAR_EVIDENCE_SUMMARY, context.evidenceSummary())
			.putValue(RectificationTaskProcess.VAR_LAST_RETURN_REASON, "");
		return this.runtimeService.startProcessInstanceByKey(RectificationTaskProcess.PROCESS_KEY,
				String.valueOf(task.getId()), variables);
	}

	public boolean isRunning(Long taskId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.count() > 0;
	}

	/** Ends a running instance, e.g. a long-term cycle that the inspection office reopened. */
	public void cancel(Long taskId, String reason) {
		this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.forEach((pi) -> this.runtimeService.deleteProcessInstance(pi.getId(), reason));
	}

	/** Keeps the evidence summary shown in the forms current after an upload. */
	public void updateEvidenceSummary(Long taskId, String summary) {
		instanceIds(taskId).forEach((id) -> this.runtimeService.setVariable(id,
				RectificationTaskProcess.VAR_EVIDENCE_SUMMARY, summary));
	}

	/** Raises the priority of the task's open user tasks once its deadline has passed. */
	public void raisePriority(Long taskId) {
		this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.forEach((t) -> this.taskService.setPriority(t.getId(), RectificationTaskProcess.OVERDUE_PRIORITY));
	}

	/** The definition key of the user task the instance waits at, if any: what the ledger shows as "where it is". */
	public Optional<String> currentStep(Long taskId) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.findFirst();
	}

	private List<String> instanceIds(Long taskId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(taskId))
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
	}

}

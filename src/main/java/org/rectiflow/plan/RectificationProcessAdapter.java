package org.rectiflow.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.rectiflow.inspection.Inspection;
import org.springframework.stereotype.Component;

/**
 * The only class that talks to the engine about {@code rectificationProcess} instances (business key = inspection id).
 */
@Component
public class RectificationProcessAdapter {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	RectificationProcessAdapter(RuntimeService runtimeService, TaskService taskService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	public ProcessInstance start(Inspection inspection, List<String> leaders, String lookBackPeriod, long problemCount,
			long taskCount) {
		Map<String, Object> variables = Variables.createVariables()
			.putValue(RectificationProcess.VAR_INSPECTION_ID, inspection.getId())
			.putValue(RectificationProcess.VAR_INSPECTION_TITLE, inspection.getTitle())
			.putValue(RectificationProcess.VAR_UNIT_NAME, inspection.getUnitName())
			.putValue(RectificationProcess.VAR_LEADERS, new ArrayList<>(leaders))
			.putValue(RectificationProcess.VAR_LOOK_BACK_PERIOD, lookBackPeriod)
			.putValue(RectificationProcess.VAR_PROBLEM_COUNT, (int) problemCount)
			.putValue(RectificationProcess.VAR_TASK_COUNT, (int) taskCount);
		return this.runtimeService.startProcessInstanceByKey(RectificationProcess.PROCESS_KEY,
				String.valueOf(inspection.getId()), variables);
	}

	/**
	 * Tells the instance that every task is settled. Correlates only where the instance waits for it (after filing,
	 * or after a reopen); at any other time there is nothing to tell, and nothing happens.
	 */
	public void notifyAllTasksSettled(Long inspectionId) {
		this.runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_ALL_TASKS_SETTLED)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.correlateAllWithResult();
	}

	public boolean isRunning(Long inspectionId) {
		return instance(inspectionId).isPresent();
	}

	public Optional<ProcessInstance> instance(Long inspectionId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.list()
			.stream()
			.findFirst();
	}

	/** The user tasks the instance waits at, e.g. one per consulted leader during opinion solicitation. */
	public List<Task> openTasks(Long inspectionId) {
		return this.taskService.createTaskQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.initializeFormKeys()
			.list();
	}

	public void updateCounts(Long inspectionId, long problemCount, long taskCount) {
		instance(inspectionId).ifPresent((pi) -> {
			this.runtimeService.setVariable(pi.getId(), RectificationProcess.VAR_PROBLEM_COUNT, (int) problemCount);
			this.runtimeService.setVariable(pi.getId(), RectificationProcess.VAR_TASK_COUNT, (int) taskCount);
		});
	}

}

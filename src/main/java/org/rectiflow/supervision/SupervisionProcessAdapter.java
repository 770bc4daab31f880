package org.rectiflow.supervision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.rectiflow.engine.EngineCommands;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Units;
import org.springframework.stereotype.Component;

/** The only class that talks to the engine about {@code supervisionProcess} instances (business key = inspection id). */
@Component
public class SupervisionProcessAdapter {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final EngineCommands commands;

	private final Units units;

	SupervisionProcessAdapter(RuntimeService runtimeService, TaskService taskService, EngineCommands commands,
			Units units) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.commands = commands;
		this.units = units;
	}

	public boolean isRunning(Long inspectionId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(SupervisionProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.count() > 0;
	}

	/** Hands a recorded criticism notice to the running supervision, which issues it. */
	public void requestCriticism(Long inspectionId, Long noticeId) {
		if (!isRunning(inspectionId)) {
			throw new RectiflowException.Conflict("error.criticism.noSupervision");
		}
		this.runtimeService.createMessageCorrelation(SupervisionProcess.MESSAGE_CRITICISM_REQUESTED)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.setVariable(SupervisionProcess.VAR_CRITICISM_NOTICE_ID, noticeId)
			.correlateWithResult();
	}

	/**
	 * Completes a step of the inspection's supervision as this person, with the engine checking that they may (the
	 * portal's step page): the step must be one the supervision waits at.
	 */
	public void complete(Long inspectionId, String engineTaskId, String userId, List<String> groupIds,
			Map<String, Object> variables) {
		boolean ours = this.taskService.createTaskQuery()
			.taskId(engineTaskId)
			.processDefinitionKey(SupervisionProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.count() > 0;
		if (!ours) {
			throw new RectiflowException.Conflict("error.step.gone");
		}
		this.commands.completeAs(engineTaskId, userId, groupIds, this.units.tenantIds(userId), variables);
	}

}

package org.rectiflow.supervision;

import org.camunda.bpm.engine.RuntimeService;
import org.rectiflow.system.RectiflowException;
import org.springframework.stereotype.Component;

/** The only class that talks to the engine about {@code supervisionProcess} instances (business key = inspection id). */
@Component
public class SupervisionProcessAdapter {

	private final RuntimeService runtimeService;

	SupervisionProcessAdapter(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
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

}

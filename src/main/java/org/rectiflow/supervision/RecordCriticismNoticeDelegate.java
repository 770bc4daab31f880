package org.rectiflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_recordCriticismNotice}: the notice requested through the portal or API is issued. */
@Component("recordCriticismNoticeDelegate")
class RecordCriticismNoticeDelegate implements JavaDelegate {

	private final SupervisionService supervision;

	RecordCriticismNoticeDelegate(SupervisionService supervision) {
		this.supervision = supervision;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.supervision.publishCriticism(
				((Number) execution.getVariable(SupervisionProcess.VAR_CRITICISM_NOTICE_ID)).longValue());
	}

}

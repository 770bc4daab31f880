package org.rectiflow.recheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_reopenTask}: a failed re-check reopens the task in its unit. */
@Component("reopenReCheckedTaskDelegate")
class ReopenReCheckedTaskDelegate implements JavaDelegate {

	private final ReCheckService service;

	ReopenReCheckedTaskDelegate(ReCheckService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.service.reopen(BusinessKey.of(execution));
	}

}

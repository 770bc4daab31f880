package org.rectiflow.recheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_tellDepartment}: the department of a reopened task reads the re-check's finding. */
@Component("tellDepartmentOfReCheckDelegate")
class TellDepartmentOfReCheckDelegate implements JavaDelegate {

	private final ReCheckService service;

	TellDepartmentOfReCheckDelegate(ReCheckService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.service.tellDepartment(BusinessKey.of(execution));
	}

}

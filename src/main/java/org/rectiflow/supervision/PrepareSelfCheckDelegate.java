package org.rectiflow.supervision;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_prepareSelfCheck}: every lead department gets a self-check. */
@Component("prepareSelfCheckDelegate")
class PrepareSelfCheckDelegate implements JavaDelegate {

	private final SupervisionService supervision;

	PrepareSelfCheckDelegate(SupervisionService supervision) {
		this.supervision = supervision;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long inspectionId = BusinessKey.of(execution);
		execution.setVariable(SupervisionProcess.VAR_LEAD_DEPARTMENTS,
				new ArrayList<>(this.supervision.leadDepartments(inspectionId)));
	}

}

package org.rectiflow.commonproblem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/** {@code serviceTask_markAnswerOverdue}: the deadline passed without an answer; the step stays open. */
@Component("commonProblemOverdueDelegate")
class CommonProblemOverdueDelegate implements JavaDelegate {

	private final CommonProblemService service;

	CommonProblemOverdueDelegate(CommonProblemService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.service.markOverdue(BusinessKey.of(execution));
	}

}

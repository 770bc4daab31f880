package org.rectiflow.commonproblem;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_answerSelfCheck} complete: keeps the unit's self-check answer for the office's review. */
@Component("commonProblemAnswerListener")
class CommonProblemAnswerListener extends ValidatingTaskListener {

	private final CommonProblemService service;

	CommonProblemAnswerListener(Messages messages, CommonProblemService service) {
		super(messages);
		this.service = service;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		String sameProblem = required(task, CommonProblemNoticeProcess.VAR_SAME_PROBLEM);
		String finding = required(task, CommonProblemNoticeProcess.VAR_SELF_CHECK_FINDING);
		String measures = required(task, CommonProblemNoticeProcess.VAR_SELF_CHECK_MEASURES);
		this.service.recordAnswer(BusinessKey.of(task), sameProblem, finding, measures, Actors.completing(task));
	}

}

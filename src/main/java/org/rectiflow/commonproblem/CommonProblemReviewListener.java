package org.rectiflow.commonproblem;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.Actors;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_reviewAnswer} complete, after {@code ${decisionListener}} checked the decision and the reason of a
 * return: records the office's review; a returned answer goes back to the unit with the reason.
 */
@Component("commonProblemReviewListener")
class CommonProblemReviewListener extends ValidatingTaskListener {

	private final CommonProblemService service;

	CommonProblemReviewListener(Messages messages, CommonProblemService service) {
		super(messages);
		this.service = service;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		this.service.recordReview(BusinessKey.of(task), text(task, CommonProblemNoticeProcess.VAR_ANSWER_DECISION),
				text(task, CommonProblemNoticeProcess.VAR_ANSWER_RETURN_REASON), Actors.completing(task));
	}

}

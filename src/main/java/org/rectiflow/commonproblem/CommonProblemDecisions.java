package org.rectiflow.commonproblem;

import java.util.List;
import java.util.Set;

import org.rectiflow.system.DecisionListener;
import org.rectiflow.system.DecisionListener.Rule;
import org.springframework.stereotype.Component;

/** The decision task of the common-problem notice process, checked by {@code ${decisionListener}}: a return needs a reason. */
@Component
class CommonProblemDecisions implements DecisionListener.Rules {

	@Override
	public List<Rule> rules() {
		return List.of(new Rule(CommonProblemNoticeProcess.USER_TASK_REVIEW_ANSWER,
				CommonProblemNoticeProcess.VAR_ANSWER_DECISION,
				Set.of(CommonProblemNoticeProcess.ACCEPT, CommonProblemNoticeProcess.RETURN),
				Set.of(CommonProblemNoticeProcess.RETURN), CommonProblemNoticeProcess.VAR_ANSWER_RETURN_REASON, null));
	}

}

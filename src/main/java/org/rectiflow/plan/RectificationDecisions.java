package org.rectiflow.plan;

import java.util.List;
import java.util.Set;

import org.rectiflow.system.DecisionListener;
import org.rectiflow.system.DecisionListener.Rule;
import org.springframework.stereotype.Component;

/** The decision tasks of the rectification process, checked by {@code ${decisionListener}} on completion. */
@Component
class RectificationDecisions implements DecisionListener.Rules {

	@Override
	public List<Rule> rules() {
		return List.of(
				new Rule(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, RectificationProcess.VAR_COMMITTEE_DECISION,
						Set.of("approve", "return"), Set.of("return"), RectificationProcess.VAR_COMMITTEE_REASON, null),
				new Rule(RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE, RectificationProcess.VAR_FILING_DECISION,
						Set.of("accept", "return"), Set.of("return"), RectificationProcess.VAR_FILING_OPINION, null),
				new Rule(RectificationProcess.USER_TASK_REVIEW_COMPLETION, RectificationProcess.VAR_COMPLETION_DECISION,
						Set.of("approve", "return"), Set.of("return"), RectificationProcess.VAR_COMPLETION_REASON, null),
				new Rule(RectificationProcess.USER_TASK_REVIEW_REPORT, RectificationProcess.VAR_REVIEW_DECISION,
						Set.of("accept", "reopen"), Set.of("accept", "reopen"), RectificationProcess.VAR_REVIEW_OPINION, null),
				new Rule(RectificationProcess.USER_TASK_APPROVE_PUBLICATION, RectificationProcess.VAR_PUBLICATION_DECISION,
						Set.of("approve", "return"), Set.of("return"), RectificationProcess.VAR_PUBLICATION_REASON, null),
				new Rule(RectificationProcess.USER_TASK_LOOK_BACK, RectificationProcess.VAR_LOOK_BACK_DECISION,
						Set.of("confirmed", "relapsed"), Set.of("confirmed", "relapsed"),
						RectificationProcess.VAR_LOOK_BACK_FINDINGS, null));
	}

}

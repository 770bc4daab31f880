package org.rectiflow.task;

import java.util.List;
import java.util.Set;

import org.rectiflow.system.DecisionListener;
import org.rectiflow.system.DecisionListener.Rule;
import org.springframework.stereotype.Component;

/**
 * The decision tasks of a rectification task, checked by {@code ${decisionListener}} on completion. A return by the
 * leader or by on-site supervision keeps its reason as {@code lastReturnReason} for the department to read.
 */
@Component
class RectificationTaskDecisions implements DecisionListener.Rules {

	@Override
	public List<Rule> rules() {
		return List.of(
				new Rule(RectificationTaskProcess.USER_TASK_LEADER_REVIEW, RectificationTaskProcess.VAR_LEADER_DECISION,
						Set.of("accept", "return"), Set.of("return"), RectificationTaskProcess.VAR_LEADER_REASON,
						RectificationTaskProcess.VAR_LAST_RETURN_REASON),
				new Rule(RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION,
						RectificationTaskProcess.VAR_SUPERVISION_DECISION, Set.of("accept", "return"),
						Set.of("accept", "return"), RectificationTaskProcess.VAR_SUPERVISION_FINDINGS,
						RectificationTaskProcess.VAR_LAST_RETURN_REASON),
				new Rule(RectificationTaskProcess.USER_TASK_DECIDE_EXTENSION, RectificationTaskProcess.VAR_EXTENSION_DECISION,
						Set.of(RectificationTaskProcess.APPROVE, RectificationTaskProcess.REFUSE),
						Set.of(RectificationTaskProcess.REFUSE), RectificationTaskProcess.VAR_EXTENSION_OPINION, null),
				new Rule(RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM,
						RectificationTaskProcess.VAR_CRITICISM_DECISION,
						Set.of(RectificationTaskProcess.ISSUE, RectificationTaskProcess.WAIVE),
						Set.of(RectificationTaskProcess.ISSUE, RectificationTaskProcess.WAIVE),
						RectificationTaskProcess.VAR_CRITICISM_REASON, null),
				new Rule(RectificationTaskProcess.USER_TASK_CLOSE_OFF, RectificationTaskProcess.VAR_OUTCOME,
						Set.of("COMPLETED", "BASICALLY_COMPLETED", "LONG_TERM"), Set.of(),
						RectificationTaskProcess.VAR_CLOSE_OFF_NOTE, null));
	}

}

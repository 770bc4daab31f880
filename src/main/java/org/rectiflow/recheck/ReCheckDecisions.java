package org.rectiflow.recheck;

import java.util.List;
import java.util.Set;

import org.rectiflow.system.DecisionListener;
import org.rectiflow.system.DecisionListener.Rule;
import org.springframework.stereotype.Component;

/** The decision task of the re-check process: passed or failed, each with a finding. */
@Component
class ReCheckDecisions implements DecisionListener.Rules {

	@Override
	public List<Rule> rules() {
		Set<String> outcomes = Set.of(ReCheckProcess.PASSED, ReCheckProcess.FAILED);
		return List.of(new Rule(ReCheckProcess.USER_TASK_RE_CHECK, ReCheckProcess.VAR_OUTCOME, outcomes, outcomes,
				ReCheckProcess.VAR_FINDING, null));
	}

}

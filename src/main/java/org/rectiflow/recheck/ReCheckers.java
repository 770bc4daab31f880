package org.rectiflow.recheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.system.BusinessKey;
import org.springframework.stereotype.Component;

/**
 * {@code ${reCheckers.groupOf(execution)}}: the candidate group of {@code userTask_reCheck}, found from the re-check
 * row the business key names (its unit), never from a variable.
 */
@Component("reCheckers")
public class ReCheckers {

	private final ReCheckRepository reChecks;

	private final ReCheckGroups groups;

	ReCheckers(ReCheckRepository reChecks, ReCheckGroups groups) {
		this.reChecks = reChecks;
		this.groups = groups;
	}

	public String groupOf(DelegateExecution execution) {
		return groupOfUnit(this.reChecks.findById(BusinessKey.of(execution)).orElseThrow().getUnitId());
	}

	String groupOfUnit(String unitId) {
		return this.groups.candidateGroup(unitId);
	}

}

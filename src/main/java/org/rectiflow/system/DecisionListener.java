package org.rectiflow.system;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/**
 * {@code ${decisionListener}} on every decision task: the decision must be one of the task's values, and a return
 * needs a reason. Forms check this too; this listener holds the rule for every client of the REST API. On a return
 * inside a rectification task, the reason is kept as {@code lastReturnReason} for the department to read.
 */
@Component("decisionListener")
public class DecisionListener extends ValidatingTaskListener {

	/** The decision variable of a task, its values, the values that need a reason, and the reason's variable. */
	record Rule(String decision, Set<String> values, Set<String> needReason, String reason) {
	}

	static final Map<String, Rule> RULES = Map.ofEntries(
			Map.entry(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
					new Rule(RectificationProcess.VAR_COMMITTEE_DECISION, Set.of("approve", "return"), Set.of("return"),
					RectificationProcess.VAR_COMMITTEE_REASON)),
			Map.entry(RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
					new Rule(RectificationProcess.VAR_FILING_DECISION, Set.of("accept", "return"), Set.of("return"),
					RectificationProcess.VAR_FILING_OPINION)),
			Map.entry(RectificationProcess.USER_TASK_REVIEW_COMPLETION,
					new Rule(RectificationProcess.VAR_COMPLETION_DECISION, Set.of("approve", "return"), Set.of("return"),
					RectificationProcess.VAR_COMPLETION_REASON)),
			Map.entry(RectificationProcess.USER_TASK_REVIEW_REPORT,
					new Rule(RectificationProcess.VAR_REVIEW_DECISION, Set.of("accept", "reopen"), Set.of("accept", "reopen"),
					RectificationProcess.VAR_REVIEW_OPINION)),
			Map.entry(RectificationProcess.USER_TASK_APPROVE_PUBLICATION,
					new Rule(RectificationProcess.VAR_PUBLICATION_DECISION, Set.of("approve", "return"), Set.of("return"),
					RectificationProcess.VAR_PUBLICATION_REASON)),
			Map.entry(RectificationProcess.USER_TASK_LOOK_BACK,
					new Rule(RectificationProcess.VAR_LOOK_BACK_DECISION, Set.of("confirmed", "relapsed"),
					Set.of("confirmed", "relapsed"), RectificationProcess.VAR_LOOK_BACK_FINDINGS)),
			Map.entry(RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
					new Rule(RectificationTaskProcess.VAR_LEADER_DECISION, Set.of("accept", "return"), Set.of("return"),
					RectificationTaskProcess.VAR_LEADER_REASON)),
			Map.entry(RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION,
					new Rule(RectificationTaskProcess.VAR_SUPERVISION_DECISION, Set.of("accept", "return"),
					Set.of("accept", "return"), RectificationTaskProcess.VAR_SUPERVISION_FINDINGS)),
			Map.entry(RectificationTaskProcess.USER_TASK_DECIDE_EXTENSION,
					new Rule(RectificationTaskProcess.VAR_EXTENSION_DECISION,
					Set.of(RectificationTaskProcess.APPROVE, RectificationTaskProcess.REFUSE),
					Set.of(RectificationTaskProcess.REFUSE), RectificationTaskProcess.VAR_EXTENSION_OPINION)),
			Map.entry(RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM,
					new Rule(RectificationTaskProcess.VAR_CRITICISM_DECISION,
					Set.of(RectificationTaskProcess.ISSUE, RectificationTaskProcess.WAIVE),
					Set.of(RectificationTaskProcess.ISSUE, RectificationTaskProcess.WAIVE),
					RectificationTaskProcess.VAR_CRITICISM_REASON)),
			Map.entry(RectificationTaskProcess.USER_TASK_CLOSE_OFF,
					new Rule(RectificationTaskProcess.VAR_OUTCOME, Set.of("COMPLETED", "BASICALLY_COMPLETED", "LONG_TERM"),
					Set.of(), RectificationTaskProcess.VAR_CLOSE_OFF_NOTE)));

	/**
	 * The decision variable and the variable of its reason or opinion of a decision task (empty for other tasks):
	 * what the audit log records of a completion.
	 */
	public static List<String> decisionVariables(String taskDefinitionKey) {
		Rule rule = RULES.get(taskDefinitionKey);
		return (rule != null) ? List.of(rule.decision(), rule.reason()) : List.of();
	}

	DecisionListener(Messages messages) {
		super(messages);
	}

	@Override
	protected void onComplete(DelegateTask task) {
		Rule rule = RULES.get(task.getTaskDefinitionKey());
		if (rule == null) {
			throw new IllegalStateException("No decision rule for " + task.getTaskDefinitionKey());
		}
		String decision = text(task, rule.decision());
		if (!rule.values().contains(decision)) {
			throw new RectiflowException("error.decision.invalid", decision, String.join(" / ", rule.values()));
		}
		if (rule.needReason().contains(decision)) {
			String reason = required(task, rule.reason());
			if (RETURNS_TO_DEPARTMENT.contains(task.getTaskDefinitionKey()) && "return".equals(decision)) {
				task.getExecution().setVariable(RectificationTaskProcess.VAR_LAST_RETURN_REASON, reason);
			}
		}
	}

	private static final Set<String> RETURNS_TO_DEPARTMENT = Set.of(RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
			RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION);

}

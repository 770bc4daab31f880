package org.rectiflow.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * {@code ${decisionListener}} on every decision task: the decision must be one of the task's values, and a return
 * needs a reason. Forms check this too; this listener holds the rule for every client of the REST API. Each process
 * states the rules of its own decision tasks in a {@link Rules} bean of its package.
 */
@Component("decisionListener")
public class DecisionListener extends ValidatingTaskListener {

	/**
	 * The decision variable of a task, its values, the values that need a reason, the reason's variable, and where
	 * to keep the reason of a {@code return} for the department to read (null: nowhere).
	 */
	public record Rule(String taskDefinitionKey, String decision, Set<String> values, Set<String> needReason,
			String reason, String keepReturnReasonAs) {
	}

	/** The decision tasks of one process. */
	public interface Rules {

		Collection<Rule> rules();

	}

	private final Map<String, Rule> rules = new HashMap<>();

	DecisionListener(Messages messages, List<Rules> rules) {
		super(messages);
		for (Rules ofProcess : rules) {
			for (Rule rule : ofProcess.rules()) {
				if (this.rules.put(rule.taskDefinitionKey(), rule) != null) {
					throw new IllegalStateException("Two decision rules for " + rule.taskDefinitionKey());
				}
			}
		}
	}

	/**
	 * The decision variable and the variable of its reason or opinion of a decision task (empty for other tasks):
	 * what the audit log records of a completion.
	 */
	public List<String> decisionVariables(String taskDefinitionKey) {
		Rule rule = this.rules.get(taskDefinitionKey);
		return (rule != null) ? List.of(rule.decision(), rule.reason()) : List.of();
	}

	@Override
	protected void onComplete(DelegateTask task) {
		Rule rule = this.rules.get(task.getTaskDefinitionKey());
		if (rule == null) {
			throw new IllegalStateException("No decision rule for " + task.getTaskDefinitionKey());
		}
		String decision = text(task, rule.decision());
		if (!rule.values().contains(decision)) {
			throw new RectiflowException("error.decision.invalid", decision, String.join(" / ", rule.values()));
		}
		if (rule.needReason().contains(decision)) {
			String reason = required(task, rule.reason());
			if (rule.keepReturnReasonAs() != null && "return".equals(decision)) {
				task.getExecution().setVariable(rule.keepReturnReasonAs(), reason);
			}
		}
	}

}

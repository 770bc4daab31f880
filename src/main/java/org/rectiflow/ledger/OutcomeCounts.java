package org.rectiflow.ledger;

import java.util.Collection;

import org.rectiflow.task.TaskStatus;

/** How many items stand at each outcome, as the reports state them ("14个具体问题，已完成整改13个…"). */
public record OutcomeCounts(int total, int completed, int basicallyCompleted, int notCompleted, int longTerm) {

	public static OutcomeCounts of(Collection<TaskStatus> outcomes) {
		int completed = 0;
		int basically = 0;
		int notCompleted = 0;
		int longTerm = 0;
		for (TaskStatus s : outcomes) {
			switch (s) {
				case COMPLETED -> completed++;
				case BASICALLY_COMPLETED -> basically++;
				case NOT_COMPLETED -> notCompleted++;
				case LONG_TERM -> longTerm++;
			}
		}
		return new OutcomeCounts(outcomes.size(), completed, basically, notCompleted, longTerm);
	}

	/**
	 * A problem's outcome from its tasks' outcomes: any task still open leaves it not completed; all completed make
	 * it completed; all long-term make it long-term; any other mix (e.g. completed with one long-term task, as in
	 * the Hunan case) makes it basically completed.
	 */
	public static TaskStatus rollUp(Collection<TaskStatus> taskOutcomes) {
		if (taskOutcomes.isEmpty() || taskOutcomes.contains(TaskStatus.NOT_COMPLETED)) {
			return TaskStatus.NOT_COMPLETED;
		}
		if (taskOutcomes.stream().allMatch((s) -> s == TaskStatus.COMPLETED)) {
			return TaskStatus.COMPLETED;
		}
		if (taskOutcomes.stream().allMatch((s) -> s == TaskStatus.LONG_TERM)) {
			return TaskStatus.LONG_TERM;
		}
		return TaskStatus.BASICALLY_COMPLETED;
	}

}

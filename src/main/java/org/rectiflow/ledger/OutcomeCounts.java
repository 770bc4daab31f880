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
		return of(taskOutcomes).rollUp();
	}

	/**
	 * The same roll-up from counts alone, so that a list can roll problems up from a GROUP BY without loading their
	 * tasks.
	 */
	public TaskStatus rollUp() {
		if (this.total == 0 || this.notCompleted > 0) {
			return TaskStatus.NOT_COMPLETED;
		}
		if (this.completed == this.total) {
			return TaskStatus.COMPLETED;
		}
		if (this.longTerm == this.total) {
			return TaskStatus.LONG_TERM;
		}
		return TaskStatus.BASICALLY_COMPLETED;
	}

	/** The sum of two counts, e.g. the tasks of a whole inspection from the counts of its problems. */
	public OutcomeCounts plus(OutcomeCounts other) {
		return new OutcomeCounts(this.total + other.total, this.completed + other.completed,
				this.basicallyCompleted + other.basicallyCompleted, this.notCompleted + other.notCompleted,
				this.longTerm + other.longTerm);
	}

	public static OutcomeCounts none() {
		return new OutcomeCounts(0, 0, 0, 0, 0);
	}

}

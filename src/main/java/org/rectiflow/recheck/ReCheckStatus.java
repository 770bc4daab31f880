package org.rectiflow.recheck;

/** Where a re-check of a drawn task stands. */
public enum ReCheckStatus {

	/** Drawn; the inspection group has not re-checked it yet. */
	PENDING,

	/** The close-off holds. */
	PASSED,

	/** The close-off did not hold: the task was reopened in its unit. */
	FAILED

}

package org.rectiflow.inspection;

/** Where an inspection's rectification stands; moved forward by the rectification process only. */
public enum InspectionStatus {

	/** Feedback registered, plan being drafted, consulted on, approved and filed. */
	PLANNING,
	/** Plan filed: tasks being carried out and supervised. */
	RECTIFYING,
	/** Every task settled: report drafted, reviewed by the committee and the inspection office. */
	REPORTING,
	/** Public report published; long-term tasks and the look-back may still run. */
	CLOSED

}

package org.rectiflow.calendar;

import java.time.LocalDate;

/**
 * How a task stands against its deadline, as the portal colours it: green on track, yellow due within
 * {@value #DUE_SOON_WORKING_DAYS} working days (of the official calendar), red overdue; settled tasks (closed off or long-term) and tasks
 * without a deadline have no light.
 */
public enum TrafficLight {

	GREEN, YELLOW, RED, NONE;

	/** The horizon of "due soon", the same as Tasklist's 即将到期 filter. */
	public static final int DUE_SOON_WORKING_DAYS = 3;

	/**
	 * @param deadline the task's deadline (a calendar date in China), or null
	 * @param settled closed off or long-term
	 * @param markedOverdue the deadline timer has fired while the task was open
	 * @param today today in China
	 * @param dueSoonHorizon the last deadline that is due soon today ({@link WorkingDays#dueSoonHorizon})
	 */
	public static TrafficLight of(LocalDate deadline, boolean settled, boolean markedOverdue, LocalDate today,
			LocalDate dueSoonHorizon) {
		if (settled || deadline == null) {
			return NONE;
		}
		if (markedOverdue || today.isAfter(deadline)) {
			return RED;
		}
		return deadline.isAfter(dueSoonHorizon) ? GREEN : YELLOW;
	}

}

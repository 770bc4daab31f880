package org.rectiflow.engine;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The effective date of a step being completed (issue 19), for {@link StepDatesPlugin}: owned by the engine package
 * so that the dependency points from the feature that knows inspections and their dates to the engine, not back.
 */
public interface StepDates {

	/**
	 * Checks and records the date the step took effect, before any of the step's own listeners runs; refuses a
	 * date that breaks a rule with {@link org.camunda.bpm.engine.exception.NotValidException}.
	 * @return the effective day, which the records the step leaves are dated by
	 */
	LocalDate completing(DelegateTask task);

}

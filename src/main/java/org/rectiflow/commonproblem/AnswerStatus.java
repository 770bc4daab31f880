package org.rectiflow.commonproblem;

/** Where a unit's answer to a common-problem notice stands. */
public enum AnswerStatus {

	/** The unit's rectification office has not answered yet, or the office returned its answer. */
	WAITING,

	/** Answered; the inspection office reviews it. */
	ANSWERED,

	/** The inspection office accepted the answer: the unit's self-check is done. */
	ACCEPTED

}

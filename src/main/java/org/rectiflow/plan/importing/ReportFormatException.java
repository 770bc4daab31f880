package org.rectiflow.plan.importing;

/** The text does not have the layout of a feedback document or progress report; the message says where, in Chinese. */
public class ReportFormatException extends RuntimeException {

	public ReportFormatException(String message) {
		super(message);
	}

}

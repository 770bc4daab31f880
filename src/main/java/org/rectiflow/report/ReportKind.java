package org.rectiflow.report;

/** The texts a rectification produces; every version is kept. */
public enum ReportKind {

	/** The rectification office's draft of the rectification report (整改情况报告), one per drafting round. */
	DRAFT,
	/** The rectification report as sent to the inspection office: the approved draft with the computed counts. */
	SUBMITTED,
	/** 整改进展情况通报: the published text, frozen as it was on publication. */
	PUBLIC

}

package org.rectiflow.audit;

/** What an audit entry records; the page names each with {@code audit.kind.<NAME>}. */
public enum AuditKind {

	/** A sign-in on our login page. */
	LOGIN,

	/** A refused sign-in (wrong password, unknown account, or throttled), on the login page or over HTTP Basic. */
	LOGIN_FAILED,

	LOGOUT,

	/** A user task completed in the engine, with the decision and reason where the task takes one. */
	TASK_COMPLETED,

	/** An evidence file stored. */
	UPLOAD,

	/** A draft evidence file taken back before submission. */
	UPLOAD_REMOVED,

	/** An evidence file downloaded or previewed. */
	DOWNLOAD,

	/** Users, groups, memberships, tenants or authorizations changed in Camunda's identity service. */
	PERMISSION_CHANGE,

	/** An administrator lifted a sign-in lock (an account or a client address) on the login-locks page. */
	LOGIN_LOCK_LIFTED

}

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

	/**
	 * Variables set, patched or removed through the engine's REST API or the webapps (on a task, an execution or a
	 * process instance, or with a completion): who, which variables (names, never values), which task and instance.
	 */
	VARIABLES_CHANGED,

	/** A user task's assignee, owner, delegation, name, description, priority or dates changed, from anywhere. */
	TASK_CHANGED,

	/** A candidate or other identity link added to or removed from a task or a process definition. */
	IDENTITY_LINK_CHANGED,

	/** A deployment made or deleted: who, its resources and their SHA-256. */
	DEPLOYMENT,

	/** A saved filter created, changed or deleted. */
	FILTER_CHANGED,

	/**
	 * A sensitive operation the engine refused (no authorization, or input our rules or the engine reject): recorded
	 * in a transaction of its own, since the refused one rolls back.
	 */
	REFUSED,

	/** An administrator lifted a sign-in lock (an account or a client address) on the login-locks page. */
	LOGIN_LOCK_LIFTED,

	/**
	 * A handover (工作交接) recorded for a unit: who recorded it, its kind, the department for a head's, from whom to
	 * whom, from which date and why.
	 */
	HANDOVER,

	/**
	 * A handover took effect (when recorded, or on its date by the day's run): which responsibilities moved — the
	 * tasks whose responsible leader or responsible person changed, a department's headship.
	 */
	HANDOVER_APPLIED

}

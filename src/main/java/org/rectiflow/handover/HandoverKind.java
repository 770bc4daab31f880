package org.rectiflow.handover;

/** Whose responsibilities a handover moves. */
public enum HandoverKind {

	/** A responsible leader (责任领导): their open tasks, in the ledger and in the engine. */
	RESPONSIBLE_LEADER,

	/** A department's head (部门负责人): the headship, and the open tasks of the department naming them as responsible person. */
	DEPARTMENT_HEAD

}

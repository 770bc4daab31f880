package org.rectiflow.task;

/** How a task came about; all kinds run through the same rectification-task process. */
public enum TaskKind {

	/** 立行立改: handed over during the inspection for immediate fixing. */
	IMMEDIATE,
	/** 边巡边改: fixed while the inspection is still on site. */
	DURING_INSPECTION,
	/** 集中整改: fixed within the concentrated period. */
	CONCENTRATED,
	/** 长期整改: planned from the start to run beyond the concentrated period. */
	LONG_TERM

}

package org.rectiflow.task;

import java.util.Map;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Claims and completes a step in one engine command, as a person does in Tasklist with two: the step is assigned to
 * them (so the history says who did it) and completed, with one permission check instead of two. Completing needs the
 * same permission as claiming ({@code TASK_WORK}); when the check refuses, the transaction rolls the assignment back.
 * Someone else's claim in between is a conflict, as it is for a claim. It stays a {@link CompleteTaskCmd}, so a lost
 * race is answered as for any completion (system/ConflictingCompletionPlugin). In the benchmark's profile the separate
 * claim was a fifth of a department's submission (docs/PERFORMANCE.md).
 */
final class ClaimingCompleteTaskCmd extends CompleteTaskCmd {

	private static final long serialVersionUID = 1L;

	private final String userId;

	ClaimingCompleteTaskCmd(String taskId, String userId, Map<String, Object> variables) {
		super(taskId, variables);
		this.userId = userId;
	}

	@Override
	public VariableMap execute(CommandContext context) {
		TaskEntity task = (this.taskId == null) ? null : context.getTaskManager().findTaskById(this.taskId);
		if (task != null) {
			if (task.getAssignee() == null) {
				task.setAssignee(this.userId);
			}
			else if (!task.getAssignee().equals(this.userId)) {
				throw new TaskAlreadyClaimedException(task.getId(), task.getAssignee());
			}
		}
		return super.execute(context);
	}

}

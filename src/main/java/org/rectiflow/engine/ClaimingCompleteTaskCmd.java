package org.rectiflow.engine;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Claims and completes a step in one engine command, as a person does in Tasklist with two: the step is assigned to
 * them (so the history says who did it) and completed, with one permission check instead of two. Completing needs the
 * same permission as claiming ({@code TASK_WORK}); when the check refuses, the transaction rolls the assignment back.
 * Someone else's claim in between is a conflict, as it is for a claim. It stays a {@link CompleteTaskCmd}, so a lost
 * race is answered as for any completion (system/ConflictingCompletionPlugin). In the benchmark's profile the separate
 * claim was a fifth of a department's submission (docs/PERFORMANCE.md).
 * <p>
 * The assignee is set as a plain field, without what a claim that stands sets off: the authorization that lets the
 * new assignee work the step (deleted with the step a moment later), the assignee entry of the step's identity-link
 * history, the "unique task worker" meter row, and a second operation-log row. The completed step's history names
 * the person as its assignee, and the completion's operation-log row as the one who did it
 * ({@code ClaimingCompleteTaskCmdTests}).
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
			// Read at once with the step, while the step is read as of the same moment: a step another person
			// completed just after it was read finds its instance already moved on. Completing it would run the
			// behaviour of the step the instance waits at now (a sign-off closing the task off), until the stale
			// step's delete failed at the end; refuse it first, as the lost race it is.
			ExecutionEntity execution = task.getExecution();
			if (execution != null && !task.getTaskDefinitionKey().equals(execution.getActivityId())) {
				throw new OptimisticLockingException("Task " + task.getId() + " was completed meanwhile: its instance"
						+ " waits at " + execution.getActivityId());
			}
			if (task.getAssignee() == null) {
				task.setAssigneeWithoutCascade(this.userId);
			}
			else if (!task.getAssignee().equals(this.userId)) {
				throw new TaskAlreadyClaimedException(task.getId(), task.getAssignee());
			}
		}
		return super.execute(context);
	}

}

package org.rectiflow.tasklist;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.stereotype.Component;

/**
 * {@code create} listener of every user task: the task explains itself in Tasklist. Its name gets the context
 * ("责任领导审核：宿舍日常维修不及时（后勤处）"), its description the problem and measures, its follow-up date three
 * working days before the due date, and an overdue task keeps its raised priority when it comes back.
 */
@Component("taskPresentationListener")
public class TaskPresentationListener implements TaskListener {

	static final int TITLE_LENGTH = 24;

	static final int FOLLOW_UP_WORKING_DAYS = 3;

	private final WorkingDays workingDays;

	private final Directory directory;

	TaskPresentationListener(WorkingDays workingDays, Directory directory) {
		this.workingDays = workingDays;
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		// A task just created has no variables of its own: read its execution's, which the instance has loaded
		// already, instead of asking the database for the task's (a query per task, 65 in a filed plan).
		VariableScope variables = (task.getExecution() != null) ? task.getExecution() : task;
		String base = task.getName();
		Object taskTitle = variables.getVariable(RectificationTaskProcess.VAR_TASK_TITLE);
		if (taskTitle != null) {
			Object code = variables.getVariable(RectificationTaskProcess.VAR_TASK_CODE);
			Object department = variables.getVariable(RectificationTaskProcess.VAR_LEAD_DEPARTMENT_NAME);
			task.setName(base + "：" + shorten(taskTitle.toString()) + "（" + department + "）");
			task.setDescription("细化任务 " + code + "：" + taskTitle + "\n具体问题：" + variables.getVariable(RectificationTaskProcess.VAR_PROBLEM_TITLE)
					+ "\n整改期限：" + variables.getVariable(RectificationTaskProcess.VAR_DEADLINE) + "\n整改措施：\n"
					+ variables.getVariable(RectificationTaskProcess.VAR_MEASURES));
			Object dueAt = variables.getVariable(RectificationTaskProcess.VAR_DUE_AT);
			if (dueAt instanceof Date due) {
				if (task.getDueDate() == null) {
					task.setDueDate(due);
				}
				LocalDate dueDay = due.toInstant().atZone(WorkingDays.ZONE).toLocalDate();
				task.setFollowUpDate(Date.from(
						this.workingDays.minus(dueDay, FOLLOW_UP_WORKING_DAYS).atStartOfDay(WorkingDays.ZONE).toInstant()));
				if (due.before(new Date())) {
					task.setPriority(RectificationTaskProcess.OVERDUE_PRIORITY);
				}
			}
			return;
		}
		Object inspection = variables.hasVariable("unitName") ? variables.getVariable("unitName") : variables.getVariable("inspectionTitle");
		Object department = variables.hasVariable("department") ? variables.getVariable("department") : null;
		if (inspection != null) {
			task.setName(base + "：" + shorten(inspection.toString()) + ((department != null) ? "（" + this.directory.departmentName(department.toString()) + "）" : ""));
			task.setDescription(inspection.toString());
		}
	}

	static String shorten(String text) {
		String firstSentence = text.split("[。；]")[0];
		return (firstSentence.length() <= TITLE_LENGTH) ? firstSentence : firstSentence.substring(0, TITLE_LENGTH) + "…";
	}

}

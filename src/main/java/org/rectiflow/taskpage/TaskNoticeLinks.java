package org.rectiflow.taskpage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.List;

import org.rectiflow.identity.Viewer;
import org.rectiflow.notification.NoticeLinks;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A notice about a task leads to its page only while the person may still open it, as {@code /tasks/{id}} decides:
 * the task in one of their units, and theirs to see.
 */
@Component
class TaskNoticeLinks implements NoticeLinks {

	private static final Pattern TASK_PAGE = Pattern.compile("^/tasks/(\\d+)(?:[/?#].*)?$");

	private final RectificationTaskService tasks;

	private final JdbcTemplate jdbc;

	TaskNoticeLinks(RectificationTaskService tasks, JdbcTemplate jdbc) {
		this.tasks = tasks;
		this.jdbc = jdbc;
	}

	@Override
	public boolean opens(String link) {
		Matcher m = TASK_PAGE.matcher(link);
		if (!m.matches()) {
			return true;
		}
		Long taskId;
		try {
			taskId = Long.valueOf(m.group(1));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		// The task's unit first, as isolation's UnitGate asks it of the page: another unit's task is not found there.
		Viewer viewer = Viewer.current();
		List<String> units = this.jdbc.queryForList("select i.unit_id from rectification_task t"
				+ " join inspection i on i.id = t.inspection_id where t.id = ?", String.class, taskId);
		if (!units.isEmpty() && !viewer.allUnits() && !viewer.seesUnit(units.get(0))) {
			return false;
		}
		try {
			this.tasks.visible(taskId);
			return true;
		}
		catch (RectiflowException.NotFound | RectiflowException.Forbidden ex) {
			return false;
		}
	}

}

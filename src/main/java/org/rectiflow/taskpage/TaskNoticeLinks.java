package org.rectiflow.taskpage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectiflow.notification.NoticeLinks;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.stereotype.Component;

/** A notice about a task leads to its page only while the person may still open it (as {@code /tasks/{id}} decides). */
@Component
class TaskNoticeLinks implements NoticeLinks {

	private static final Pattern TASK_PAGE = Pattern.compile("^/tasks/(\\d{1,18})(?:[/?#].*)?$");

	private final RectificationTaskService tasks;

	TaskNoticeLinks(RectificationTaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public boolean opens(String link) {
		Matcher m = TASK_PAGE.matcher(link);
		if (!m.matches()) {
			return true;
		}
		try {
			this.tasks.visible(Long.valueOf(m.group(1)));
			return true;
		}
		catch (RectiflowException.NotFound | RectiflowException.Forbidden ex) {
			return false;
		}
	}

}

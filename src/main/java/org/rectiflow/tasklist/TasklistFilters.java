package org.rectiflow.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tasklist filters every role starts from, created at start-up and brought up to date when they already exist
 * (found by name), so restarts and several nodes never duplicate them. Each shows the variables a leader needs.
 */
@Component
class TasklistFilters {

	static final String MINE = "我的待办";

	static final String DEPARTMENT = "部门待办";

	static final String DUE_SOON = "即将到期";

	static final String OVERDUE = "已逾期";

	static final String APPROVALS = "待审批";

	/** The decisions that wait for leaders and the Party committee. */
	static final String[] APPROVAL_TASKS = { RectificationProcess.USER_TASK_SOLICIT_OPINIONS,
			RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, RectificationProcess.USER_TASK_REVIEW_COMPLETION,
			RectificationProcess.USER_TASK_APPROVE_PUBLICATION, RectificationTaskProcess.USER_TASK_LEADER_REVIEW };

	private final FilterService filterService;

	private final TaskService taskService;

	TasklistFilters(FilterService filterService, TaskService taskService) {
		this.filterService = filterService;
		this.taskService = taskService;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(5)
	@Transactional
	public void createFilters() {
		// The same "mine" as the portal's 我的待办 (WorkQueue): assigned to me or offered to my groups, in my units (the
		// engine's tenant check cuts Tasklist's queries to the person's units).
		save(MINE, 10, "分配给我或我所在部门、角色可以办理的任务", mineOrMyGroups());
		save(DEPARTMENT, 20, "我所在部门或角色可以认领的任务",
				this.taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
		save(DUE_SOON, 30, "3个工作日内到期的任务", mineOrMyGroups().dueAfterExpression("${now()}")
			.dueBeforeExpression("${workingDays.endOfWorkingDaysFromNow(3)}"));
		save(OVERDUE, 40, "已超过整改期限的任务", mineOrMyGroups().dueBeforeExpression("${now()}"));
		save(APPROVALS, 50, "等待领导和党委审议、审核的事项", mineOrMyGroups().taskDefinitionKeyIn(APPROVAL_TASKS));
	}

	private TaskQuery mineOrMyGroups() {
		return this.taskService.createTaskQuery()
			.or()
			.taskAssigneeExpression("${currentUser()}")
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.endOr();
	}

	private void save(String name, int priority, String description, TaskQuery query) {
		Filter filter = this.filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = this.filterService.newTaskFilter(name);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("priority", priority);
		properties.put("description", description);
		properties.put("refresh", true);
		properties.put("color", "#b71c1c");
		properties.put("variables", List.of(variable("inspectionTitle", "巡察"), variable("problemTitle", "具体问题"),
				variable("leadDepartmentName", "牵头部门"), variable("deadline", "整改期限")));
		filter.setQuery(query);
		filter.setProperties(properties);
		this.filterService.saveFilter(filter);
	}

	private static Map<String, String> variable(String name, String label) {
		return Map.of("name", name, "label", label);
	}

}

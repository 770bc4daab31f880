package org.rectiflow.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Viewer;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.system.Actors;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.tasklist.WorkQueue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page, where a person sees their day: what waits for them (from the engine, by their login and groups),
 * the tasks their department leads or they answer for, each with its traffic light, what happened recently, and
 * every inspection with its counts.
 */
@Controller
class HomeController {

	static final int TODO_LIMIT = 20;

	static final int TASK_LIMIT = 30;

	static final int ACTIVITY_LIMIT = 10;

	private final LedgerQueries ledgers;

	private final WorkQueue work;

	private final RectificationTaskService tasks;

	private final Directory directory;

	private final Clock clock;

	private final WorkingDays workingDays;

	HomeController(LedgerQueries ledgers, WorkQueue work, RectificationTaskService tasks, Directory directory,
			Clock clock, WorkingDays workingDays) {
		this.ledgers = ledgers;
		this.work = work;
		this.tasks = tasks;
		this.directory = directory;
		this.clock = clock;
		this.workingDays = workingDays;
	}

	/** A task the person answers for, with how it stands against its deadline. */
	record MyTask(RectificationTask task, String inspectionTitle, String leadDepartmentName, TrafficLight light) {
	}

	/** A recent step with the name of who did it. */
	record ActivityView(WorkQueue.Activity activity, String doneByName) {
	}

	@GetMapping("/")
	String home(Model model) {
		String user = Actors.current();
		List<String> groups = this.directory.groupIds(user);
		List<String> departments = groups.stream().filter(Viewer::isDepartmentGroup).toList();
		LocalDate today = LocalDate.now(this.clock);
		List<LedgerQueries.InspectionSummary> inspections = this.ledgers.summaries(LedgerScope.current());
		Map<Long, String> titles = inspections.stream()
			.collect(Collectors.toMap(LedgerQueries.InspectionSummary::inspectionId, LedgerQueries.InspectionSummary::title));
		Viewer viewer = Viewer.current();
		Map<Long, String> unitOfInspection = new java.util.HashMap<>();
		model.addAttribute("todos", this.work.todos(user, groups, viewer.unitCut(), TODO_LIMIT));
		model.addAttribute("myTasks", this.tasks.openTasksFor(user, departments, TASK_LIMIT)
			.stream()
			// Only the person's units' tasks: another unit's task page answers 404 (issue 20, no link to a refusal).
			// One lookup per inspection, not per task.
			.filter((t) -> {
				String unit = unitOfInspection.computeIfAbsent(t.getInspectionId(), (i) -> this.tasks.unitOf(t));
				return unit == null || viewer.seesUnit(unit);
			})
			.map((t) -> new MyTask(t, titles.getOrDefault(t.getInspectionId(), ""), this.directory.departmentName(t.getLeadDepartment()),
					this.workingDays.light(t.getDeadline(), t.isSettled(), t.isOverdue(), today)))
			.toList());
		// Steps are named after their tasks: only those who see every task see everyone's activity.
		boolean seeAll = viewer.seesEverything();
		model.addAttribute("activity", this.work
			.recent(user, departments.isEmpty() ? null : departments.get(0), seeAll, viewer.unitCut(), ACTIVITY_LIMIT)
			.stream()
			.map((a) -> new ActivityView(a, (a.doneBy() == null) ? "" : this.directory.displayName(a.doneBy())))
			.toList());
		model.addAttribute("inspections", inspections);
		return "system/home";
	}

	/** {@code ?locked=N}: the sign-in was throttled for N minutes (anything but a small number is ignored). */
	@GetMapping("/login")
	String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
		if (locked != null && locked.matches("\\d{1,4}")) {
			model.addAttribute("lockedMinutes", Integer.parseInt(locked));
		}
		return "identity/login";
	}

}

package org.rectiflow.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.notification.Notice;
import org.rectiflow.notification.Notifications;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.DeadlineExtension;
import org.rectiflow.task.DeadlineExtensionRepository;
import org.rectiflow.task.DeadlineTimes;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.system.StepClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * What the deadline of a rectification task sets off: the reminder before it, the escalation when it passes, the
 * returns counted against the department, and extensions asked for and decided. Each runs in the caller's
 * transaction (the engine's when called from the process); the people concerned are told after commit.
 */
@Service
@Transactional
public class DeadlineService {

	/** Shortest reason a department may give for wanting more time. */
	public static final int MIN_REASON_LENGTH = 10;

	/** Longest extension one request may ask for. */
	static final int MAX_EXTENSION_DAYS = 366;

	private final RectificationTaskService tasks;

	private final RectificationTaskRepository taskRows;

	private final DeadlineExtensionRepository extensions;

	private final RectificationTaskProcessAdapter process;

	private final DeadlineTimes times;

	private final WorkingDays workingDays;

	private final Notifications notifications;

	private final Directory directory;

	private final Clock clock;

	private final StepClock stepClock;

	DeadlineService(RectificationTaskService tasks, RectificationTaskRepository taskRows,
			DeadlineExtensionRepository extensions,
			RectificationTaskProcessAdapter process, DeadlineTimes times, WorkingDays workingDays,
			Notifications notifications, Directory directory, Clock clock, StepClock stepClock) {
		this.stepClock = stepClock;
		this.tasks = tasks;
		this.taskRows = taskRows;
		this.extensions = extensions;
		this.process = process;
		this.times = times;
		this.workingDays = workingDays;
		this.notifications = notifications;
		this.directory = directory;
		this.clock = clock;
	}

	/** The notice about a task goes to its unit's people only (issue 18: the role groups are global). */
	private Notice inUnit(RectificationTask task, Notice notice) {
		return notice.inUnit(this.tasks.unitOf(task));
	}

	/**
	 * {@code serviceTask_sendReminder}: tells the lead department and the responsible leader that the deadline is
	 * near. Says nothing once the deadline has passed (the escalation speaks then) or the task is settled. Returns
	 * whether it told anyone.
	 */
	public boolean remind(Long taskId) {
		RectificationTask task = this.tasks.get(taskId);
		LocalDate today = today();
		if (task.isSettled() || task.getDeadline().isBefore(today)) {
			return false;
		}
		int left = this.workingDays.between(today, task.getDeadline());
		this.notifications.send(inUnit(task, Notice.of(Notice.Kind.REMINDER,
				"【临期提醒】细化任务 " + task.getCode() + " 将于 " + task.getDeadline() + " 到期",
				describe(task) + "\n距整改期限还有 " + left + " 个工作日，请抓紧落实并按时报送整改材料。", link(task),
				List.of(task.getResponsibleLeader()))
			.andGroups(List.of(task.getLeadDepartment()))));
		return true;
	}

	/**
	 * {@code serviceTask_markOverdue}: the deadline passed with the submission still missing. The task is flagged,
	 * its open steps move up the lists, and the first time in a round the responsible leader, the discipline
	 * committee and the department are told.
	 */
	public void escalateOverdue(Long taskId) {
		RectificationTask task = this.tasks.get(taskId);
		boolean alreadyEscalated = task.isOverdue();
		this.tasks.markOverdue(taskId);
		if (alreadyEscalated) {
			return;
		}
		this.notifications.send(inUnit(task, Notice.of(Notice.Kind.ESCALATION,
				"【逾期督办】细化任务 " + task.getCode() + " 已超过整改期限 " + task.getDeadline(),
				describe(task) + "\n整改期限已过，牵头部门尚未报送整改材料。请责任领导督促落实，纪委跟进督办。", link(task),
				List.of(task.getResponsibleLeader()))
			.andGroups(List.of(Groups.DISCIPLINE, task.getLeadDepartment()))));
	}

	/** A leader or the discipline committee sent the work back: counted, and the department is told why. */
	public void recordReturn(Long taskId, String reason) {
		RectificationTask task = this.tasks.get(taskId);
		task.recordReturn();
		this.notifications.send(inUnit(task, Notice.of(Notice.Kind.RETURNED, "【退回整改】细化任务 " + task.getCode() + " 被退回",
				describe(task) + "\n退回理由：" + (StringUtils.hasText(reason) ? reason : "（未填写）"), link(task), List.of())
			.andGroups(List.of(task.getLeadDepartment()))));
	}

	/**
	 * A member of the lead department asks for a later deadline, while the submission is open and before the
	 * deadline passes, one request at a time. The request goes to the responsible leader's list in the same
	 * transaction; if the engine refuses it, nothing is recorded.
	 */
	public DeadlineExtension requestExtension(Long taskId, LocalDate requested, String reason, String userId,
			Collection<String> groupIds) {
		RectificationTask task = this.tasks.get(taskId);
		if (!groupIds.contains(task.getLeadDepartment())) {
			throw new RectiflowException.Forbidden("error.extension.notLeadDepartment");
		}
		if (task.isSettled() || !this.process.currentStep(taskId)
			.filter(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE::equals)
			.isPresent()) {
			throw new RectiflowException.Conflict("error.extension.notNow");
		}
		// Recorded history (issue 19) records an extension granted back then, after its deadline as typed today.
		if (task.getDeadline().isBefore(today()) && !this.tasks.isRecordedHistory(task)) {
			throw new RectiflowException("error.extension.afterDeadline", task.getDeadline());
		}
		if (requested == null) {
			throw new RectiflowException("error.extension.dateRequired");
		}
		if (!requested.isAfter(task.getDeadline())) {
			throw new RectiflowException("error.extension.notLater", task.getDeadline());
		}
		if (ChronoUnit.DAYS.between(task.getDeadline(), requested) > MAX_EXTENSION_DAYS) {
			throw new RectiflowException("error.extension.tooFar", MAX_EXTENSION_DAYS);
		}
		String why = (reason == null) ? "" : reason.strip();
		if (why.codePointCount(0, why.length()) < MIN_REASON_LENGTH) {
			throw new RectiflowException("error.extension.reasonTooShort", MIN_REASON_LENGTH);
		}
		this.taskRows.lockById(taskId);
		if (this.extensions.pendingOf(taskId).isPresent()) {
			throw new RectiflowException.Conflict("error.extension.pending");
		}
		DeadlineExtension extension = this.extensions
			.save(new DeadlineExtension(task, requested, why, userId, this.clock.instant()));
		this.process.requestExtension(taskId, Map.of(RectificationTaskProcess.VAR_EXTENSION_ID, extension.getId(),
				RectificationTaskProcess.VAR_REQUESTED_DEADLINE, requested.toString(),
				RectificationTaskProcess.VAR_EXTENSION_REASON, why,
				RectificationTaskProcess.VAR_EXTENSION_REQUESTED_BY_NAME, this.directory.displayName(userId)));
		this.notifications.send(inUnit(task, Notice.of(Notice.Kind.EXTENSION,
				"【延期申请】细化任务 " + task.getCode() + " 申请延期至 " + requested,
				describe(task) + "\n原整改期限：" + task.getDeadline() + "\n申请延期至：" + requested + "\n申请理由：" + why,
				link(task), List.of(task.getResponsibleLeader()))));
		return extension;
	}

	/** The new timer dates of an approved extension, for the process to set before it restarts the clock. */
	public record NewDeadline(LocalDate deadline, Date remindAt, Date dueAt, Date graceEndsAt) {
	}

	/**
	 * {@code userTask_decideExtension} complete: the leader's answer. An approval moves the task's deadline; the
	 * process then restarts the department's step, so the due date, the reminder and the escalation follow it.
	 */
	public Optional<NewDeadline> decideExtension(Long extensionId, boolean approved, String opinion, String by) {
		DeadlineExtension extension = this.extensions.findById(extensionId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.extension.notFound", extensionId));
		if (!extension.isPending()) {
			throw new RectiflowException.Conflict("error.extension.decided");
		}
		RectificationTask task = this.tasks.get(extension.getTaskId());
		extension.decide(approved, by, StringUtils.hasText(opinion) ? opinion.strip() : null, this.stepClock.now());
		this.notifications.send(inUnit(task, Notice.of(Notice.Kind.EXTENSION,
				"【延期申请】细化任务 " + task.getCode() + (approved ? " 同意延期至 " + extension.getRequestedDeadline()
						: " 不同意延期，仍按 " + task.getDeadline() + " 完成"),
				describe(task) + (StringUtils.hasText(opinion) ? "\n审批意见：" + opinion.strip() : ""), link(task),
				List.of(extension.getRequestedBy()))
			.andGroups(List.of(task.getLeadDepartment()))));
		if (!approved) {
			return Optional.empty();
		}
		task.extendDeadline(extension.getRequestedDeadline());
		DeadlineTimes.Times next = this.tasks.isRecordedHistory(task) ? DeadlineTimes.unarmed()
				: this.times.of(extension.getRequestedDeadline());
		return Optional.of(new NewDeadline(extension.getRequestedDeadline(), Date.from(next.remindAt()),
				Date.from(next.dueAt()), Date.from(next.graceEndsAt())));
	}

	@Transactional(readOnly = true)
	public List<DeadlineExtension> extensionsOf(Long taskId) {
		return this.extensions.findByTaskIdOrderByRequestedAtAsc(taskId);
	}

	@Transactional(readOnly = true)
	public Optional<DeadlineExtension> pendingOf(Long taskId) {
		return this.extensions.pendingOf(taskId);
	}

	/**
	 * The decision on a pending extension, from the task page, by the responsible leader who is logged in: completes
	 * {@code userTask_decideExtension} as them, the engine checking that the step is theirs.
	 */
	public void decideExtensionAs(Long taskId, String decision, String opinion, String userId) {
		if (!RectificationTaskProcess.APPROVE.equals(decision) && !RectificationTaskProcess.REFUSE.equals(decision)) {
			throw new RectiflowException("error.extension.decisionRequired");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(RectificationTaskProcess.VAR_EXTENSION_DECISION, decision);
		variables.put(RectificationTaskProcess.VAR_EXTENSION_OPINION, (opinion == null) ? "" : opinion.strip());
		this.process.complete(taskId, RectificationTaskProcess.USER_TASK_DECIDE_EXTENSION, userId,
				this.directory.groupIds(userId), variables);
	}

	/**
	 * What the task page shows and offers about the deadline to this person: the extensions asked for, whether they
	 * may ask (a member of the lead department, at the submission, before the deadline, none pending), decide one
	 * (the responsible leader) or decide a criticism notice (the discipline committee), and how late the task is.
	 */
	@Transactional(readOnly = true)
	public Panel panel(RectificationTask task, String userId, List<String> openSteps) {
		List<DeadlineExtension> all = extensionsOf(task.getId());
		DeadlineExtension pending = all.stream().filter(DeadlineExtension::isPending).findFirst().orElse(null);
		LocalDate today = today();
		boolean atSubmission = openSteps.contains(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		boolean mayRequest = atSubmission && pending == null && !task.isSettled() && !task.getDeadline().isBefore(today)
				&& this.directory.isMember(userId, task.getLeadDepartment());
		boolean mayDecide = pending != null && openSteps.contains(RectificationTaskProcess.USER_TASK_DECIDE_EXTENSION)
				&& userId.equals(task.getResponsibleLeader());
		boolean mayDecideCriticism = openSteps.contains(RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM)
				&& this.directory.isMember(userId, Groups.DISCIPLINE);
		long overdueDays = (task.isSettled() || !task.getDeadline().isBefore(today)) ? 0
				: ChronoUnit.DAYS.between(task.getDeadline(), today);
		return new Panel(all, pending, mayRequest, mayDecide, mayDecideCriticism, overdueDays,
				task.getDeadline().plusDays(1), task.getDeadline().plusDays(MAX_EXTENSION_DAYS));
	}

	/** See {@link #panel}; the earliest and latest dates a request may name bound the date picker. */
	public record Panel(List<DeadlineExtension> extensions, DeadlineExtension pending, boolean mayRequest,
			boolean mayDecide, boolean mayDecideCriticism, long overdueDays, LocalDate earliestRequest,
			LocalDate latestRequest) {
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(WorkingDays.ZONE));
	}

	private String describe(RectificationTask task) {
		return "细化任务 " + task.getCode() + "：" + task.getTitle() + "\n牵头部门：" + this.directory.departmentName(task.getLeadDepartment())
				+ "\n责任领导：" + this.directory.displayName(task.getResponsibleLeader()) + "\n整改期限：" + task.getDeadline();
	}

	private static String link(RectificationTask task) {
		return "/tasks/" + task.getId();
	}

}

package org.rectiflow.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.engine.InspectionTenants;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.notification.Notice;
import org.rectiflow.notification.Notifications;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.system.StepClock;
import org.rectiflow.inspection.TypedDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The discipline committee's supervision: self-checks, visits, sign-offs, summary, criticism and look-back. */
@Service
@Transactional
public class SupervisionService {

	private final SupervisionRecordRepository records;

	private final CriticismNoticeRepository notices;

	private final RectificationTaskService tasks;

	private final SupervisionProcessAdapter process;

	private final RectificationTaskProcessAdapter taskProcess;

	private final Directory directory;

	private final Notifications notifications;

	private final Clock clock;

	private final InspectionTenants inspectionTenants;

	private final StepClock stepClock;

	private final TypedDates typedDates;

	SupervisionService(SupervisionRecordRepository records, CriticismNoticeRepository notices,
			RectificationTaskService tasks, SupervisionProcessAdapter process, RectificationTaskProcessAdapter taskProcess,
			Directory directory, Notifications notifications, Clock clock, InspectionTenants inspectionTenants, StepClock stepClock, TypedDates typedDates) {
		this.typedDates = typedDates;
		this.stepClock = stepClock;
		this.inspectionTenants = inspectionTenants;
		this.records = records;
		this.notices = notices;
		this.tasks = tasks;
		this.process = process;
		this.taskProcess = taskProcess;
		this.directory = directory;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Whether this person may sign off the task on site now: it waits for it and they are on the committee. */
	@Transactional(readOnly = true)
	public boolean maySignOff(String userId, Optional<String> step) {
		return step.filter(RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION::equals).isPresent()
				&& this.directory.isMember(userId, Groups.DISCIPLINE);
	}

	/**
	 * The on-site sign-off from the portal, signed by the member who is logged in: completes the task's
	 * {@code userTask_onSiteSupervision} with the verdict and the visit, in one transaction with the record it leaves
	 * ({@link OnSiteSignOffListener}). A return sends the task back to the department with the findings.
	 */
	public void signOff(Long taskId, SignOff signOff, String userId) {
		RectificationTask task = this.tasks.get(taskId);
		List<String> groups = this.directory.groupIds(userId);
		if (!groups.contains(Groups.DISCIPLINE)) {
			throw new RectiflowException.Forbidden("error.signOff.notDiscipline");
		}
		RectificationTaskProcessAdapter.Step step = this.taskProcess.awaited(taskId,
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, userId,
				() -> new RectiflowException.Conflict("error.signOff.notAwaited", task.getCode()));
		if (!signOff.problems().isEmpty()) {
			throw new RectiflowException(signOff.problems().get(0).messageKey());
		}
		this.typedDates.done(task.getInspectionId(), signOff.date(), "date.field.visitDate");
		SignOff.Visit visit = signOff.visit();
		Map<String, Object> variables = new HashMap<>();
		variables.put(RectificationTaskProcess.VAR_SUPERVISION_DECISION, signOff.verdict());
		variables.put(RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, signOff.findings().trim());
		variables.put(RectificationTaskProcess.VAR_VISIT_DATE, visit.date().toString());
		variables.put(RectificationTaskProcess.VAR_VISIT_PLACE, visit.place());
		variables.put(RectificationTaskProcess.VAR_VISIT_PARTICIPANTS, visit.participants());
		variables.put(RectificationTaskProcess.VAR_CHECKED_ITEMS, visit.checkedItems());
		this.taskProcess.complete(step, userId, groups, variables);
	}

	/** Every lead department of the inspection, each once, in the order the tasks name them. */
	@Transactional(readOnly = true)
	public List<String> leadDepartments(Long inspectionId) {
		return this.tasks.leadDepartmentsOf(inspectionId)
			.stream()
			.filter(StringUtils::hasText)
			.distinct()
			.toList();
	}

	public SupervisionRecord record(Long inspectionId, SupervisionStage stage, String content, String by) {
		return this.records.save(new SupervisionRecord(inspectionId, stage, content, by, this.stepClock.now()));
	}

	public SupervisionRecord recordSelfCheck(Long inspectionId, String department, String report, String by) {
		return this.records.save(new SupervisionRecord(inspectionId, SupervisionStage.SELF_CHECK, report, by,
				this.stepClock.now())
			.atDepartment(department, this.stepClock.day()));
	}

	public SupervisionRecord recordVisit(Long inspectionId, String department, LocalDate visitDate, String record,
			String by) {
		if (!this.directory.isDepartmentOf(this.inspectionTenants.tenantOf(inspectionId), department)) {
			throw new RectiflowException("error.task.unknownDepartment", department);
		}
		if (visitDate.isAfter(LocalDate.now(this.clock))) {
			throw new RectiflowException("error.supervision.visitInFuture", visitDate);
		}
		this.typedDates.done(inspectionId, visitDate, "date.field.visitDate");
		return this.records.save(new SupervisionRecord(inspectionId, SupervisionStage.ON_SITE, record, by,
				this.stepClock.now())
			.atDepartment(department, visitDate));
	}

	/** The inspection a rectification task belongs to, from its ledger row. */
	public Long inspectionOf(Long taskId) {
		return this.tasks.get(taskId).getInspectionId();
	}

	public SupervisionRecord recordSignOff(Long inspectionId, Long taskId, String decision, String findings, String by) {
		return recordSignOff(inspectionId, taskId, decision, findings, null, by);
	}

	/** A sign-off with what the visit found on site: date, place, participants and the items checked. */
	public SupervisionRecord recordSignOff(Long inspectionId, Long taskId, String decision, String findings,
			SignOff.Visit visit, String by) {
		SupervisionRecord record = new SupervisionRecord(inspectionId, SupervisionStage.ON_SITE, findings, by,
				this.stepClock.now())
			.forTask(taskId, decision);
		if (visit != null) {
			if (visit.date().isAfter(LocalDate.now(this.clock))) {
				throw new RectiflowException("error.supervision.visitInFuture", visit.date());
			}
			this.typedDates.done(inspectionId, visit.date(), "date.field.visitDate");
			record.onSite(visit.date(), visit.place(), visit.participants(), visit.checkedItems());
		}
		return this.records.save(record);
	}

	/** The criticism notices issued against the department in this inspection. */
	@Transactional(readOnly = true)
	public List<CriticismNotice> criticismsOfDepartment(Long inspectionId, String department) {
		return this.notices.findByInspectionIdAndTargetDepartmentOrderByIssuedAtAsc(inspectionId, department);
	}

	@Transactional(readOnly = true)
	public List<SupervisionRecord> recordsOf(Long inspectionId) {
		return this.records.findByInspectionIdOrderByRecordedAtAsc(inspectionId);
	}

	/**
	 * The supervision records as a person of these units reads them: none when the inspection is of another unit (issue 18; the
	 * address is checked by isolation/UnitGate too). {@code null} units: every unit, for an administrator.
	 */
	@Transactional(readOnly = true)
	public List<SupervisionRecord> recordsOf(Long inspectionId, Collection<String> units) {
		if (units == null) {
			return recordsOf(inspectionId);
		}
		return units.isEmpty() ? List.of() : this.records.findByInspectionIdInUnits(inspectionId, units);
	}

	@Transactional(readOnly = true)
	public List<SupervisionRecord> recordsOfTask(Long taskId) {
		return this.records.findByTaskIdOrderByRecordedAtAsc(taskId);
	}

	/**
	 * Records a criticism notice and hands it to the running supervision process, in one transaction: if the
	 * supervision is over, nothing is recorded and the caller is told why.
	 */
	public CriticismNotice issueCriticism(Long inspectionId, String targetDepartment, String targetPerson,
			String reason, String by) {
		if (!StringUtils.hasText(targetDepartment) && !StringUtils.hasText(targetPerson)) {
			throw new RectiflowException("error.criticism.target");
		}
		if (StringUtils.hasText(targetDepartment)
				&& !this.directory.isDepartmentOf(this.inspectionTenants.tenantOf(inspectionId), targetDepartment)) {
			throw new RectiflowException("error.task.unknownDepartment", targetDepartment);
		}
		if (!StringUtils.hasText(reason)) {
			throw new RectiflowException("error.criticism.reason");
		}
		CriticismNotice notice = this.notices.save(new CriticismNotice(inspectionId,
				StringUtils.hasText(targetDepartment) ? targetDepartment : null,
				StringUtils.hasText(targetPerson) ? targetPerson.trim() : null, reason.trim(), by,
				this.clock.instant()));
		this.process.requestCriticism(inspectionId, notice.getId());
		return notice;
	}

	/**
	 * {@code userTask_decideCriticism} complete: the committee issues a criticism notice for a deadline missed
	 * beyond the grace period, against the lead department and the responsible person, or waives it. An issued
	 * notice is published at once and the department and its leader are told; a waiver stays in the task's history
	 * with its reason.
	 */
	public Optional<CriticismNotice> decideOverdueCriticism(Long taskId, boolean issue, String reason, String by) {
		if (!issue) {
			return Optional.empty();
		}
		if (!StringUtils.hasText(reason)) {
			throw new RectiflowException("error.criticism.reason");
		}
		RectificationTask task = this.tasks.get(taskId);
		CriticismNotice notice = this.notices.save(CriticismNotice.overdue(task.getInspectionId(), taskId,
				task.getLeadDepartment(), StringUtils.hasText(task.getResponsiblePerson()) ? task.getResponsiblePerson() : null,
				reason.strip(), by, this.stepClock.now()));
		this.notifications.send(Notice.of(Notice.Kind.CRITICISM,
				"【通报批评】" + this.directory.departmentName(task.getLeadDepartment()) + "：细化任务 " + task.getCode() + " 逾期未完成",
				"细化任务 " + task.getCode() + "：" + task.getTitle() + "\n整改期限：" + task.getDeadline() + "\n通报事由："
						+ reason.strip(),
				"/tasks/" + taskId, List.of(task.getResponsibleLeader()))
			.andGroups(List.of(task.getLeadDepartment(), Groups.DISCIPLINE))
			.inUnit(this.tasks.unitOf(task)));
		return Optional.of(notice);
	}

	/**
	 * The committee's decision on a criticism notice, from the task page, by the member who is logged in: completes
	 * {@code userTask_decideCriticism} as them; {@link CriticismDecidedListener} then issues or records the waiver.
	 */
	public void decideCriticismAs(Long taskId, String decision, String reason, String userId) {
		if (!RectificationTaskProcess.ISSUE.equals(decision) && !RectificationTaskProcess.WAIVE.equals(decision)) {
			throw new RectiflowException("error.criticism.decisionRequired");
		}
		if (!StringUtils.hasText(reason)) {
			throw new RectiflowException("error.criticism.reasonRequired");
		}
		this.taskProcess.complete(taskId, RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM, userId,
				this.directory.groupIds(userId), Map.of(RectificationTaskProcess.VAR_CRITICISM_DECISION, decision,
						RectificationTaskProcess.VAR_CRITICISM_REASON, reason.strip()));
	}

	public void publishCriticism(Long noticeId) {
		this.notices.findById(noticeId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.criticism.notFound", noticeId))
			.publish();
	}

	@Transactional(readOnly = true)
	public List<CriticismNotice> criticismsOf(Long inspectionId) {
		return this.notices.findByInspectionIdOrderByIssuedAtAsc(inspectionId);
	}

	/**
	 * The criticism notices as a person of these units reads them: none when the inspection is of another unit (issue 18; the
	 * address is checked by isolation/UnitGate too). {@code null} units: every unit, for an administrator.
	 */
	@Transactional(readOnly = true)
	public List<CriticismNotice> criticismsOf(Long inspectionId, Collection<String> units) {
		if (units == null) {
			return criticismsOf(inspectionId);
		}
		return units.isEmpty() ? List.of() : this.notices.findByInspectionIdInUnits(inspectionId, units);
	}

}

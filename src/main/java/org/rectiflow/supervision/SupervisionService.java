package org.rectiflow.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectiflow.identity.Department;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
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

	private final Clock clock;

	SupervisionService(SupervisionRecordRepository records, CriticismNoticeRepository notices,
			RectificationTaskService tasks, SupervisionProcessAdapter process, Clock clock) {
		this.records = records;
		this.notices = notices;
		this.tasks = tasks;
		this.process = process;
		this.clock = clock;
	}

	/** Every lead department of the inspection, each once, in the order the tasks name them. */
	@Transactional(readOnly = true)
	public List<String> leadDepartments(Long inspectionId) {
		return this.tasks.tasksOf(inspectionId)
			.stream()
			.map(RectificationTask::getLeadDepartment)
			.filter(StringUtils::hasText)
			.distinct()
			.toList();
	}

	public SupervisionRecord record(Long inspectionId, SupervisionStage stage, String content, String by) {
		return this.records.save(new SupervisionRecord(inspectionId, stage, content, by, this.clock.instant()));
	}

	public SupervisionRecord recordSelfCheck(Long inspectionId, String department, String report, String by) {
		return this.records.save(new SupervisionRecord(inspectionId, SupervisionStage.SELF_CHECK, report, by,
				this.clock.instant())
			.atDepartment(department, LocalDate.now(this.clock)));
	}

	public SupervisionRecord recordVisit(Long inspectionId, String department, LocalDate visitDate, String record,
			String by) {
		if (Department.byGroupId(department).isEmpty()) {
			throw new RectiflowException("error.task.unknownDepartment", department);
		}
		if (visitDate.isAfter(LocalDate.now(this.clock))) {
			throw new RectiflowException("error.supervision.visitInFuture", visitDate);
		}
		return this.records.save(new SupervisionRecord(inspectionId, SupervisionStage.ON_SITE, record, by,
				this.clock.instant())
			.atDepartment(department, visitDate));
	}

	public SupervisionRecord recordSignOff(Long inspectionId, Long taskId, String decision, String findings, String by) {
		return this.records.save(new SupervisionRecord(inspectionId, SupervisionStage.ON_SITE, findings, by,
				this.clock.instant())
			.forTask(taskId, decision));
	}

	@Transactional(readOnly = true)
	public List<SupervisionRecord> recordsOf(Long inspectionId) {
		return this.records.findByInspectionIdOrderByRecordedAtAsc(inspectionId);
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
		if (StringUtils.hasText(targetDepartment) && Department.byGroupId(targetDepartment).isEmpty()) {
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

	public void publishCriticism(Long noticeId) {
		this.notices.findById(noticeId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.criticism.notFound", noticeId))
			.publish();
	}

	@Transactional(readOnly = true)
	public List<CriticismNotice> criticismsOf(Long inspectionId) {
		return this.notices.findByInspectionIdOrderByIssuedAtAsc(inspectionId);
	}

}

package org.rectiflow.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A problem broken down into accountable work (细化任务): the business key of a rectification-task process. */
@Entity
public class RectificationTask {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private Long problemId;

	private int seq;

	/** "problemCode.seq", e.g. {@code 1.3.4}: how people name a task in meetings and review opinions. */
	private String code;

	private String title;

	@Enumerated(EnumType.STRING)
	private TaskKind kind = TaskKind.CONCENTRATED;

	private String responsibleLeader;

	private String leadDepartment;

	private String cooperatingDepartments;

	private String responsiblePerson;

	private LocalDate deadline;

	@Enumerated(EnumType.STRING)
	private TaskStatus status = TaskStatus.NOT_COMPLETED;

	private boolean closedOff;

	private Instant closedOffAt;

	private boolean overdue;

	/** Left out of the public report's details (still counted): e.g. matters concerning named persons. */
	private boolean nonPublic;

	private String progressReport;

	/** The effectiveness evaluation recorded at close-off, if any: the grade and what it rests on. */
	@Enumerated(EnumType.STRING)
	private EffectivenessGrade effectivenessGrade;

	private String effectivenessBasis;

	/** How many times the task was started; a reopened task runs again in a new round. */
	private int round;

	/** Times a leader or the discipline committee sent the work back: one measure of its quality, for assessment. */
	private int returnCount;

	@Version
	private long version;

	protected RectificationTask() {
	}

	public RectificationTask(Long inspectionId, Long problemId, String problemCode, int seq, String title) {
		this.inspectionId = inspectionId;
		this.problemId = problemId;
		this.seq = seq;
		this.code = problemCode + "." + seq;
		this.title = title;
	}

	/** Settled tasks no longer hold up the inspection's report: closed off, or declared long-term. */
	public boolean isSettled() {
		return this.closedOff || this.status == TaskStatus.LONG_TERM;
	}

	public void recordOutcome(TaskStatus outcome, Instant at) {
		this.status = outcome;
		this.closedOff = outcome != TaskStatus.LONG_TERM;
		this.closedOffAt = this.closedOff ? at : null;
	}

	public void reopen() {
		this.status = TaskStatus.NOT_COMPLETED;
		this.closedOff = false;
		this.closedOffAt = null;
		this.overdue = false;
		this.effectivenessGrade = null;
		this.effectivenessBasis = null;
	}

	public void evaluateEffectiveness(EffectivenessGrade grade, String basis) {
		this.effectivenessGrade = grade;
		this.effectivenessBasis = basis;
	}

	public EffectivenessGrade getEffectivenessGrade() {
		return this.effectivenessGrade;
	}

	public String getEffectivenessBasis() {
		return this.effectivenessBasis;
	}

	public void startRound() {
		this.round++;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public Long getProblemId() {
		return this.problemId;
	}

	public int getSeq() {
		return this.seq;
	}

	public String getCode() {
		return this.code;
	}

	public String getTitle() {
		return this.title;
	}

	public TaskKind getKind() {
		return this.kind;
	}

	public void setKind(TaskKind kind) {
		this.kind = kind;
	}

	public String getResponsibleLeader() {
		return this.responsibleLeader;
	}

	public void setResponsibleLeader(String responsibleLeader) {
		this.responsibleLeader = responsibleLeader;
	}

	public String getLeadDepartment() {
		return this.leadDepartment;
	}

	public void setLeadDepartment(String leadDepartment) {
		this.leadDepartment = leadDepartment;
	}

	public List<String> getCooperatingDepartments() {
		return (this.cooperatingDepartments == null || this.cooperatingDepartments.isBlank()) ? List.of()
				: Arrays.asList(this.cooperatingDepartments.split(","));
	}

	public void setCooperatingDepartments(List<String> departments) {
		this.cooperatingDepartments = (departments == null || departments.isEmpty()) ? null
				: String.join(",", departments);
	}

	public String getResponsiblePerson() {
		return this.responsiblePerson;
	}

	public void setResponsiblePerson(String responsiblePerson) {
		this.responsiblePerson = responsiblePerson;
	}

	public LocalDate getDeadline() {
		return this.deadline;
	}

	public void setDeadline(LocalDate deadline) {
		this.deadline = deadline;
	}

	public TaskStatus getStatus() {
		return this.status;
	}

	public boolean isClosedOff() {
		return this.closedOff;
	}

	public Instant getClosedOffAt() {
		return this.closedOffAt;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public void recordReturn() {
		this.returnCount++;
	}

	public int getReturnCount() {
		return this.returnCount;
	}

	/** An approved extension: the new deadline, which is no longer passed. */
	public void extendDeadline(LocalDate newDeadline) {
		this.deadline = newDeadline;
		this.overdue = false;
	}

	public void markOverdue() {
		this.overdue = true;
	}

	public boolean isNonPublic() {
		return this.nonPublic;
	}

	public void setNonPublic(boolean nonPublic) {
		this.nonPublic = nonPublic;
	}

	public String getProgressReport() {
		return this.progressReport;
	}

	public void setProgressReport(String progressReport) {
		this.progressReport = progressReport;
	}

	public int getRound() {
		return this.round;
	}

}

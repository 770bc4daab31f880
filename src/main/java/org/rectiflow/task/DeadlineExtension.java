package org.rectiflow.task;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A department's request for more time (延期申请) and the responsible leader's answer. Kept after the decision:
 * the task's history and the department's assessment show every extension asked for, granted or refused.
 */
@Entity
public class DeadlineExtension {

	/** Where a request stands; a request still open when the department hands in or the task is reopened lapses. */
	public enum Status {

		PENDING, APPROVED, REFUSED, WITHDRAWN

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long taskId;

	private int round;

	private LocalDate previousDeadline;

	private LocalDate requestedDeadline;

	private String reason;

	private String requestedBy;

	private Instant requestedAt;

	@Enumerated(EnumType.STRING)
	private Status status = Status.PENDING;

	private String decidedBy;

	private Instant decidedAt;

	private String opinion;

	protected DeadlineExtension() {
	}

	public DeadlineExtension(RectificationTask task, LocalDate requestedDeadline, String reason, String requestedBy,
			Instant requestedAt) {
		this.taskId = task.getId();
		this.round = task.getRound();
		this.previousDeadline = task.getDeadline();
		this.requestedDeadline = requestedDeadline;
		this.reason = reason;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
	}

	public void decide(boolean approved, String by, String opinion, Instant at) {
		this.status = approved ? Status.APPROVED : Status.REFUSED;
		this.decidedBy = by;
		this.opinion = opinion;
		this.decidedAt = at;
	}

	void withdraw(Instant at) {
		this.status = Status.WITHDRAWN;
		this.decidedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public int getRound() {
		return this.round;
	}

	public LocalDate getPreviousDeadline() {
		return this.previousDeadline;
	}

	public LocalDate getRequestedDeadline() {
		return this.requestedDeadline;
	}

	public String getReason() {
		return this.reason;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public Status getStatus() {
		return this.status;
	}

	public boolean isPending() {
		return this.status == Status.PENDING;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getOpinion() {
		return this.opinion;
	}

}

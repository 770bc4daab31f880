package org.rectiflow.commonproblem;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * One unit's self-check answer to a {@link CommonProblemNotice}: the business key of the unit's
 * {@code commonProblemNoticeProcess} instance.
 */
@Entity
public class CommonProblemAnswer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long noticeId;

	private String unitId;

	@Enumerated(EnumType.STRING)
	private AnswerStatus status = AnswerStatus.WAITING;

	private boolean overdue;

	/** yes / partly / no: whether the unit has the same problem. */
	private String sameProblem;

	private String finding;

	private String measures;

	private String answeredBy;

	private Instant answeredAt;

	private int returnCount;

	private String returnReason;

	private String reviewedBy;

	private Instant reviewedAt;

	@Version
	private long version;

	protected CommonProblemAnswer() {
	}

	CommonProblemAnswer(Long noticeId, String unitId) {
		this.noticeId = noticeId;
		this.unitId = unitId;
	}

	void answer(String sameProblem, String finding, String measures, String by, Instant at) {
		this.sameProblem = sameProblem;
		this.finding = finding;
		this.measures = measures;
		this.answeredBy = by;
		this.answeredAt = at;
		this.status = AnswerStatus.ANSWERED;
	}

	void accept(String by, Instant at) {
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.status = AnswerStatus.ACCEPTED;
	}

	void sendBack(String reason, String by, Instant at) {
		this.returnReason = reason;
		this.returnCount++;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.status = AnswerStatus.WAITING;
	}

	/** Marks the answer overdue; true if it was not before (so the reminder goes out once). */
	boolean markOverdue() {
		boolean first = !this.overdue;
		this.overdue = true;
		return first;
	}

	public Long getId() {
		return this.id;
	}

	public Long getNoticeId() {
		return this.noticeId;
	}

	public String getUnitId() {
		return this.unitId;
	}

	public AnswerStatus getStatus() {
		return this.status;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public String getSameProblem() {
		return this.sameProblem;
	}

	public String getFinding() {
		return this.finding;
	}

	public String getMeasures() {
		return this.measures;
	}

	public String getAnsweredBy() {
		return this.answeredBy;
	}

	public Instant getAnsweredAt() {
		return this.answeredAt;
	}

	public int getReturnCount() {
		return this.returnCount;
	}

	public String getReturnReason() {
		return this.returnReason;
	}

	public String getReviewedBy() {
		return this.reviewedBy;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

}

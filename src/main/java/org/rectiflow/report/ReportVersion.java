package org.rectiflow.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One saved version of a report draft (the public progress report or the report to the inspection office): the
 * unit's words as JSON ({@link ReportNarrative}) and the whole text as it read when saved, so that two versions can
 * be compared. The version the office sends up for approval is marked requested; the one the Party committee
 * approved names who approved it and the report it became, which is frozen from then on. No version is ever changed
 * or deleted: a change is a new version.
 */
@Entity
public class ReportVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	/** PUBLIC or SUBMITTED: the report this is a draft of. */
	@Enumerated(EnumType.STRING)
	private ReportKind kind;

	/** 1, 2, 3 … per inspection and kind. */
	private int number;

	private String narrative;

	private String content;

	private String createdBy;

	private Instant createdAt;

	private Instant requestedAt;

	private String approvedBy;

	private Instant approvedAt;

	private Long reportId;

	protected ReportVersion() {
	}

	ReportVersion(Long inspectionId, ReportKind kind, int number, String narrative, String content, String createdBy,
			Instant createdAt) {
		this.inspectionId = inspectionId;
		this.kind = kind;
		this.number = number;
		this.narrative = narrative;
		this.content = content;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	void markRequested(Instant at) {
		this.requestedAt = at;
	}

	void markApproved(String by, Instant at, Long reportId) {
		this.approvedBy = by;
		this.approvedAt = at;
		this.reportId = reportId;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public ReportKind getKind() {
		return this.kind;
	}

	public int getNumber() {
		return this.number;
	}

	public String getNarrative() {
		return this.narrative;
	}

	public String getContent() {
		return this.content;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public String getApprovedBy() {
		return this.approvedBy;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public Long getReportId() {
		return this.reportId;
	}

	public boolean isApproved() {
		return this.approvedAt != null;
	}

}

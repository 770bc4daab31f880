package org.rectiflow.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A report as written or published; each draft round and each publication is kept. */
@Entity
public class RectificationReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	@Enumerated(EnumType.STRING)
	private ReportKind kind;

	private String content;

	private String createdBy;

	private Instant createdAt;

	protected RectificationReport() {
	}

	public RectificationReport(Long inspectionId, ReportKind kind, String content, String createdBy,
			Instant createdAt) {
		this.inspectionId = inspectionId;
		this.kind = kind;
		this.content = content;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
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

	public String getContent() {
		return this.content;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}

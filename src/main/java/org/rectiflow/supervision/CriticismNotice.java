package org.rectiflow.supervision;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** 通报批评: recorded against a department or a person for slow or perfunctory rectification; feeds assessments. */
@Entity
public class CriticismNotice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private String targetDepartment;

	private String targetPerson;

	private String reason;

	private String issuedBy;

	private Instant issuedAt;

	/** Set once the supervision process has issued it. */
	private boolean published;

	protected CriticismNotice() {
	}

	public CriticismNotice(Long inspectionId, String targetDepartment, String targetPerson, String reason,
			String issuedBy, Instant issuedAt) {
		this.inspectionId = inspectionId;
		this.targetDepartment = targetDepartment;
		this.targetPerson = targetPerson;
		this.reason = reason;
		this.issuedBy = issuedBy;
		this.issuedAt = issuedAt;
	}

	public void publish() {
		this.published = true;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public String getTargetDepartment() {
		return this.targetDepartment;
	}

	public String getTargetPerson() {
		return this.targetPerson;
	}

	public String getReason() {
		return this.reason;
	}

	public String getIssuedBy() {
		return this.issuedBy;
	}

	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	public boolean isPublished() {
		return this.published;
	}

}

package org.rectiflow.supervision;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** 通报批评: recorded against a department or a person for slow or perfunctory rectification; feeds assessments. */
@Entity
public class CriticismNotice {

	/** Why it was issued: found during supervision, or a deadline missed beyond the grace period. */
	public enum Kind {

		SUPERVISION, OVERDUE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	/** The task it is about, when it is about one. */
	private Long taskId;

	@Enumerated(EnumType.STRING)
	private Kind kind = Kind.SUPERVISION;

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

	/** A notice about one task's missed deadline, decided in the task's process and issued at once. */
	static CriticismNotice overdue(Long inspectionId, Long taskId, String targetDepartment, String targetPerson,
			String reason, String issuedBy, Instant issuedAt) {
		CriticismNotice notice = new CriticismNotice(inspectionId, targetDepartment, targetPerson, reason, issuedBy,
				issuedAt);
		notice.taskId = taskId;
		notice.kind = Kind.OVERDUE;
		notice.published = true;
		return notice;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public Kind getKind() {
		return this.kind;
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

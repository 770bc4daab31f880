package org.rectiflow.supervision;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** What the discipline committee saw and decided: a self-check, a visit, a sign-off, a summary or a look-back. */
@Entity
public class SupervisionRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private Long taskId;

	@Enumerated(EnumType.STRING)
	private SupervisionStage stage;

	private String department;

	private LocalDate visitDate;

	private String decision;

	private String content;

	private String recordedBy;

	private Instant recordedAt;

	private String place;

	private String participants;

	private String checkedItems;

	protected SupervisionRecord() {
	}

	public SupervisionRecord(Long inspectionId, SupervisionStage stage, String content, String recordedBy,
			Instant recordedAt) {
		this.inspectionId = inspectionId;
		this.stage = stage;
		this.content = content;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	public SupervisionRecord forTask(Long taskId, String decision) {
		this.taskId = taskId;
		this.decision = decision;
		return this;
	}

	/** Where and with whom an on-site check took place, and what was checked. */
	public SupervisionRecord onSite(LocalDate visitDate, String place, String participants, String checkedItems) {
		this.visitDate = visitDate;
		this.place = place;
		this.participants = participants;
		this.checkedItems = checkedItems;
		return this;
	}

	public String getPlace() {
		return this.place;
	}

	public String getParticipants() {
		return this.participants;
	}

	public String getCheckedItems() {
		return this.checkedItems;
	}

	public SupervisionRecord atDepartment(String department, LocalDate visitDate) {
		this.department = department;
		this.visitDate = visitDate;
		return this;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public SupervisionStage getStage() {
		return this.stage;
	}

	public String getDepartment() {
		return this.department;
	}

	public LocalDate getVisitDate() {
		return this.visitDate;
	}

	public String getDecision() {
		return this.decision;
	}

	public String getContent() {
		return this.content;
	}

	public String getRecordedBy() {
		return this.recordedBy;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

}

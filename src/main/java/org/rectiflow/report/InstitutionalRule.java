package org.rectiflow.report;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A rule created or revised as an outcome of the rectification (制度); the reports count them. */
@Entity
public class InstitutionalRule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private Long taskId;

	private String title;

	/** CREATED or REVISED. */
	private String action;

	private LocalDate issuedOn;

	/** 文号, e.g. 湘机电职院发〔2023〕5号. */
	private String documentNumber;

	protected InstitutionalRule() {
	}

	public InstitutionalRule(Long inspectionId, Long taskId, String title, String action, LocalDate issuedOn) {
		this(inspectionId, taskId, title, action, issuedOn, null);
	}

	public InstitutionalRule(Long inspectionId, Long taskId, String title, String action, LocalDate issuedOn,
			String documentNumber) {
		this.inspectionId = inspectionId;
		this.taskId = taskId;
		this.title = title;
		this.action = action;
		this.issuedOn = issuedOn;
		this.documentNumber = documentNumber;
	}

	void update(Long taskId, String title, String action, LocalDate issuedOn, String documentNumber) {
		this.taskId = taskId;
		this.title = title;
		this.action = action;
		this.issuedOn = issuedOn;
		this.documentNumber = documentNumber;
	}

	public String getDocumentNumber() {
		return this.documentNumber;
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

	public String getTitle() {
		return this.title;
	}

	public String getAction() {
		return this.action;
	}

	public LocalDate getIssuedOn() {
		return this.issuedOn;
	}

}

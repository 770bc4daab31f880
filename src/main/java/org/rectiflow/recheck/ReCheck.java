package org.rectiflow.recheck;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The re-check of one drawn task: the business key of its {@code reCheckProcess} instance. */
@Entity
public class ReCheck {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long drawId;

	private Long taskId;

	private Long inspectionId;

	private String unitId;

	@Enumerated(EnumType.STRING)
	private ReCheckStatus status = ReCheckStatus.PENDING;

	private String finding;

	private String checkedBy;

	private Instant checkedAt;

	@Version
	private long version;

	protected ReCheck() {
	}

	ReCheck(Long drawId, Long taskId, Long inspectionId, String unitId) {
		this.drawId = drawId;
		this.taskId = taskId;
		this.inspectionId = inspectionId;
		this.unitId = unitId;
	}

	void record(boolean passed, String finding, String by, Instant at) {
		this.status = passed ? ReCheckStatus.PASSED : ReCheckStatus.FAILED;
		this.finding = finding;
		this.checkedBy = by;
		this.checkedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public Long getDrawId() {
		return this.drawId;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public String getUnitId() {
		return this.unitId;
	}

	public ReCheckStatus getStatus() {
		return this.status;
	}

	public String getFinding() {
		return this.finding;
	}

	public String getCheckedBy() {
		return this.checkedBy;
	}

	public Instant getCheckedAt() {
		return this.checkedAt;
	}

}

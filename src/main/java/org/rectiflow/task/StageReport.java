package org.rectiflow.task;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A long-term task's periodic report: the staged measures taken and the results so far (阶段性成效). */
@Entity
public class StageReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long taskId;

	private String stageMeasures;

	private String stageResults;

	private boolean completionClaimed;

	private String reportedBy;

	private Instant reportedAt;

	protected StageReport() {
	}

	public StageReport(Long taskId, String stageMeasures, String stageResults, boolean completionClaimed,
			String reportedBy, Instant reportedAt) {
		this.taskId = taskId;
		this.stageMeasures = stageMeasures;
		this.stageResults = stageResults;
		this.completionClaimed = completionClaimed;
		this.reportedBy = reportedBy;
		this.reportedAt = reportedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public String getStageMeasures() {
		return this.stageMeasures;
	}

	public String getStageResults() {
		return this.stageResults;
	}

	public boolean isCompletionClaimed() {
		return this.completionClaimed;
	}

	public String getReportedBy() {
		return this.reportedBy;
	}

	public Instant getReportedAt() {
		return this.reportedAt;
	}

}

package org.rectiflow.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The inspection office's opinion on the unit's rectification report; "reopen" names tasks to do again. */
@Entity
public class ReviewOpinion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private String decision;

	private String content;

	private String reopenedTaskCodes;

	private String reviewedBy;

	private Instant reviewedAt;

	protected ReviewOpinion() {
	}

	public ReviewOpinion(Long inspectionId, String decision, String content, String reopenedTaskCodes,
			String reviewedBy, Instant reviewedAt) {
		this.inspectionId = inspectionId;
		this.decision = decision;
		this.content = content;
		this.reopenedTaskCodes = reopenedTaskCodes;
		this.reviewedBy = reviewedBy;
		this.reviewedAt = reviewedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public String getDecision() {
		return this.decision;
	}

	public String getContent() {
		return this.content;
	}

	public String getReopenedTaskCodes() {
		return this.reopenedTaskCodes;
	}

	public String getReviewedBy() {
		return this.reviewedBy;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

}

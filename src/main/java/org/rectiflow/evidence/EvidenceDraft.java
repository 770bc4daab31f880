package org.rectiflow.evidence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * What a department has written about its measures and results so far, kept until it submits: a clerk can save,
 * leave, and come back to the same text. One per task; the files saved with it are evidence not yet submitted.
 */
@Entity
public class EvidenceDraft {

	@Id
	private Long taskId;

	private String narrative;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected EvidenceDraft() {
	}

	public EvidenceDraft(Long taskId) {
		this.taskId = taskId;
	}

	public void update(String narrative, String by, Instant at) {
		this.narrative = narrative;
		this.updatedBy = by;
		this.updatedAt = at;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public String getNarrative() {
		return this.narrative;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}

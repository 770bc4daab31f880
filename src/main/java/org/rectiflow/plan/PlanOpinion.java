package org.rectiflow.plan;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A leader's comment on the draft plan during opinion solicitation (征求意见); kept across drafting rounds. */
@Entity
public class PlanOpinion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private String leader;

	private String content;

	private Instant createdAt;

	protected PlanOpinion() {
	}

	public PlanOpinion(Long inspectionId, String leader, String content, Instant createdAt) {
		this.inspectionId = inspectionId;
		this.leader = leader;
		this.content = content;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public String getLeader() {
		return this.leader;
	}

	public String getContent() {
		return this.content;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}

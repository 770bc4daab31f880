package org.rectiflow.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A top grouping of the feedback (反馈问题大类), e.g. "全面从严治党整体部署与推进不实". */
@Entity
public class ProblemCategory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private int seq;

	private String title;

	protected ProblemCategory() {
	}

	public ProblemCategory(Long inspectionId, int seq, String title) {
		this.inspectionId = inspectionId;
		this.seq = seq;
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public int getSeq() {
		return this.seq;
	}

	public String getTitle() {
		return this.title;
	}

}

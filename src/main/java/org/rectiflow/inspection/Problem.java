package org.rectiflow.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One numbered finding under a category. Its outcome is never stored: it rolls up from its tasks. */
@Entity
public class Problem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private Long categoryId;

	private int seq;

	/** "categorySeq.problemSeq", e.g. {@code 2.4}; the prefix of its tasks' codes. */
	private String code;

	private String title;

	private boolean previousRound;

	protected Problem() {
	}

	public Problem(Long inspectionId, Long categoryId, int categorySeq, int seq, String title) {
		this.inspectionId = inspectionId;
		this.categoryId = categoryId;
		this.seq = seq;
		this.code = categorySeq + "." + seq;
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public int getSeq() {
		return this.seq;
	}

	public String getCode() {
		return this.code;
	}

	public String getTitle() {
		return this.title;
	}

	public boolean isPreviousRound() {
		return this.previousRound;
	}

	public void setPreviousRound(boolean previousRound) {
		this.previousRound = previousRound;
	}

}

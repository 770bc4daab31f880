package org.rectiflow.commonproblem;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A common-problem notice (举一反三): a problem found in one unit that the inspection office sends to other units for
 * their self-check (自查自纠), with a deadline. Each unit answers in its own {@link CommonProblemAnswer}.
 */
@Entity
public class CommonProblemNotice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String problemText;

	private String requirement;

	/** The unit where the problem was found, when the office picked a problem of an inspection. */
	private String sourceUnitId;

	private Long sourceProblemId;

	private LocalDate deadline;

	private String sentBy;

	private Instant sentAt;

	protected CommonProblemNotice() {
	}

	CommonProblemNotice(String title, String problemText, String requirement, String sourceUnitId, Long sourceProblemId,
			LocalDate deadline, String sentBy, Instant sentAt) {
		this.title = title;
		this.problemText = problemText;
		this.requirement = requirement;
		this.sourceUnitId = sourceUnitId;
		this.sourceProblemId = sourceProblemId;
		this.deadline = deadline;
		this.sentBy = sentBy;
		this.sentAt = sentAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getProblemText() {
		return this.problemText;
	}

	public String getRequirement() {
		return this.requirement;
	}

	public String getSourceUnitId() {
		return this.sourceUnitId;
	}

	public Long getSourceProblemId() {
		return this.sourceProblemId;
	}

	public LocalDate getDeadline() {
		return this.deadline;
	}

	public String getSentBy() {
		return this.sentBy;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

}

package org.rectiflow.inspection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One inspection round of one unit: the business key of its rectification process. */
@Entity
public class Inspection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String inspectingBody;

	private String unitName;

	/** The unit (被巡察单位) inspected, whose Camunda tenant the inspection's process instances belong to. */
	private String unitId;

	private LocalDate onSiteFrom;

	private LocalDate onSiteTo;

	private LocalDate feedbackDate;

	private String documentNumbers;

	private int concentratedMonths = 3;

	private String planSummary;

	private String contactLine;

	@Enumerated(EnumType.STRING)
	private InspectionStatus status = InspectionStatus.PLANNING;

	private Long previousInspectionId;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant closedAt;

	/** The round (巡察轮次) whose group gave the feedback; null for an inspection registered by the unit itself. */
	private Long roundId;

	/**
	 * When the group handed the feedback over to the unit; until then (in a round) the unit's rectification has not
	 * started. Null for an inspection registered by the unit itself, which starts at once.
	 */
	private Instant handedOverAt;

	private String handedOverBy;

	/**
	 * Recorded history (issue 19): the unit records a round, or the rest of one, done before it used Rectiflow. Each
	 * step then takes its effective date, deadlines may lie in the past, and no deadline timer is armed.
	 */
	private boolean recordedHistory;

	@Version
	private long version;

	protected Inspection() {
	}

	public Inspection(String title, String inspectingBody, String unitName, Instant createdAt) {
		this.title = title;
		this.inspectingBody = inspectingBody;
		this.unitName = unitName;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getInspectingBody() {
		return this.inspectingBody;
	}

	public String getUnitName() {
		return this.unitName;
	}

	public String getUnitId() {
		return this.unitId;
	}

	public void setUnitId(String unitId) {
		this.unitId = unitId;
	}

	public LocalDate getOnSiteFrom() {
		return this.onSiteFrom;
	}

	public LocalDate getOnSiteTo() {
		return this.onSiteTo;
	}

	public void setOnSitePeriod(LocalDate from, LocalDate to) {
		this.onSiteFrom = from;
		this.onSiteTo = to;
	}

	public LocalDate getFeedbackDate() {
		return this.feedbackDate;
	}

	public void setFeedbackDate(LocalDate feedbackDate) {
		this.feedbackDate = feedbackDate;
	}

	public String getDocumentNumbers() {
		return this.documentNumbers;
	}

	public void setDocumentNumbers(String documentNumbers) {
		this.documentNumbers = documentNumbers;
	}

	public int getConcentratedMonths() {
		return this.concentratedMonths;
	}

	public void setConcentratedMonths(int concentratedMonths) {
		this.concentratedMonths = concentratedMonths;
	}

	public String getPlanSummary() {
		return this.planSummary;
	}

	public void setPlanSummary(String planSummary) {
		this.planSummary = planSummary;
	}

	public String getContactLine() {
		return this.contactLine;
	}

	public void setContactLine(String contactLine) {
		this.contactLine = contactLine;
	}

	public InspectionStatus getStatus() {
		return this.status;
	}

	public void setStatus(InspectionStatus status) {
		this.status = status;
	}

	public Long getPreviousInspectionId() {
		return this.previousInspectionId;
	}

	public void setPreviousInspectionId(Long previousInspectionId) {
		this.previousInspectionId = previousInspectionId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public void close(Instant at) {
		this.status = InspectionStatus.CLOSED;
		this.closedAt = at;
	}

	public LocalDate concentratedPeriodEnd() {
		return (this.feedbackDate != null) ? this.feedbackDate.plusMonths(this.concentratedMonths) : null;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	public void setRoundId(Long roundId) {
		this.roundId = roundId;
	}

	public Instant getHandedOverAt() {
		return this.handedOverAt;
	}

	public String getHandedOverBy() {
		return this.handedOverBy;
	}

	/** In a round, and the group has not handed the feedback over yet: it is still with the group. */
	public boolean isWithGroup() {
		return this.roundId != null && this.handedOverAt == null;
	}

	public boolean isRecordedHistory() {
		return this.recordedHistory;
	}

	public void setRecordedHistory(boolean recordedHistory) {
		this.recordedHistory = recordedHistory;
	}

	public void handOver(String by, Instant at) {
		this.handedOverBy = by;
		this.handedOverAt = at;
	}

}

package org.rectiflow.task;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A file proving a measure was carried out; the bytes are in {@code evidence/EvidenceContent}. */
@Entity
public class Evidence {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long taskId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private String description;

	private String uploadedBy;

	private Instant uploadedAt;

	/** When the department submitted it with its progress; null while it waits in a draft. */
	private Instant submittedAt;

	protected Evidence() {
	}

	public Evidence(Long taskId, String fileName, String contentType, long sizeBytes, String sha256,
			String description, String uploadedBy, Instant uploadedAt) {
		this.taskId = taskId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.description = description;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getDescription() {
		return this.description;
	}

	public String getUploadedBy() {
		return this.uploadedBy;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public boolean isSubmitted() {
		return this.submittedAt != null;
	}

	/** Images and PDFs are shown in the page; other types are only downloaded. */
	public boolean isPreviewable() {
		return this.contentType != null && (this.contentType.startsWith("image/png")
				|| this.contentType.startsWith("image/jpeg") || this.contentType.startsWith("application/pdf"));
	}

	public boolean isImage() {
		return this.contentType != null && this.contentType.startsWith("image/");
	}

}

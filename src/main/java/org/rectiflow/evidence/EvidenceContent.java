package org.rectiflow.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The bytes of one evidence file, kept apart so that lists of evidence never load them. */
@Entity
public class EvidenceContent {

	@Id
	private Long evidenceId;

	private byte[] content;

	protected EvidenceContent() {
	}

	public EvidenceContent(Long evidenceId, byte[] content) {
		this.evidenceId = evidenceId;
		this.content = content;
	}

	public Long getEvidenceId() {
		return this.evidenceId;
	}

	public byte[] getContent() {
		return this.content;
	}

}

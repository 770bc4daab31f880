package org.rectiflow.task;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An evidence file as an HTTP response, for the API and the portal alike: its own type, its name in UTF-8, its
 * checksum, and {@code nosniff} so a browser never reads it as anything else.
 */
final class EvidenceResponses {

	private EvidenceResponses() {
	}

	static ResponseEntity<byte[]> of(Evidence e, byte[] content, ContentDisposition.Builder disposition) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(e.getContentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(e.getFileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SHA256", e.getSha256())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

}

package org.rectiflow.report;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a report file is answered: its type, a Chinese file name, and no guessing of the type by the browser. */
final class ReportFiles {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private ReportFiles() {
	}

	static ResponseEntity<byte[]> pdf(String name, byte[] content) {
		return file(MediaType.APPLICATION_PDF, ContentDisposition.inline(), name + ".pdf", content);
	}

	static ResponseEntity<byte[]> docx(String name, byte[] content) {
		return file(DOCX, ContentDisposition.attachment(), name + ".docx", content);
	}

	private static ResponseEntity<byte[]> file(MediaType type, ContentDisposition.Builder disposition, String name,
			byte[] content) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

}

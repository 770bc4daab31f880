package org.rectiflow.evidence;

import java.nio.charset.StandardCharsets;

import org.rectiflow.task.Evidence;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An evidence file as an HTTP response, for the API and the portal alike: its type as read from its bytes at upload,
 * its name in UTF-8, its checksum, {@code nosniff} so a browser never reads it as anything else, and a policy that lets
 * nothing in it run. Only images and PDFs are ever shown inline; everything else is an attachment, whatever was asked.
 */
public final class EvidenceResponses {

	/** Files saved to disk, and images shown alone: no script, no plugin, no same-origin access (sandbox). */
	public static final String SANDBOXED = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

	/**
	 * PDFs shown inline: Chromium refuses to open its PDF viewer in a sandboxed document, so instead of the sandbox
	 * the policy allows the viewer (the document's plugin) and nothing else.
	 */
	static final String PDF_INLINE = "default-src 'none'; object-src 'self'; img-src 'self'; style-src 'unsafe-inline'; "
			+ "frame-ancestors 'self'";

	private EvidenceResponses() {
	}

	public static ResponseEntity<byte[]> of(Evidence e, byte[] content, boolean inline) {
		boolean showInPage = inline && e.isPreviewable();
		ContentDisposition.Builder disposition = showInPage ? ContentDisposition.inline()
				: ContentDisposition.attachment();
		boolean pdf = showInPage && e.getContentType().startsWith(MediaType.APPLICATION_PDF_VALUE);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(e.getContentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(e.getFileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SHA256", e.getSha256())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", pdf ? PDF_INLINE : SANDBOXED)
			.body(content);
	}

}

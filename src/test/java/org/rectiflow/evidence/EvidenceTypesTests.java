package org.rectiflow.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.rectiflow.system.RectiflowException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Types read from the bytes with Tika against the allow-list of application.yaml. */
class EvidenceTypesTests {

	static final List<String> ALLOWED = List.of("application/pdf", "image/png", "image/jpeg",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel",
			"text/plain");

	static final byte[] PDF = "%PDF-1.4\n宿舍维修台账\n%%EOF".getBytes(StandardCharsets.UTF_8);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };

	static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000PE\u0000\u0000This program cannot be run in DOS mode"
		.getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsWhatItsBytesAndNameAgreeOn() throws IOException {
		assertThat(EvidenceTypes.check("台账.pdf", PDF, ALLOWED)).isEqualTo("application/pdf");
		assertThat(EvidenceTypes.check("现场.PNG", PNG, ALLOWED)).isEqualTo("image/png");
		assertThat(EvidenceTypes.check("现场.jpg", JPEG, ALLOWED)).isEqualTo("image/jpeg");
		assertThat(EvidenceTypes.check("说明.txt", "整改情况说明".getBytes(StandardCharsets.UTF_8), ALLOWED))
			.isEqualTo("text/plain");
		assertThat(EvidenceTypes.check("制度.docx", zip(), ALLOWED))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(EvidenceTypes.check("台账.xlsx", zip(), ALLOWED))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@Test
	void refusesAProgramOrAWebPageNamedPdf() {
		assertThatThrownBy(() -> EvidenceTypes.check("整改报告.pdf", EXE, ALLOWED)).isInstanceOf(RectiflowException.class)
			.satisfies((ex) -> assertThat(((RectiflowException) ex).getMessageKey()).isEqualTo("error.evidence.contentType"));
		assertThatThrownBy(() -> EvidenceTypes.check("整改报告.pdf", HTML, ALLOWED))
			.satisfies((ex) -> assertThat(((RectiflowException) ex).getArgs()).contains("text/html"));
		assertThatThrownBy(() -> EvidenceTypes.check("说明.txt", HTML, ALLOWED)).isInstanceOf(RectiflowException.class);
	}

	@Test
	void refusesAnAllowedTypeUnderAnotherTypesName() {
		assertThatThrownBy(() -> EvidenceTypes.check("整改报告.pdf", JPEG, ALLOWED))
			.satisfies((ex) -> assertThat(((RectiflowException) ex).getMessageKey())
				.isEqualTo("error.evidence.contentMismatch"));
		assertThatThrownBy(() -> EvidenceTypes.check("整改报告.pdf", "只是文字".getBytes(StandardCharsets.UTF_8), ALLOWED))
			.satisfies((ex) -> assertThat(((RectiflowException) ex).getMessageKey())
				.isEqualTo("error.evidence.contentMismatch"));
		byte[] noise = { 0x13, 0x37, 0x00, (byte) 0xC3, 0x7F, 0x01, 0x02 };
		assertThatThrownBy(() -> EvidenceTypes.check("说明.txt", noise, ALLOWED))
			.satisfies((ex) -> assertThat(((RectiflowException) ex).getMessageKey())
				.isEqualTo("error.evidence.contentMismatch"));
	}

	static byte[] zip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}

package org.rectiflow.evidence;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.audit.AuditChain;
import org.rectiflow.audit.AuditEntry;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.security.PortalSession;
import org.rectiflow.task.Evidence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence through the running application: the type is read from the bytes (a program or a web page named .pdf is
 * refused in Chinese, whatever the browser claims), the name is cleaned, downloads are attachments with nosniff and a
 * sandboxing policy, previews are inline only for images and PDFs, and each upload and download is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceHardeningTests {

	private static final String STAFF = DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT);

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessDriver driver;

	@Autowired
	EvidenceService evidence;

	@Autowired
	JdbcTemplate jdbc;

	private Long inspection;

	/** One filed inspection for all three tests: its two logistics tasks take the uploads. */
	@BeforeAll
	void inspection() {
		this.inspection = this.driver.register(TestFeedback.small("材料：类型、名称与下载")).getId();
		this.driver.filePlan(this.inspection);
	}

	/** Leaves no open task behind: the tests share one database, and the home page lists a department's first 30. */
	@AfterAll
	void settle() {
		this.driver.tasksOf(this.inspection).forEach((t) -> this.driver.settle(t, "COMPLETED"));
	}

	private Long filedTask(String code) {
		return this.driver.task(this.inspection, code).getId();
	}

	@Test
	void aProgramOrAWebPageNamedPdfIsRefusedInChineseAndNothingIsStored() {
		Long taskId = filedTask("1.1.2");
		int before = this.evidence.evidenceOf(taskId).size();
		ResponseEntity<JsonNode> exe = upload(taskId, "整改报告.pdf", "application/pdf", EvidenceTypesTests.EXE);
		assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exe.getBody().get("detail").asText()).contains("整改报告.pdf").contains("不在允许的类型之内");
		ResponseEntity<JsonNode> html = upload(taskId, "整改报告.pdf", "application/pdf", EvidenceTypesTests.HTML);
		assertThat(html.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(html.getBody().get("detail").asText()).contains("text/html");
		ResponseEntity<JsonNode> picture = upload(taskId, "整改报告.pdf", "application/pdf", EvidenceTypesTests.JPEG);
		assertThat(picture.getBody().get("detail").asText()).contains("与扩展名不符");
		assertThat(this.evidence.evidenceOf(taskId)).hasSize(before);
	}

	@Test
	void theTypeComesFromTheBytesAndTheNameIsCleaned() {
		Long taskId = filedTask("1.1.1");
		// Bytes of its own: the same file sent twice to a task is kept once (issue 24), and other tests upload PDF.
		byte[] pdf = (new String(EvidenceTypesTests.PDF, StandardCharsets.ISO_8859_1) + "%" + UUID.randomUUID())
			.getBytes(StandardCharsets.ISO_8859_1);
		ResponseEntity<JsonNode> saved = upload(taskId, "../../etc/维修\u202E台账\u0007.pdf", "text/html", pdf);
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(saved.getBody().get("fileName").asText()).isEqualTo("维修台账.pdf");
		assertThat(saved.getBody().get("contentType").asText()).isEqualTo("application/pdf");
	}

	@Test
	void downloadsAreAttachmentsAndPreviewsAreInlineOnlyForImagesAndPdfs() throws Exception {
		Long taskId = filedTask("1.1.1");
		long pdf = upload(taskId, "台账.pdf", "application/pdf", EvidenceTypesTests.PDF).getBody().get("id").asLong();
		long png = upload(taskId, "现场.png", "image/png", EvidenceTypesTests.PNG).getBody().get("id").asLong();
		// Text with a script in it is text: kept as text/plain, never shown inline, sent with nosniff and a sandbox.
		ResponseEntity<JsonNode> text = upload(taskId, "说明.txt", "text/html",
				"整改说明 <script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		assertThat(text.getBody().get("contentType").asText()).isEqualTo("text/plain");
		long plain = text.getBody().get("id").asLong();

		PortalSession session = new PortalSession(this.port);
		session.login(STAFF, DemoAccounts.PASSWORD);
		HttpResponse<String> download = session.get("/evidence/" + pdf + "/download");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(d) -> assertThat(d).startsWith("attachment;").contains("filename*=UTF-8''"));
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly(EvidenceResponses.SANDBOXED);

		HttpResponse<String> image = session.get("/evidence/" + png + "/preview");
		assertThat(image.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(d) -> assertThat(d).startsWith("inline;"));
		assertThat(image.headers().allValues("Content-Security-Policy")).containsExactly(EvidenceResponses.SANDBOXED);
		HttpResponse<String> pdfPreview = session.get("/evidence/" + pdf + "/preview");
		assertThat(pdfPreview.headers().allValues("Content-Security-Policy")).containsExactly(EvidenceResponses.PDF_INLINE);
		assertThat(session.get("/evidence/" + plain + "/preview").statusCode()).isEqualTo(400);

		HttpResponse<String> api = session.get("/api/evidence/" + plain + "/content");
		assertThat(api.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(d) -> assertThat(d).startsWith("attachment;"));
		assertThat(api.headers().allValues("Content-Security-Policy")).containsExactly(EvidenceResponses.SANDBOXED);

		List<AuditEntry> entries = this.jdbc.query(
				"select * from audit_entry where subject in (?, ?, ?) order by id", (rs, i) -> AuditChain.read(rs),
				"evidence:" + pdf, "evidence:" + png, "evidence:" + plain);
		assertThat(entries).extracting(AuditEntry::kind)
			.containsExactly("UPLOAD", "UPLOAD", "UPLOAD", "DOWNLOAD", "DOWNLOAD", "DOWNLOAD", "DOWNLOAD");
		assertThat(entries.get(0).actor()).isEqualTo(STAFF);
		assertThat(entries.get(0).detail()).contains("台账.pdf").contains("application/pdf").contains("sha256=");
		assertThat(entries.get(3).actor()).isEqualTo(STAFF);
		assertThat(entries.get(3).clientAddress()).isNotBlank();
		assertThat(entries.get(3).detail()).startsWith("download");
		assertThat(entries.get(4).detail()).startsWith("preview");
	}

	private ResponseEntity<JsonNode> upload(Long taskId, String fileName, String contentType, byte[] bytes) {
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType(contentType));
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}, partHeaders));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.withBasicAuth(STAFF, DemoAccounts.PASSWORD)
			.exchange("/api/tasks/" + taskId + "/evidence", HttpMethod.POST, new HttpEntity<>(body, headers),
					JsonNode.class);
	}

}

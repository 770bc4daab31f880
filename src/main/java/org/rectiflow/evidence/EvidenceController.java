package org.rectiflow.evidence;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.system.Actors;
import org.rectiflow.system.ApiController;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.Evidence;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** API of a rectification task's evidence files: upload, list, read. */
@ApiController("/api")
class EvidenceController {

	private final RectificationTaskService tasks;

	private final EvidenceService evidence;

	private final Directory directory;

	private final Messages messages;

	EvidenceController(RectificationTaskService tasks, EvidenceService evidence, Directory directory,
			Messages messages) {
		this.tasks = tasks;
		this.evidence = evidence;
		this.directory = directory;
		this.messages = messages;
	}

	/** A file of the task; {@code alreadyThere} and {@code message} only in the answer to an upload of a file the task had. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EvidenceView(Long id, String fileName, String contentType, long sizeBytes, String sha256,
			String description, String uploadedBy, Instant uploadedAt, String href, Boolean alreadyThere,
			String message) {

		static EvidenceView of(Evidence e) {
			return new EvidenceView(e.getId(), e.getFileName(), e.getContentType(), e.getSizeBytes(), e.getSha256(),
					e.getDescription(), e.getUploadedBy(), e.getUploadedAt(), "/api/evidence/" + e.getId() + "/content",
					null, null);
		}

		EvidenceView alreadyThere(String message) {
			return new EvidenceView(this.id, this.fileName, this.contentType, this.sizeBytes, this.sha256,
					this.description, this.uploadedBy, this.uploadedAt, this.href, true, message);
		}

	}

	/** Members of the lead department (and the rectification office on their behalf) upload evidence. */
	@PostMapping(path = "/tasks/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<EvidenceView> upload(@PathVariable Long taskId, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "description", required = false) String description) throws IOException {
		RectificationTask task = this.tasks.visible(taskId);
		String user = Actors.current();
		if (!this.directory.isMember(user, task.getLeadDepartment())
				&& !this.directory.isMember(user, Groups.RECTIFICATION_OFFICE)) {
			throw new RectiflowException("error.evidence.notLeadDepartment", task.getCode());
		}
		EvidenceService.Uploaded uploaded = this.evidence.upload(taskId,
				new EvidenceService.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes(), description),
				user);
		Evidence e = uploaded.evidence();
		if (uploaded.alreadyThere()) {
			// The same bytes are on the task already (a resend): 200 with that file, nothing stored twice.
			return ResponseEntity.ok()
				.location(URI.create("/api/evidence/" + e.getId()))
				.body(EvidenceView.of(e).alreadyThere(this.messages.get("evidence.alreadyThere", e.getFileName(),
						Messages.dateTime(e.getUploadedAt()))));
		}
		return ResponseEntity.created(URI.create("/api/evidence/" + e.getId())).body(EvidenceView.of(e));
	}

	@GetMapping("/tasks/{taskId}/evidence")
	List<EvidenceView> evidenceOf(@PathVariable Long taskId) {
		this.tasks.visible(taskId);
		return this.evidence.evidenceOf(taskId).stream().map(EvidenceView::of).toList();
	}

	@GetMapping("/evidence/{evidenceId}")
	EvidenceView evidence(@PathVariable Long evidenceId) {
		return EvidenceView.of(this.evidence.visible(evidenceId));
	}

	@GetMapping("/evidence/{evidenceId}/content")
	ResponseEntity<byte[]> content(@PathVariable Long evidenceId) {
		Evidence e = this.evidence.visible(evidenceId);
		byte[] content = this.evidence.content(evidenceId);
		this.evidence.recordDownload(e, false);
		return EvidenceResponses.of(e, content, false);
	}

}

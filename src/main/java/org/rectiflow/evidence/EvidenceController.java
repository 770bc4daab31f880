package org.rectiflow.evidence;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.system.Actors;
import org.rectiflow.system.ApiController;
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

	EvidenceController(RectificationTaskService tasks, EvidenceService evidence, Directory directory) {
		this.tasks = tasks;
		this.evidence = evidence;
		this.directory = directory;
	}

	record EvidenceView(Long id, String fileName, String contentType, long sizeBytes, String sha256,
			String description, String uploadedBy, Instant uploadedAt, String href) {

		static EvidenceView of(Evidence e) {
			return new EvidenceView(e.getId(), e.getFileName(), e.getContentType(), e.getSizeBytes(), e.getSha256(),
					e.getDescription(), e.getUploadedBy(), e.getUploadedAt(), "/api/evidence/" + e.getId() + "/content");
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
		Evidence saved = this.evidence.upload(taskId,
				new EvidenceService.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes(), description),
				user);
		return ResponseEntity.created(URI.create("/api/evidence/" + saved.getId())).body(EvidenceView.of(saved));
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

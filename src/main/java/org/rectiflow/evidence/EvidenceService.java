package org.rectiflow.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Viewer;
import org.rectiflow.identity.Groups;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.RectiflowProperties;
import org.rectiflow.task.Evidence;
import org.rectiflow.task.EvidenceRepository;
import org.rectiflow.task.EvidenceSummary;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Evidence files: kept in the database with their SHA-256, so a copy on a desk can be matched to what was filed.
 */
@Service
@Transactional
public class EvidenceService {

	private final EvidenceRepository evidence;

	private final EvidenceContentRepository contents;

	private final RectificationTaskRepository tasks;

	private final RectificationTaskProcessAdapter process;

	private final RectiflowProperties properties;

	private final Directory directory;

	private final Clock clock;

	private final AuditLog auditLog;

	EvidenceService(EvidenceRepository evidence, EvidenceContentRepository contents, RectificationTaskRepository tasks,
			RectificationTaskProcessAdapter process, RectiflowProperties properties, Directory directory, Clock clock,
			AuditLog auditLog) {
		this.auditLog = auditLog;
		this.evidence = evidence;
		this.contents = contents;
		this.tasks = tasks;
		this.process = process;
		this.properties = properties;
		this.directory = directory;
		this.clock = clock;
	}

	/** A file as received at the edge. */
	public record Upload(String fileName, String contentType, byte[] bytes, String description) {
	}

	/** What an upload left on the task: the file stored now, or the same file (same SHA-256) stored before. */
	public record Uploaded(Evidence evidence, boolean alreadyThere) {
	}

	/**
	 * Stores a file for the task, unless the task has the same file already (same bytes, by SHA-256; uploads come
	 * from the lead department only, so "the same task" is "the same department"): a phone that lost the answer
	 * and sent the file again, or the same file chosen twice, leaves one file, and the person is told it is there.
	 */
	public Uploaded upload(Long taskId, Upload upload, String uploadedBy) {
		RectificationTask task = this.tasks.findById(taskId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.task.notFound", taskId));
		if (task.isClosedOff()) {
			throw new RectiflowException.Conflict("error.evidence.taskClosedOff", task.getCode());
		}
		String fileName = EvidenceFileNames.sanitize(upload.fileName());
		String contentType = validate(upload);
		String sha256 = sha256(upload.bytes());
		Optional<Evidence> same = this.evidence.findFirstByTaskIdAndSha256(taskId, sha256);
		if (same.isPresent()) {
			return new Uploaded(same.get(), true);
		}
		Evidence saved = this.evidence.save(new Evidence(taskId, fileName, contentType, upload.bytes().length,
				sha256, StringUtils.hasText(upload.description()) ? upload.description().trim() : null,
				uploadedBy, this.clock.instant()));
		this.contents.save(new EvidenceContent(saved.getId(), upload.bytes()));
		this.process.updateEvidenceSummary(taskId,
				EvidenceSummary.summarize(this.evidence.findByTaskIdOrderByUploadedAtAsc(taskId), this.directory::displayName));
		this.auditLog.record(uploadedBy, AuditLog.clientAddress(), AuditKind.UPLOAD, "evidence:" + saved.getId(),
				"task " + task.getCode() + "；" + fileName + "；" + contentType + "；" + saved.getSizeBytes()
						+ " B；sha256=" + saved.getSha256());
		return new Uploaded(saved, false);
	}

	/**
	 * Takes back a file that is still waiting in a draft; submitted evidence is part of the record and stays. Only
	 * the lead department (or the rectification office) may, as only they upload.
	 */
	public void delete(Long evidenceId, String by) {
		Evidence e = get(evidenceId);
		if (e.isSubmitted()) {
			throw new RectiflowException.Conflict("error.evidence.submitted", e.getFileName());
		}
		RectificationTask task = this.tasks.findById(e.getTaskId()).orElseThrow();
		if (!this.directory.isMember(by, task.getLeadDepartment())
				&& !this.directory.isMember(by, Groups.RECTIFICATION_OFFICE)) {
			throw new RectiflowException("error.evidence.notLeadDepartment", task.getCode());
		}
		this.contents.deleteById(evidenceId);
		this.evidence.delete(e);
		this.auditLog.record(by, AuditLog.clientAddress(), AuditKind.UPLOAD_REMOVED, "evidence:" + evidenceId,
				"task " + task.getCode() + "；" + e.getFileName() + "；sha256=" + e.getSha256());
		this.process.updateEvidenceSummary(e.getTaskId(),
				EvidenceSummary.summarize(this.evidence.findByTaskIdOrderByUploadedAtAsc(e.getTaskId()), this.directory::displayName));
	}

	/** Stamps the files waiting in the task's draft as submitted with its progress; returns how many there were. */
	public int markSubmitted(Long taskId) {
		return this.evidence.markSubmitted(taskId, this.clock.instant());
	}

	@Transactional(readOnly = true)
	public List<Evidence> evidenceOf(Long taskId) {
		return this.evidence.findByTaskIdOrderByUploadedAtAsc(taskId);
	}

	@Transactional(readOnly = true)
	public long countOf(Long taskId) {
		return this.evidence.countByTaskId(taskId);
	}

	@Transactional(readOnly = true)
	public Evidence get(Long evidenceId) {
		return this.evidence.findById(evidenceId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.evidence.notFound", evidenceId));
	}

	/** The evidence, if the signed-in person may see its task; otherwise "not found", whatever the id guessed. */
	@Transactional(readOnly = true)
	public Evidence visible(Long evidenceId) {
		Evidence e = get(evidenceId);
		RectificationTask task = this.tasks.findById(e.getTaskId()).orElseThrow();
		if (!Viewer.current().maySee(task.getLeadDepartment(), task.getCooperatingDepartments(),
				task.getResponsibleLeader())) {
			throw new RectiflowException.NotFound("error.evidence.notFound", evidenceId);
		}
		return e;
	}

	@Transactional(readOnly = true)
	public byte[] content(Long evidenceId) {
		return this.contents.findById(evidenceId)
			.map(EvidenceContent::getContent)
			.orElseThrow(() -> new RectiflowException.NotFound("error.evidence.notFound", evidenceId));
	}

	/** As {@link EvidenceSummary#humanSize}; the task page's template calls it here. */
	public static String humanSize(long bytes) {
		return EvidenceSummary.humanSize(bytes);
	}

	/** The longest description kept with a file (the {@code evidence.description} column). */
	static final int MAX_DESCRIPTION_LENGTH = 1000;

	/** The rules every file meets (present, not too large, an allowed type), checked before anything is stored. */
	public void check(Upload upload) {
		validate(upload);
	}

	/** Checks the file and returns its type as read from its bytes (what is stored and served). */
	private String validate(Upload upload) {
		if (upload.bytes() == null || upload.bytes().length == 0 || !StringUtils.hasText(upload.fileName())) {
			throw new RectiflowException("error.evidence.empty");
		}
		if (upload.bytes().length > this.properties.evidence().maxBytes()) {
			throw new RectiflowException("error.evidence.tooLarge", EvidenceSummary.humanSize(this.properties.evidence().maxBytes()));
		}
		if (upload.description() != null && upload.description().strip().length() > MAX_DESCRIPTION_LENGTH) {
			throw new RectiflowException("error.evidence.descriptionTooLong", MAX_DESCRIPTION_LENGTH);
		}
		return EvidenceTypes.check(EvidenceFileNames.sanitize(upload.fileName()), upload.bytes(),
				this.properties.evidence().allowedContentTypes());
	}

	/** Records that a person fetched the file (download, or preview in the page). */
	public void recordDownload(Evidence e, boolean inline) {
		this.auditLog.record(AuditKind.DOWNLOAD, "evidence:" + e.getId(),
				(inline ? "preview；" : "download；") + "task " + e.getTaskId() + "；" + e.getFileName());
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}

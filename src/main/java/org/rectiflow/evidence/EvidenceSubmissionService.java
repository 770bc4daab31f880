package org.rectiflow.evidence;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.identity.Directory;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.system.StepClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A department's evidence submission from the portal: the narrative of measures taken and results, with files.
 * It can be saved as a draft and resumed; submitting stores the files and completes the engine's
 * {@code userTask_submitEvidence} in one transaction, so either the leader gets the whole submission or nothing
 * changed. Every rule is checked before anything is stored.
 */
@Service
@Transactional
public class EvidenceSubmissionService {

	/** Shorter than this is not an account of measures and results. */
	public static final int MIN_NARRATIVE_LENGTH = 10;

	public static final int MAX_NARRATIVE_LENGTH = 10000;

	private final RectificationTaskRepository tasks;

	private final EvidenceService evidence;

	private final EvidenceDraftRepository drafts;

	private final RectificationTaskProcessAdapter process;

	private final Directory directory;

	private final Clock clock;

	EvidenceSubmissionService(RectificationTaskRepository tasks, EvidenceService evidence,
			EvidenceDraftRepository drafts, RectificationTaskProcessAdapter process, Directory directory, Clock clock) {
		this.tasks = tasks;
		this.evidence = evidence;
		this.drafts = drafts;
		this.process = process;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<EvidenceDraft> draftOf(Long taskId) {
		return this.drafts.findById(taskId);
	}

	/** Whether this person may submit for the task now: it waits for its department's evidence and they are in it. */
	@Transactional(readOnly = true)
	public boolean maySubmit(RectificationTask task, String userId, Optional<String> step) {
		return step.filter(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE::equals).isPresent()
				&& this.directory.isMember(userId, task.getLeadDepartment());
	}

	/** Keeps the text and stores the files; returns what each file left on the task (new, or there already). */
	public List<EvidenceService.Uploaded> saveDraft(Long taskId, String narrative, List<EvidenceService.Upload> files,
			String userId) {
		RectificationTask task = awaitingSubmissionBy(taskId, userId);
		String text = narrative(narrative, false);
		files.forEach(this.evidence::check);
		List<EvidenceService.Uploaded> stored = files.stream()
			.map((file) -> this.evidence.upload(task.getId(), file, userId))
			.toList();
		keepDraft(taskId, text, userId);
		return stored;
	}

	public void submit(Long taskId, String narrative, List<EvidenceService.Upload> files, String userId) {
		submit(taskId, narrative, files, userId, null);
	}

	/**
	 * As {@link #submit(Long, String, List, String)}, with the day the submission was actually made (issue 19,
	 * recorded history: {@code yyyy-MM-dd}, checked by the step's completion); none: today.
	 */
	public void submit(Long taskId, String narrative, List<EvidenceService.Upload> files, String userId,
			String effectiveDate) {
		List<String> groups = this.directory.groupIds(userId);
		RectificationTask task = this.tasks.findById(taskId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.task.notFound", taskId));
		if (!groups.contains(task.getLeadDepartment())) {
			throw new RectiflowException.Forbidden("error.evidence.notLeadDepartment", task.getCode());
		}
		RectificationTaskProcessAdapter.Step step = this.process.awaited(taskId,
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, userId,
				() -> new RectiflowException.Conflict("error.submission.notAwaited", task.getCode()));
		String text = narrative(narrative, true);
		files.forEach(this.evidence::check);
		if (files.isEmpty() && this.evidence.countOf(taskId) == 0) {
			throw new RectiflowException("error.evidence.missing");
		}
		files.forEach((file) -> this.evidence.upload(task.getId(), file, userId));
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put(RectificationTaskProcess.VAR_PROGRESS_REPORT, text);
		if (effectiveDate != null && !effectiveDate.isBlank()) {
			variables.put(StepClock.VARIABLE, effectiveDate.trim());
		}
		this.process.complete(step, userId, groups, variables);
		this.drafts.deleteByTaskId(taskId);
	}

	/**
	 * Keeps the text of a submission that could not be made, in a transaction of its own, so a failed submission
	 * never costs the person what they wrote.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void keepText(Long taskId, String narrative, String userId) {
		if (StringUtils.hasText(narrative) && narrative.length() <= MAX_NARRATIVE_LENGTH) {
			keepDraft(taskId, narrative.trim(), userId);
		}
	}

	private EvidenceDraft keepDraft(Long taskId, String text, String userId) {
		EvidenceDraft draft = this.drafts.findById(taskId).orElseGet(() -> new EvidenceDraft(taskId));
		draft.update(text, userId, this.clock.instant());
		return this.drafts.save(draft);
	}

	private RectificationTask awaitingSubmissionBy(Long taskId, String userId) {
		RectificationTask task = this.tasks.findById(taskId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.task.notFound", taskId));
		if (!this.directory.isMember(userId, task.getLeadDepartment())) {
			throw new RectiflowException.Forbidden("error.evidence.notLeadDepartment", task.getCode());
		}
		if (!this.process.currentStep(taskId).filter(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE::equals)
			.isPresent()) {
			throw new RectiflowException.Conflict("error.submission.notAwaited", task.getCode());
		}
		return task;
	}

	private static String narrative(String narrative, boolean required) {
		String text = (narrative == null) ? "" : narrative.trim();
		if (text.length() > MAX_NARRATIVE_LENGTH) {
			throw new RectiflowException("error.submission.narrativeTooLong", MAX_NARRATIVE_LENGTH);
		}
		if (required && text.length() < MIN_NARRATIVE_LENGTH) {
			throw new RectiflowException("error.submission.narrativeTooShort", MIN_NARRATIVE_LENGTH);
		}
		return text;
	}

}

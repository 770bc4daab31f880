package org.rectiflow.taskpage;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.dates.StepDateQueries;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.RectiflowProperties;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.task.Evidence;
import org.rectiflow.evidence.EvidenceDraft;
import org.rectiflow.evidence.EvidenceResponses;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.evidence.EvidenceSubmissionService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskHistory;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.identity.Viewer;
import org.rectiflow.tasklist.WorkQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of one rectification task and what a department does on it: the problem and measures, who answers for
 * it, the deadline with its traffic light, the timeline from the engine's history, evidence (preview, download),
 * supervision records and criticism notices; and the evidence submission, which can be saved as a draft and
 * resumed. The discipline committee's on-site sign-off form is on the same page ({@code SignOffController}).
 */
@Controller
class TaskPageController {

	private final RectificationTaskService tasks;

	private final EvidenceService evidence;

	private final EvidenceSubmissionService submissions;

	private final RectificationTaskProcessAdapter process;

	private final RectificationTaskHistory history;

	private final ProblemRepository problems;

	private final SupervisionService supervision;

	private final Directory directory;

	private final RectiflowProperties properties;

	private final Messages messages;

	private final Clock clock;

	private final WorkingDays workingDays;

	private final DeadlineService deadlines;

	private final long maxRequestBytes;

	/** Effective dates of the steps (issue 19); none in a slice test of this controller alone. */
	private final ObjectProvider<StepDateQueries> stepDates;

	private final WorkQueue work;

	/** The steps of a task done on the step page ({@code /steps/{id}}), not on this one. */
	static final List<String> STEP_PAGE_STEPS = List.of(RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
			RectificationTaskProcess.USER_TASK_CLOSE_OFF, RectificationTaskProcess.USER_TASK_REPORT_STAGE_RESULTS);

	TaskPageController(RectificationTaskService tasks, EvidenceService evidence, EvidenceSubmissionService submissions,
			RectificationTaskProcessAdapter process, RectificationTaskHistory history, ProblemRepository problems, SupervisionService supervision,
			Directory directory, RectiflowProperties properties, Messages messages, Clock clock, WorkingDays workingDays,
			DeadlineService deadlines, @Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequestSize,
			ObjectProvider<StepDateQueries> stepDates, WorkQueue work) {
		this.stepDates = stepDates;
		this.work = work;
		this.tasks = tasks;
		this.evidence = evidence;
		this.submissions = submissions;
		this.process = process;
		this.history = history;
		this.problems = problems;
		this.supervision = supervision;
		this.directory = directory;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
		this.workingDays = workingDays;
		this.deadlines = deadlines;
		this.maxRequestBytes = maxRequestSize.toBytes();
	}

	/**
	 * A timeline entry as the page shows it: the person's name instead of the account — for a step completed without
	 * being claimed first, whoever completed it (issue 19: "由 — 办理") — and the day the step took effect when it is
	 * not the day it was typed in (recorded history).
	 */
	record TimelineView(RectificationTaskHistory.TimelineEntry entry, String whoName, LocalDate effectiveOn) {

		TimelineView(RectificationTaskHistory.TimelineEntry entry, String whoName) {
			this(entry, whoName, null);
		}

		/** The decisions whose comment field is a reason to send back only when the decision sends back. */
		private static final Map<String, String> DECISION_OF = Map.of("leaderReason", "leaderDecision",
				"committeeReason", "committeeDecision", "completionReason", "completionDecision",
				"publicationReason", "publicationDecision");

		/** The label of a detail: a leader's comment on an accepted step is an opinion, not 退回理由. */
		public String labelKey(String variable) {
			String decision = DECISION_OF.get(variable);
			if (decision != null) {
				String value = this.entry.details().get(decision);
				if ("accept".equals(value) || "approve".equals(value)) {
					return "field." + variable + ".accepted";
				}
			}
			return "field." + variable;
		}

	}

	@GetMapping("/tasks/{taskId}")
	String task(@PathVariable Long taskId, Model model) {
		RectificationTask task = this.tasks.visible(taskId);
		String user = Actors.current();
		List<String> openSteps = this.process.openSteps(taskId);
		Optional<String> step = openSteps.stream()
			.filter((s) -> !RectificationTaskProcess.SIDE_STEPS.contains(s))
			.findFirst();
		model.addAttribute("task", task);
		model.addAttribute("problem", this.problems.findById(task.getProblemId()).orElseThrow());
		model.addAttribute("leadDepartmentName", this.directory.departmentName(task.getLeadDepartment()));
		model.addAttribute("cooperatingDepartmentNames",
				task.getCooperatingDepartments().stream().map(this.directory::departmentName).toList());
		model.addAttribute("leaderName", this.directory.displayName(task.getResponsibleLeader()));
		model.addAttribute("light",
				this.workingDays.light(task.getDeadline(), task.isSettled(), task.isOverdue(), LocalDate.now(this.clock)));
		model.addAttribute("measures", this.tasks.measuresOf(taskId));
		model.addAttribute("evidence", this.evidence.evidenceOf(taskId));
		model.addAttribute("stageReports", this.tasks.stageReportsOf(taskId));
		model.addAttribute("records", this.supervision.recordsOfTask(taskId));
		model.addAttribute("criticisms",
				this.supervision.criticismsOfDepartment(task.getInspectionId(), task.getLeadDepartment()));
		List<RectificationTaskHistory.TimelineEntry> entries = this.history.timeline(taskId);
		StepDateQueries stepDateQueries = this.stepDates.getIfAvailable();
		Map<String, StepDateQueries.StepDate> dated = (stepDateQueries == null) ? Map.of()
				: stepDateQueries.of(entries.stream()
					.filter(RectificationTaskHistory.TimelineEntry::done)
					.map(RectificationTaskHistory.TimelineEntry::engineTaskId)
					.filter(Objects::nonNull)
					.toList());
		model.addAttribute("timeline", entries.stream().map((e) -> {
			StepDateQueries.StepDate d = (e.done() && e.engineTaskId() != null) ? dated.get(e.engineTaskId()) : null;
			String who = (e.who() != null) ? e.who() : (d != null) ? d.enteredBy() : null;
			LocalDate effective = (d != null && !d.effectiveOn().equals(e.at().atZone(this.clock.getZone()).toLocalDate()))
					? d.effectiveOn() : null;
			return new TimelineView(e, (who == null) ? null : this.directory.displayName(who), effective);
		}).toList());
		model.addAttribute("step", step.orElse(null));
		boolean awaitingSubmission = step.filter(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE::equals).isPresent();
		model.addAttribute("returnReason", awaitingSubmission ? this.process.lastReturnReason(taskId) : "");
		model.addAttribute("maySubmit", this.submissions.maySubmit(task, user, step));
		Optional<EvidenceDraft> draft = this.submissions.draftOf(taskId);
		model.addAttribute("draft", draft.orElse(null));
		if (!model.containsAttribute("narrative")) {
			model.addAttribute("narrative", draft.map(EvidenceDraft::getNarrative).orElse(task.getProgressReport()));
		}
		model.addAttribute("maxFileSize", EvidenceService.humanSize(this.properties.evidence().maxBytes()));
		model.addAttribute("maxBytes", this.properties.evidence().maxBytes());
		model.addAttribute("maxRequestBytes", this.maxRequestBytes);
		model.addAttribute("minNarrative", EvidenceSubmissionService.MIN_NARRATIVE_LENGTH);
		model.addAttribute("maySignOff", this.supervision.maySignOff(user, step));
		model.addAttribute("today", LocalDate.now(this.clock));
		model.addAttribute("signerName", this.directory.displayName(user));
		model.addAttribute("deadlinePanel", this.deadlines.panel(task, user, openSteps));
		model.addAttribute("reminderWorkingDays", this.properties.deadlines().reminderWorkingDays());
		model.addAttribute("minExtensionReason", DeadlineService.MIN_REASON_LENGTH);
		model.addAttribute("awaitingSubmission", awaitingSubmission);
		// A step of this task waiting for this very person, done on the step page: the page leads there.
		model.addAttribute("myStep", openSteps.stream()
			.filter(STEP_PAGE_STEPS::contains)
			.map((s) -> this.process.waiting(taskId, s))
			.flatMap(Optional::stream)
			.map((s) -> this.work.openStep(s.engineTaskId(), user, this.directory.groupIds(user), Viewer.current().unitCut()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null));
		return "task/task";
	}

	/**
	 * Saves the draft ({@code action=draft}) or submits ({@code action=submit}) the narrative with any new files.
	 * Whatever fails, the person's text is kept (shown again and saved as the draft) and the reason is shown in place.
	 */
	@PostMapping("/tasks/{taskId}/submission")
	String submit(@PathVariable Long taskId, @RequestParam(name = "action", defaultValue = "draft") String action,
			@RequestParam(name = "narrative", required = false) String narrative,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "description", required = false) String description,
			@RequestParam(name = "effectiveDate", required = false) String effectiveDate, RedirectAttributes redirect)
			throws IOException {
		String user = Actors.current();
		boolean submitting = "submit".equals(action);
		try {
			List<EvidenceService.Upload> uploads = uploads(files, description);
			if (submitting) {
				if (effectiveDate == null || effectiveDate.isBlank()) {
					this.submissions.submit(taskId, narrative, uploads, user);
				}
				else {
					// Recorded history (issue 19): the day the material was actually handed in.
					this.submissions.submit(taskId, narrative, uploads, user, effectiveDate);
				}
				redirect.addFlashAttribute("message", this.messages.get("submission.submitted"));
			}
			else {
				long again = this.submissions.saveDraft(taskId, narrative, uploads, user)
					.stream()
					.filter(EvidenceService.Uploaded::alreadyThere)
					.count();
				String saved = this.messages.get("submission.draftSaved", uploads.size() - again);
				redirect.addFlashAttribute("message",
						(again == 0) ? saved : saved + this.messages.get("submission.filesAlreadyThere", again));
			}
		}
		catch (RectiflowException.AlreadyDone done) {
			redirect.addFlashAttribute("message", this.messages.get(done));
			return "redirect:/tasks/" + taskId;
		}
		catch (RectiflowException | NotValidException ex) {
			String reason = this.messages.refusal(ex);
			if (!(ex instanceof RectiflowException.Forbidden) && !(ex instanceof RectiflowException.NotFound)) {
				this.submissions.keepText(taskId, narrative, user);
			}
			redirect.addFlashAttribute("error", reason);
			redirect.addFlashAttribute("narrative", narrative);
			if (files != null && files.stream().anyMatch((f) -> !f.isEmpty())) {
				redirect.addFlashAttribute("filesNotKept", true);
			}
		}
		return "redirect:/tasks/" + taskId + "#submission";
	}

	@PostMapping("/tasks/{taskId}/evidence/{evidenceId}/delete")
	String deleteEvidence(@PathVariable Long taskId, @PathVariable Long evidenceId, RedirectAttributes redirect) {
		Evidence e = this.evidence.visible(evidenceId);
		if (!e.getTaskId().equals(taskId)) {
			throw new RectiflowException.NotFound("error.evidence.notFound", evidenceId);
		}
		try {
			this.evidence.delete(evidenceId, Actors.current());
			redirect.addFlashAttribute("message", this.messages.get("submission.fileRemoved", e.getFileName()));
		}
		catch (RectiflowException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex));
		}
		return "redirect:/tasks/" + taskId + "#submission";
	}

	/** Images and PDFs shown in the page; nothing else is ever served inline. */
	@GetMapping("/evidence/{evidenceId}/preview")
	ResponseEntity<byte[]> preview(@PathVariable Long evidenceId) {
		Evidence e = this.evidence.visible(evidenceId);
		if (!e.isPreviewable()) {
			throw new RectiflowException("error.evidence.noPreview", e.getFileName());
		}
		byte[] content = this.evidence.content(evidenceId);
		this.evidence.recordDownload(e, true);
		return EvidenceResponses.of(e, content, true);
	}

	@GetMapping("/evidence/{evidenceId}/download")
	ResponseEntity<byte[]> download(@PathVariable Long evidenceId) {
		Evidence e = this.evidence.visible(evidenceId);
		byte[] content = this.evidence.content(evidenceId);
		this.evidence.recordDownload(e, false);
		return EvidenceResponses.of(e, content, false);
	}

	private static List<EvidenceService.Upload> uploads(List<MultipartFile> files, String description)
			throws IOException {
		List<EvidenceService.Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty()) {
					uploads.add(new EvidenceService.Upload(file.getOriginalFilename(), file.getContentType(),
							file.getBytes(), description));
				}
			}
		}
		return uploads;
	}

}

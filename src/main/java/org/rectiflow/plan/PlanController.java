package org.rectiflow.plan;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Viewer;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.importing.PlanWorkbookException;
import org.rectiflow.plan.importing.PlanWorkbookReader;
import org.rectiflow.round.InspectingBody;
import org.rectiflow.round.RoundUnit;
import org.rectiflow.system.ApiController;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.identity.Roles;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * API of the rectification office for registering feedback and drafting the plan (the breakdown into tasks);
 * approvals and filings are user tasks, completed through the engine's REST API or Tasklist.
 */
@ApiController("/api")
class PlanController {

	private final PlanService plans;

	private final FeedbackImporter importer;

	private final PlanWorkbookImporter workbooks;

	private final MessageSource messageSource;

	private final InspectingBody inspectingBody;

	private final HandOvers handOvers;

	PlanController(PlanService plans, FeedbackImporter importer, PlanWorkbookImporter workbooks,
			MessageSource messageSource, InspectingBody inspectingBody, HandOvers handOvers) {
		this.inspectingBody = inspectingBody;
		this.handOvers = handOvers;
		this.plans = plans;
		this.importer = importer;
		this.workbooks = workbooks;
		this.messageSource = messageSource;
	}

	/** What a workbook import did: 201 with the new inspection, or 200 with the one its content created before. */
	record WorkbookImported(Long inspectionId, String title, boolean alreadyImported, int problems, int tasks) {
	}

	/** One error of a refused workbook, where Excel shows it. */
	record WorkbookErrorView(String sheet, Integer row, String column, String message) {
	}

	record Registered(Long inspectionId, String title) {
	}

	record TaskRef(Long id, String code) {
	}

	record OpinionView(String leader, String content, Instant createdAt) {
	}

	/**
	 * Who registers feedback: the unit's rectification office for its own unit, or (with {@code roundId} and
	 * {@code unitId}) the inspection group of that unit in the round, or the inspection office for it. Checked before
	 * the body is read, as before rounds existed.
	 */
	static final String REGISTERS = "hasAuthority('GROUP_rectificationOffice') or #roundId != null";

	@PostMapping("/inspections")
	@PreAuthorize(REGISTERS)
	ResponseEntity<Registered> register(@Valid @RequestBody Feedback feedback,
			@RequestParam(required = false) Long roundId, @RequestParam(required = false) String unitId,
			@RequestParam(defaultValue = "false") boolean recordedHistory) {
		RoundUnit target = target(roundId, unitId);
		Inspection inspection = (target == null)
				? this.plans.register(feedback, this.plans.unitForRegistration(unitId, Viewer.current()), recordedHistory)
				: this.plans.registerForRound(feedback, target, recordedHistory);
		return ResponseEntity.created(URI.create("/api/inspections/" + inspection.getId()))
			.body(new Registered(inspection.getId(), inspection.getTitle()));
	}

	/** Registers feedback from the text of a published report or a feedback document, in its usual layout. */
	@PostMapping(path = "/inspections/import", consumes = "text/plain")
	@PreAuthorize(REGISTERS)
	ResponseEntity<Registered> importReport(@RequestBody String text, @RequestParam(required = false) Long roundId,
			@RequestParam(required = false) String unitId, @RequestParam(defaultValue = "false") boolean recordedHistory) {
		RoundUnit target = target(roundId, unitId);
		Feedback feedback = this.importer.fromReport(text);
		// The deadlines of a report's text are inferred (the end of the concentrated period), not typed: they are not
		// refused for having passed, and are the office's to correct while drafting (issue 19).
		Inspection inspection;
		if (recordedHistory) {
			inspection = (target == null)
					? this.plans.register(feedback, this.plans.unitForRegistration(unitId, Viewer.current()), true)
					: this.plans.registerForRound(feedback, target, true);
		}
		else {
			inspection = (target == null)
					? this.plans.register(feedback, this.plans.unitForRegistration(unitId, Viewer.current()))
					: this.plans.registerForRound(feedback, target);
		}
		return ResponseEntity.created(URI.create("/api/inspections/" + inspection.getId()))
			.body(new Registered(inspection.getId(), inspection.getTitle()));
	}

	/**
	 * Registers feedback and plan from the plan workbook (multipart part {@code file}), as the import page does;
	 * a refused workbook answers 400 with every error in {@code errors} and the unknown names listed.
	 */
	@PostMapping(path = "/inspections/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(REGISTERS)
	ResponseEntity<WorkbookImported> importWorkbook(@RequestParam("file") MultipartFile file, Principal principal,
			@RequestParam(required = false) Long roundId, @RequestParam(required = false) String unitId,
			@RequestParam(defaultValue = "false") boolean recordedHistory) throws IOException {
		RoundUnit target = target(roundId, unitId);
		String unit = (target != null) ? target.unitId() : this.plans.unitForRegistration(unitId, Viewer.current());
		if (file.getSize() > PlanWorkbookReader.MAX_FILE_BYTES) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.tooLarge",
					String.format(Locale.ROOT, "%.1f MB", file.getSize() / 1024.0 / 1024.0),
					String.format(Locale.ROOT, "%.1f MB", PlanWorkbookReader.MAX_FILE_BYTES / 1024.0 / 1024.0)));
		}
		byte[] bytes = file.getBytes();
		PlanWorkbookImporter.Outcome outcome;
		try {
			outcome = this.workbooks.importWorkbook(bytes, unit, target, file.getOriginalFilename(),
					principal.getName(), Messages.currentLocale(), recordedHistory);
		}
		catch (DuplicateKeyException ex) {
			outcome = this.workbooks.earlier(bytes, unit, Messages.currentLocale(), recordedHistory).orElseThrow(() -> ex);
		}
		WorkbookImported body = new WorkbookImported(outcome.inspectionId(), outcome.title(), outcome.alreadyImported(),
				outcome.problems(), outcome.tasks());
		return outcome.alreadyImported() ? ResponseEntity.ok(body)
				: ResponseEntity.created(URI.create("/api/inspections/" + outcome.inspectionId())).body(body);
	}

	record HandedOver(Long inspectionId, String unitId, Instant handedOverAt) {
	}

	record RecordedHistory(boolean recordedHistory) {
	}

	/**
	 * Marks the inspection, while its plan is drafted, as recorded history or not (issue 19): its steps then take
	 * effective dates, its deadlines may lie in the past and no deadline timer is armed. 409 once drafting is over.
	 */
	@PutMapping("/inspections/{inspectionId}/recorded-history")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	RecordedHistory markRecordedHistory(@PathVariable Long inspectionId, @RequestBody RecordedHistory body) {
		return new RecordedHistory(this.plans.markRecordedHistory(inspectionId, body.recordedHistory()).isRecordedHistory());
	}

	/** The inspection group hands a round's feedback over to the unit, whose rectification starts. */
	@PostMapping("/inspections/{inspectionId}/hand-over")
	@PreAuthorize("isAuthenticated()")
	HandedOver handOver(@PathVariable Long inspectionId) {
		Inspection inspection = this.handOvers.handOver(inspectionId);
		return new HandedOver(inspection.getId(), inspection.getUnitId(), inspection.getHandedOverAt());
	}

	/**
	 * The round's unit the feedback is registered for, checked to be in the round and the caller to act for its
	 * group; null (the unit's own registration) without a round, which only the rectification office may do.
	 */
	private RoundUnit target(Long roundId, String unitId) {
		if (roundId == null) {
			// The unit's own registration: its rectification office, for one of its units (unitId names which one
			// when the person belongs to several: PlanService.unitForRegistration).
			if (!Viewer.current().groups().contains(Groups.RECTIFICATION_OFFICE)) {
				throw new AccessDeniedException("rectification office only");
			}
			return null;
		}
		if (!StringUtils.hasText(unitId)) {
			throw new RectiflowException("error.handOver.roundAndUnit");
		}
		return this.inspectingBody.requireMayActFor(Viewer.current(), roundId, unitId.trim());
	}

	@ExceptionHandler(PlanWorkbookException.class)
	ResponseEntity<ProblemDetail> refused(PlanWorkbookException ex) {
		Locale locale = Messages.currentLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messageSource.getMessage(ex.getMessageKey(), ex.getArgs(), locale));
		problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
		problem.setProperty("errors", ex.getErrors()
			.stream()
			.map((e) -> new WorkbookErrorView(e.sheet(), e.row(), e.column(), this.messageSource.getMessage(e, locale)))
			.toList());
		problem.setProperty("unknownLeaders", ex.getUnknownLeaders());
		problem.setProperty("unknownDepartments", ex.getUnknownDepartments());
		return ResponseEntity.badRequest().body(problem);
	}

	@PostMapping("/problems/{problemId}/tasks")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	ResponseEntity<TaskRef> addTask(@PathVariable Long problemId, @Valid @RequestBody Feedback.TaskItem item) {
		this.plans.checkDeadline(problemId, null, item.deadline());
		RectificationTask task = this.plans.addTask(problemId, item);
		return ResponseEntity.created(URI.create("/api/tasks/" + task.getId())).body(new TaskRef(task.getId(), task.getCode()));
	}

	@PutMapping("/tasks/{taskId}")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	TaskRef updateTask(@PathVariable Long taskId, @Valid @RequestBody Feedback.TaskItem item) {
		this.plans.checkDeadline(null, taskId, item.deadline());
		RectificationTask task = this.plans.updateTask(taskId, item);
		return new TaskRef(task.getId(), task.getCode());
	}

	@GetMapping("/inspections/{inspectionId}/plan-opinions")
	@PreAuthorize(Roles.REPORTS)
	List<OpinionView> opinions(@PathVariable Long inspectionId) {
		this.plans.inspection(inspectionId);
		return this.plans.opinionsOf(inspectionId, Viewer.current().unitCut())
			.stream()
			.map((o) -> new OpinionView(o.getLeader(), o.getContent(), o.getCreatedAt()))
			.toList();
	}

}

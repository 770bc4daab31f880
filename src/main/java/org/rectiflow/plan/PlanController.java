package org.rectiflow.plan;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.rectiflow.inspection.Inspection;
import org.rectiflow.system.ApiController;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * API of the rectification office for registering feedback and drafting the plan (the breakdown into tasks);
 * approvals and filings are user tasks, completed through the engine's REST API or Tasklist.
 */
@ApiController("/api")
class PlanController {

	private final PlanService plans;

	

	private final FeedbackImporter importer;

	PlanController(PlanService plans, FeedbackImporter importer) {
		this.plans = plans;
		this.importer = importer;
	}

	record Registered(Long inspectionId, String title) {
	}

	record TaskRef(Long id, String code) {
	}

	record OpinionView(String leader, String content, Instant createdAt) {
	}

	@PostMapping("/inspections")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	ResponseEntity<Registered> register(@Valid @RequestBody Feedback feedback) {
		Inspection inspection = this.plans.register(feedback);
		return ResponseEntity.created(URI.create("/api/inspections/" + inspection.getId()))
			.body(new Registered(inspection.getId(), inspection.getTitle()));
	}

	/** Registers feedback from the text of a published report or a feedback document, in its usual layout. */
	@PostMapping(path = "/inspections/import", consumes = "text/plain")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	ResponseEntity<Registered> importReport(@RequestBody String text) {
		Inspection inspection = this.plans.register(this.importer.fromReport(text));
		return ResponseEntity.created(URI.create("/api/inspections/" + inspection.getId()))
			.body(new Registered(inspection.getId(), inspection.getTitle()));
	}

	@PostMapping("/problems/{problemId}/tasks")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	ResponseEntity<TaskRef> addTask(@PathVariable Long problemId, @Valid @RequestBody Feedback.TaskItem item) {
		RectificationTask task = this.plans.addTask(problemId, item);
		return ResponseEntity.created(URI.create("/api/tasks/" + task.getId())).body(new TaskRef(task.getId(), task.getCode()));
	}

	@PutMapping("/tasks/{taskId}")
	@PreAuthorize("hasAuthority('GROUP_rectificationOffice')")
	TaskRef updateTask(@PathVariable Long taskId, @Valid @RequestBody Feedback.TaskItem item) {
		RectificationTask task = this.plans.updateTask(taskId, item);
		return new TaskRef(task.getId(), task.getCode());
	}

	@GetMapping("/inspections/{inspectionId}/plan-opinions")
	@PreAuthorize(Roles.REPORTS)
	List<OpinionView> opinions(@PathVariable Long inspectionId) {
		this.plans.inspection(inspectionId);
		return this.plans.opinionsOf(inspectionId)
			.stream()
			.map((o) -> new OpinionView(o.getLeader(), o.getContent(), o.getCreatedAt()))
			.toList();
	}

}

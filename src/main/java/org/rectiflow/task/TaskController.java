package org.rectiflow.task;

import java.time.Instant;
import java.util.List;

import org.rectiflow.system.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** API of a rectification task: its stage reports (its evidence files: {@code evidence/EvidenceController}). */
@ApiController("/api")
class TaskController {

	private final RectificationTaskService tasks;

	TaskController(RectificationTaskService tasks) {
		this.tasks = tasks;
	}

	record StageReportView(String stageMeasures, String stageResults, boolean completionClaimed, String reportedBy,
			Instant reportedAt) {
	}

	@GetMapping("/tasks/{taskId}/stage-reports")
	List<StageReportView> stageReports(@PathVariable Long taskId) {
		this.tasks.visible(taskId);
		return this.tasks.stageReportsOf(taskId)
			.stream()
			.map((r) -> new StageReportView(r.getStageMeasures(), r.getStageResults(), r.isCompletionClaimed(),
					r.getReportedBy(), r.getReportedAt()))
			.toList();
	}

}

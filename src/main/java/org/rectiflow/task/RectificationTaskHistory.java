package org.rectiflow.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * What the engine's history says about {@code rectificationTaskProcess} instances (business key = task id): reads
 * only, over every round of a task. The process adapter drives the instances; this class looks back at them.
 */
@Component
public class RectificationTaskHistory {

	/** The variables a person's completion of a step records, shown in the task's timeline. */
	static final List<String> TIMELINE_VARIABLES = List.of(RectificationTaskProcess.VAR_PROGRESS_REPORT,
			RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.VAR_LEADER_REASON,
			RectificationTaskProcess.VAR_SUPERVISION_DECISION, RectificationTaskProcess.VAR_SUPERVISION_FINDINGS,
			RectificationTaskProcess.VAR_OUTCOME, RectificationTaskProcess.VAR_CLOSE_OFF_NOTE,
			RectificationTaskProcess.VAR_STAGE_MEASURES, RectificationTaskProcess.VAR_STAGE_RESULTS,
			RectificationTaskProcess.VAR_EXTENSION_DECISION, RectificationTaskProcess.VAR_EXTENSION_OPINION,
			RectificationTaskProcess.VAR_CRITICISM_DECISION, RectificationTaskProcess.VAR_CRITICISM_REASON);

	private final HistoryService historyService;

	RectificationTaskHistory(HistoryService historyService) {
		this.historyService = historyService;
	}

	/** A progress report as a department submitted it, and when. */
	public record DatedReport(Instant at, String text) {
	}

	/**
	 * The last progress report each task's department submitted before {@code until}, read from the engine's history
	 * over every round, for sheets that look back to a given day. Two queries, whatever the number of tasks.
	 */
	public Map<Long, DatedReport> progressReportsBefore(Collection<Long> taskIds, Instant until) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> taskByInstance = new HashMap<>();
		this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKeyIn(taskIds.stream().map(String::valueOf).toArray(String[]::new))
			.list()
			.forEach((pi) -> taskByInstance.put(pi.getId(), Long.valueOf(pi.getBusinessKey())));
		Map<Long, DatedReport> latest = new HashMap<>();
		if (taskByInstance.isEmpty()) {
			return latest;
		}
		this.historyService.createHistoricDetailQuery()
			.processInstanceIdIn(taskByInstance.keySet().toArray(String[]::new))
			.variableUpdates()
			.variableNameLike(RectificationTaskProcess.VAR_PROGRESS_REPORT)
			.occurredBefore(Date.from(until))
			.orderByTime()
			.asc()
			.list()
			.forEach((d) -> {
				HistoricVariableUpdate update = (HistoricVariableUpdate) d;
				if (RectificationTaskProcess.VAR_PROGRESS_REPORT.equals(update.getVariableName())
						&& update.getValue() != null && !update.getValue().toString().isBlank()) {
					latest.put(taskByInstance.get(update.getProcessInstanceId()),
							new DatedReport(update.getTime().toInstant(), update.getValue().toString()));
				}
			});
		return latest;
	}

	/** One event of a task's history: a step arrived or was done (by whom, with what), or a comment. */
	public record TimelineEntry(Instant at, String step, String stepName, boolean done, String who,
			Map<String, String> details, String deleteReason, String engineTaskId) {

		public TimelineEntry(Instant at, String step, String stepName, boolean done, String who,
				Map<String, String> details, String deleteReason) {
			this(at, step, stepName, done, who, details, deleteReason, null);
		}

	}

	/**
	 * Who did what, when, read from the engine's history over every round of the task: each step as it arrived and
	 * as it was done, with the decision, reasons and texts recorded at that step. Three queries, whatever the
	 * length of the history.
	 */
	public List<TimelineEntry> timeline(Long taskId) {
		String businessKey = String.valueOf(taskId);
		List<HistoricTaskInstance> steps = this.historyService.createHistoricTaskInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list();
		if (steps.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, String>> detailsByActivity = new HashMap<>();
		steps.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct().forEach((pi) -> this.historyService
			.createHistoricDetailQuery()
			.processInstanceId(pi)
			.variableUpdates()
			.orderByTime()
			.asc()
			.list()
			.forEach((d) -> {
				HistoricVariableUpdate update = (HistoricVariableUpdate) d;
				if (TIMELINE_VARIABLES.contains(update.getVariableName()) && update.getValue() != null
						&& !update.getValue().toString().isBlank()) {
					detailsByActivity.computeIfAbsent(update.getActivityInstanceId(), (k) -> new LinkedHashMap<>())
						.put(update.getVariableName(), update.getValue().toString());
				}
			}));
		List<TimelineEntry> entries = new ArrayList<>();
		for (HistoricTaskInstance step : steps) {
			entries.add(new TimelineEntry(step.getStartTime().toInstant(), step.getTaskDefinitionKey(), step.getName(),
					false, null, Map.of(), null, step.getId()));
			if (step.getEndTime() != null) {
				boolean completed = "completed".equals(step.getDeleteReason());
				entries.add(new TimelineEntry(step.getEndTime().toInstant(), step.getTaskDefinitionKey(), step.getName(),
						true, step.getAssignee(),
						completed ? detailsByActivity.getOrDefault(step.getActivityInstanceId(), Map.of()) : Map.of(),
						completed ? null : step.getDeleteReason(), step.getId()));
			}
		}
		entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::done));
		return entries;
	}

}

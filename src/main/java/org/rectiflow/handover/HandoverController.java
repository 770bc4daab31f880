package org.rectiflow.handover;

import java.net.URI;
import java.util.List;

import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Roles;
import org.rectiflow.identity.Viewer;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.system.ApiController;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.unit.Units;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Handovers in the API: a unit's handovers (its people who read the ledger), recording one (its rectification office,
 * or an administrator), and a task's history of who answered for it.
 */
@ApiController("/api")
class HandoverController {

	private final Handovers handovers;

	private final Units units;

	private final RectificationTaskService tasks;

	private final InspectionRepository inspections;

	HandoverController(Handovers handovers, Units units, RectificationTaskService tasks, InspectionRepository inspections) {
		this.handovers = handovers;
		this.units = units;
		this.tasks = tasks;
		this.inspections = inspections;
	}

	@GetMapping("/units/{unitId}/handovers")
	@PreAuthorize(Roles.LEDGER)
	List<Handovers.Handover> handovers(@PathVariable String unitId) {
		requireMember(unitId);
		return this.handovers.ofUnit(unitId);
	}

	@PostMapping("/units/{unitId}/handovers")
	@PreAuthorize("hasAnyAuthority('GROUP_rectificationOffice', 'GROUP_camunda-admin')")
	ResponseEntity<Handovers.Handover> record(@PathVariable String unitId, @RequestBody HandoverRequest request) {
		Handovers.Handover recorded = this.handovers.record(unitId, request, Viewer.current());
		return ResponseEntity.created(URI.create("/api/units/" + unitId + "/handovers/" + recorded.id())).body(recorded);
	}

	@GetMapping("/tasks/{taskId}/handovers")
	@PreAuthorize(Roles.LEDGER)
	List<Handovers.TaskHandover> taskHistory(@PathVariable Long taskId) {
		RectificationTask task = this.tasks.get(taskId);
		requireMember(this.inspections.findById(task.getInspectionId()).orElseThrow().getUnitId());
		return this.handovers.historyOf(taskId);
	}

	/** Another unit's handovers are not found, as its inspections are not. */
	private void requireMember(String unitId) {
		Viewer viewer = Viewer.current();
		if (!viewer.groups().contains(Groups.CAMUNDA_ADMIN) && !this.units.tenantIds(viewer.userId()).contains(unitId)) {
			throw new RectiflowException.NotFound("error.handover.unitNotFound", unitId);
		}
	}

}

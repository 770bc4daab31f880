package org.rectiflow.supervision;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Viewer;
import org.rectiflow.system.Actors;
import org.rectiflow.system.ApiController;
import org.rectiflow.identity.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** API of the discipline committee: criticism notices and the supervision record. */
@ApiController("/api/inspections/{inspectionId}")
class SupervisionController {

	private final SupervisionService supervision;

	private final Directory directory;

	SupervisionController(SupervisionService supervision, Directory directory) {
		this.directory = directory;
		this.supervision = supervision;
	}

	record CriticismRequest(String targetDepartment, String targetPerson, String reason) {
	}

	record CriticismView(Long id, String targetDepartment, String targetDepartmentName, String targetPerson,
			String reason, String issuedBy, Instant issuedAt, boolean published) {

		static CriticismView of(CriticismNotice n, Directory directory) {
			return new CriticismView(n.getId(), n.getTargetDepartment(),
					(n.getTargetDepartment() == null) ? null : directory.departmentName(n.getTargetDepartment()),
					n.getTargetPerson(), n.getReason(), n.getIssuedBy(), n.getIssuedAt(), n.isPublished());
		}

	}

	record RecordView(SupervisionStage stage, Long taskId, String department, LocalDate visitDate, String decision,
			String content, String recordedBy, Instant recordedAt) {
	}

	@PostMapping("/criticism-notices")
	@PreAuthorize("hasAuthority('GROUP_discipline')")
	ResponseEntity<CriticismView> criticise(@PathVariable Long inspectionId, @RequestBody CriticismRequest request) {
		CriticismNotice notice = this.supervision.issueCriticism(inspectionId, request.targetDepartment(),
				request.targetPerson(), request.reason(), Actors.current());
		return ResponseEntity.created(URI.create("/api/inspections/" + inspectionId + "/criticism-notices/" + notice.getId()))
			.body(CriticismView.of(notice, this.directory));
	}

	@GetMapping("/criticism-notices")
	@PreAuthorize(Roles.OVERSIGHT)
	List<CriticismView> criticisms(@PathVariable Long inspectionId) {
		return this.supervision.criticismsOf(inspectionId, Viewer.current().unitCut()).stream().map((n) -> CriticismView.of(n, this.directory)).toList();
	}

	@GetMapping("/supervision-records")
	@PreAuthorize(Roles.OVERSIGHT)
	List<RecordView> records(@PathVariable Long inspectionId) {
		return this.supervision.recordsOf(inspectionId, Viewer.current().unitCut())
			.stream()
			.map((r) -> new RecordView(r.getStage(), r.getTaskId(), r.getDepartment(), r.getVisitDate(), r.getDecision(),
					r.getContent(), r.getRecordedBy(), r.getRecordedAt()))
			.toList();
	}

}

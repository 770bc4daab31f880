package org.rectiflow.ledger;

import java.util.List;

import org.rectiflow.system.ApiController;
import org.rectiflow.identity.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** API of the ledger: the inspections, and per inspection the three lists with computed counts. */
@ApiController("/api/inspections")
class LedgerController {

	private final LedgerService ledgers;

	private final LedgerQueries queries;

	LedgerController(LedgerService ledgers, LedgerQueries queries) {
		this.ledgers = ledgers;
		this.queries = queries;
	}

	record InspectionSummary(Long id, String title, String unitName, String status, OutcomeCounts problemCounts,
			OutcomeCounts taskCounts) {
	}

	@GetMapping
	List<InspectionSummary> inspections() {
		return this.queries.summaries(LedgerScope.current())
			.stream()
			.map((l) -> new InspectionSummary(l.inspectionId(), l.title(), l.unitName(), l.status().name(),
					l.problemCounts(), l.taskCounts()))
			.toList();
	}

	@GetMapping("/{inspectionId}")
	@PreAuthorize(Roles.LEDGER)
	Ledger ledger(@PathVariable Long inspectionId) {
		return this.ledgers.ledger(inspectionId);
	}

	@GetMapping("/{inspectionId}/responsibilities")
	@PreAuthorize(Roles.LEDGER)
	List<LedgerService.Responsibility> responsibilities(@PathVariable Long inspectionId) {
		return this.ledgers.responsibilities(inspectionId);
	}

}

package org.rectiflow.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The ledger page of one inspection: problem, task and responsibility lists. */
@Controller
class LedgerPageController {

	private final LedgerService ledgers;

	LedgerPageController(LedgerService ledgers) {
		this.ledgers = ledgers;
	}

	@GetMapping("/inspections/{inspectionId}")
	String ledger(@PathVariable Long inspectionId, Model model) {
		model.addAttribute("ledger", this.ledgers.ledger(inspectionId));
		model.addAttribute("responsibilities", this.ledgers.responsibilities(inspectionId));
		return "ledger/ledger";
	}

}

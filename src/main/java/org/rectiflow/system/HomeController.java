package org.rectiflow.system;

import org.rectiflow.ledger.LedgerService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: every inspection with its computed counts. */
@Controller
class HomeController {

	private final LedgerService ledgers;

	HomeController(LedgerService ledgers) {
		this.ledgers = ledgers;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("inspections", this.ledgers.all());
		return "system/home";
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

}

package org.rectiflow.dashboard;

import org.rectiflow.identity.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard (挂图作战) of one inspection, shown in progress meetings: the page carries the numbers as tables
 * (readable without JavaScript and on a phone) and the labels for the charts; {@code /data} gives
 * {@code dashboard.js} the same numbers as JSON, so no script is inlined in the page (the coming Content Security
 * Policy forbids it). Every bar and every count links to the task list filtered to the tasks it counts.
 */
@Controller
class DashboardController {

	private final DashboardService dashboards;

	DashboardController(DashboardService dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/inspections/{inspectionId}/dashboard")
	@PreAuthorize(Roles.DASHBOARD)
	String dashboard(@PathVariable Long inspectionId, Model model) {
		model.addAttribute("dashboard", this.dashboards.dashboard(inspectionId));
		return "dashboard/dashboard";
	}

	@GetMapping("/inspections/{inspectionId}/dashboard/data")
	@PreAuthorize(Roles.DASHBOARD)
	@ResponseBody
	Dashboard data(@PathVariable Long inspectionId) {
		return this.dashboards.dashboard(inspectionId);
	}

}

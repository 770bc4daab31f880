package org.rectiflow.assessment;

import org.rectiflow.identity.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The assessment view at {@code /inspections/{id}/assessment}: for those who assess departments (the Party
 * committee, the leaders, the discipline committee, the rectification office), not for the departments themselves.
 */
@Controller
class AssessmentController {

	private final AssessmentService assessments;

	AssessmentController(AssessmentService assessments) {
		this.assessments = assessments;
	}

	@GetMapping("/inspections/{inspectionId}/assessment")
	@PreAuthorize(Roles.PROGRESS_MEETING)
	String assessment(@PathVariable Long inspectionId, Model model) {
		model.addAttribute("a", this.assessments.of(inspectionId));
		return "assessment/assessment";
	}

}

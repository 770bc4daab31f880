package org.rectiflow.task;

import java.io.IOException;

import org.rectiflow.identity.Department;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.supervision.SupervisionRecordRepository;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of one rectification task: context, evidence (with upload), stage reports and sign-offs. */
@Controller
class TaskPageController {

	private final RectificationTaskService tasks;

	private final EvidenceService evidence;

	private final RectificationTaskProcessAdapter process;

	private final ProblemRepository problems;

	private final SupervisionRecordRepository records;

	private final Directory directory;

	private final Messages messages;

	TaskPageController(RectificationTaskService tasks, EvidenceService evidence, RectificationTaskProcessAdapter process,
			ProblemRepository problems, SupervisionRecordRepository records, Directory directory, Messages messages) {
		this.tasks = tasks;
		this.evidence = evidence;
		this.process = process;
		this.problems = problems;
		this.records = records;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/tasks/{taskId}")
	String task(@PathVariable Long taskId, Model model) {
		RectificationTask task = this.tasks.get(taskId);
		model.addAttribute("task", task);
		model.addAttribute("problem", this.problems.findById(task.getProblemId()).orElseThrow());
		model.addAttribute("leadDepartmentName", Department.nameOf(task.getLeadDepartment()));
		model.addAttribute("leaderName", this.directory.displayName(task.getResponsibleLeader()));
		model.addAttribute("measures", this.tasks.measuresOf(taskId));
		model.addAttribute("evidence", this.evidence.evidenceOf(taskId));
		model.addAttribute("stageReports", this.tasks.stageReportsOf(taskId));
		model.addAttribute("records", this.records.findByTaskIdOrderByRecordedAtAsc(taskId));
		model.addAttribute("step", this.process.currentStep(taskId).orElse(null));
		return "task/task";
	}

	@PostMapping("/tasks/{taskId}/evidence")
	String upload(@PathVariable Long taskId, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "description", required = false) String description, RedirectAttributes redirect)
			throws IOException {
		RectificationTask task = this.tasks.get(taskId);
		String user = Actors.current();
		try {
			if (!this.directory.isMember(user, task.getLeadDepartment())
					&& !this.directory.isMember(user, Groups.RECTIFICATION_OFFICE)) {
				throw new RectiflowException("error.evidence.notLeadDepartment", task.getCode());
			}
			Evidence saved = this.evidence.upload(taskId, new EvidenceService.Upload(file.getOriginalFilename(),
					file.getContentType(), file.getBytes(), description), user);
			redirect.addFlashAttribute("message", this.messages.get("task.uploaded", saved.getFileName()));
		}
		catch (RectiflowException ex) {
			redirect.addFlashAttribute("error", this.messages.get(ex));
		}
		return "redirect:/tasks/" + taskId;
	}

}

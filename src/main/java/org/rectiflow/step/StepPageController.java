package org.rectiflow.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.rectiflow.identity.Directory;
import org.rectiflow.commonproblem.CommonProblemNoticeProcess;
import org.rectiflow.identity.Viewer;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.ledger.TaskListQuery;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.recheck.ReCheckProcess;
import org.rectiflow.plan.RectificationProcessAdapter;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.supervision.SupervisionProcessAdapter;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.tasklist.WorkQueue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where every to-do of the three processes is done in the portal, on a phone too: {@code /steps/{engine task id}}
 * shows what the step is about (the task with its evidence; the plan with its three lists, the opinions and what
 * changed since it was last sent back; the reports) and the step's own Camunda Form, field for field, checked by the
 * form's rules; completion goes through the process's adapter, as the person, so the engine checks the rest. Steps
 * that already had their place on the task page (evidence, extension, criticism, on-site sign-off) are sent there.
 * Once done, the same address says so.
 */
@Controller
class StepPageController {

	/** The steps done on the task page, and where on it. */
	static final Map<String, String> ON_TASK_PAGE = Map.of(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, "submission",
			RectificationTaskProcess.USER_TASK_DECIDE_EXTENSION, "extension-decision",
			RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM, "criticism-form",
			RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, "sign-off");

	/** The steps of the rectification process that decide on the plan: the plan is shown open above the form. */
	static final Set<String> PLAN_STEPS = Set.of(RectificationProcess.USER_TASK_DRAFT_PLAN,
			RectificationProcess.USER_TASK_SOLICIT_OPINIONS, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
			RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE);

	private final WorkQueue work;

	private final StepForms forms;

	private final Directory directory;

	private final Messages messages;

	private final RectificationTaskService tasks;

	private final EvidenceService evidence;

	private final ProblemRepository problems;

	private final PlanService plans;

	private final LedgerQueries ledgers;

	private final RectificationTaskProcessAdapter taskProcess;

	private final RectificationProcessAdapter rectificationProcess;

	private final SupervisionProcessAdapter supervisionProcess;

	private final SupervisionService supervision;

	StepPageController(WorkQueue work, StepForms forms, Directory directory, Messages messages,
			RectificationTaskService tasks, EvidenceService evidence, ProblemRepository problems, PlanService plans,
			LedgerQueries ledgers, RectificationTaskProcessAdapter taskProcess,
			RectificationProcessAdapter rectificationProcess, SupervisionProcessAdapter supervisionProcess,
			SupervisionService supervision) {
		this.supervision = supervision;
		this.work = work;
		this.forms = forms;
		this.directory = directory;
		this.messages = messages;
		this.tasks = tasks;
		this.evidence = evidence;
		this.problems = problems;
		this.plans = plans;
		this.ledgers = ledgers;
		this.taskProcess = taskProcess;
		this.rectificationProcess = rectificationProcess;
		this.supervisionProcess = supervisionProcess;
	}

	/** A plan's task as the step page lists it under its problem. */
	record PlanTask(LedgerQueries.TaskRow row, List<String> measures) {
	}

	/** A problem of the plan with its tasks. */
	record PlanProblem(String code, String title, List<PlanTask> tasks) {
	}

	/** A leader's opinion on the plan, with the leader's name. */
	record OpinionView(String leaderName, String content, java.time.Instant at) {
	}

	/** A return of the plan with the name of who sent it back. */
	record ReturnView(RectificationProcessAdapter.PlanReturn plan, String byName) {
	}

	@GetMapping("/steps/{stepId}")
	String step(@PathVariable String stepId, Model model) {
		String user = Actors.current();
		Viewer viewer = Viewer.current();
		Optional<WorkQueue.OpenStep> open = this.work.openStep(stepId, user, this.directory.groupIds(user),
				viewer.unitCut());
		if (open.isEmpty()) {
			WorkQueue.DoneStep done = this.work.doneStep(stepId, user)
				.orElseThrow(() -> new RectiflowException.NotFound("stepPage.notFound"));
			String ownPage = ownPage(done.processKey(), done.businessKey());
			if (ownPage != null) {
				return "redirect:" + ownPage;
			}
			model.addAttribute("done", done);
			model.addAttribute("subject", subjectLink(done.processKey(), done.businessKey()));
			model.addAttribute("stepKey", done.taskDefinitionKey());
			model.addAttribute("stepName", done.name());
			return "step/step";
		}
		WorkQueue.OpenStep step = open.get();
		String ownPage = ownPage(step.processKey(), step.businessKey());
		if (ownPage != null) {
			return "redirect:" + ownPage;
		}
		if (RectificationTaskProcess.PROCESS_KEY.equals(step.processKey())
				&& ON_TASK_PAGE.containsKey(step.taskDefinitionKey())) {
			return "redirect:/tasks/" + step.businessKey() + "#" + ON_TASK_PAGE.get(step.taskDefinitionKey());
		}
		StepForm form = ofUnit(step, this.forms.form(step.formRef())
			.orElseThrow(() -> new RectiflowException.NotFound("stepPage.notFound")));
		model.addAttribute("step", step);
		model.addAttribute("stepKey", step.taskDefinitionKey());
		model.addAttribute("stepName", step.name());
		model.addAttribute("form", form);
		model.addAttribute("subject", subjectLink(step.processKey(), step.businessKey()));
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		if (!model.containsAttribute("refusals")) {
			model.addAttribute("refusals", Map.of());
		}
		model.addAttribute("assigneeName", (step.assignee() == null) ? null : this.directory.displayName(step.assignee()));
		Long id = Long.valueOf(step.businessKey());
		switch (step.processKey()) {
			case RectificationTaskProcess.PROCESS_KEY -> taskContext(id, model);
			case RectificationProcess.PROCESS_KEY -> planContext(id, step.taskDefinitionKey(), model);
			case SupervisionProcess.PROCESS_KEY -> model.addAttribute("inspection", this.plans.inspection(id));
			default -> throw new RectiflowException.NotFound("stepPage.notFound");
		}
		return "step/step";
	}

	private void taskContext(Long taskId, Model model) {
		RectificationTask task = this.tasks.get(taskId);
		model.addAttribute("task", task);
		model.addAttribute("problem", this.problems.findById(task.getProblemId()).orElse(null));
		model.addAttribute("leadDepartmentName", this.directory.departmentName(task.getLeadDepartment()));
		model.addAttribute("leaderName", this.directory.displayName(task.getResponsibleLeader()));
		model.addAttribute("measures", this.tasks.measuresOf(taskId));
		model.addAttribute("evidence", this.evidence.evidenceOf(taskId));
		model.addAttribute("stageReports", this.tasks.stageReportsOf(taskId));
		model.addAttribute("records", this.supervision.recordsOfTask(taskId));
		model.addAttribute("mayOpenTask", Viewer.current()
			.maySee(task.getLeadDepartment(), task.getCooperatingDepartments(), task.getResponsibleLeader()));
	}

	private void planContext(Long inspectionId, String stepKey, Model model) {
		model.addAttribute("inspection", this.plans.inspection(inspectionId));
		model.addAttribute("planOpen", PLAN_STEPS.contains(stepKey));
		LedgerScope scope = LedgerScope.current();
		LedgerQueries.ProblemList problemList = this.ledgers.problems(inspectionId, scope);
		Map<Long, List<PlanTask>> byProblem = new LinkedHashMap<>();
		this.ledgers.forEachTask(inspectionId, TaskListQuery.all(), scope, 200, (batch) -> batch
			.forEach((t) -> byProblem.computeIfAbsent(t.row().problemId(), (k) -> new ArrayList<>())
				.add(new PlanTask(t.row(), t.measures()))));
		model.addAttribute("planProblems", problemList.rows()
			.stream()
			.map((p) -> new PlanProblem(p.code(), p.title(), byProblem.getOrDefault(p.id(), List.of())))
			.toList());
		model.addAttribute("problemCounts", problemList.problemCounts());
		model.addAttribute("taskCounts", problemList.taskCounts());
		model.addAttribute("responsibilities",
				this.ledgers.responsibilities(inspectionId, LedgerQueries.ResponsibilityView.DEPARTMENT, scope));
		model.addAttribute("opinions", this.plans.opinionsOf(inspectionId)
			.stream()
			.map((o) -> new OpinionView(this.directory.displayName(o.getLeader()), o.getContent(), o.getCreatedAt()))
			.toList());
		model.addAttribute("returns", this.rectificationProcess.planReturns(inspectionId)
			.stream()
			.map((r) -> new ReturnView(r, (r.by() == null) ? "" : this.directory.displayName(r.by())))
			.toList());
		model.addAttribute("planNow", this.rectificationProcess.planVariables(inspectionId));
	}

	/**
	 * The visit's departments are those of the inspection's unit: the Camunda Form can only list one unit's (the first
	 * unit's, for Tasklist).
	 */
	private StepForm ofUnit(WorkQueue.OpenStep step, StepForm form) {
		if (!SupervisionProcess.PROCESS_KEY.equals(step.processKey())
				|| form.fields().stream().noneMatch((f) -> SupervisionProcess.VAR_VISIT_DEPARTMENT.equals(f.key()))) {
			return form;
		}
		String unit = this.plans.inspection(Long.valueOf(step.businessKey())).getUnitId();
		List<StepForm.Option> departments = this.directory.departmentsOf(unit)
			.stream()
			.map((d) -> new StepForm.Option(d.groupId(), d.name()))
			.toList();
		return departments.isEmpty() ? form : form.withOptions(SupervisionProcess.VAR_VISIT_DEPARTMENT, departments);
	}

	/**
	 * The processes across units have pages of their own where their steps are done (a 举一反三 answer and its review,
	 * a re-check): a to-do of theirs leads there. Null for the three processes of an inspection, done here.
	 */
	private static String ownPage(String processKey, String businessKey) {
		if (businessKey == null) {
			return null;
		}
		return switch (processKey) {
			case CommonProblemNoticeProcess.PROCESS_KEY -> "/common-problems/answers/" + businessKey;
			case ReCheckProcess.PROCESS_KEY -> "/rechecks/" + businessKey;
			default -> null;
		};
	}

	/** Where the step's subject is read: the task page, or the inspection's ledger. */
	private static String subjectLink(String processKey, String businessKey) {
		if (businessKey == null) {
			return "/";
		}
		return RectificationTaskProcess.PROCESS_KEY.equals(processKey) ? "/tasks/" + businessKey
				: "/inspections/" + businessKey;
	}

	/**
	 * Completes the step with what the form submitted. A broken rule of the form, or a refusal of the engine's own
	 * checks, brings the page back with the reasons at the top and by their fields, and everything typed kept.
	 */
	@PostMapping("/steps/{stepId}")
	String complete(@PathVariable String stepId, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		String user = Actors.current();
		List<String> groups = this.directory.groupIds(user);
		Optional<WorkQueue.OpenStep> open = this.work.openStep(stepId, user, groups, Viewer.current().unitCut());
		if (open.isEmpty()) {
			if (this.work.doneStep(stepId, user).isPresent()) {
				return "redirect:/steps/" + stepId;
			}
			throw new RectiflowException.Conflict("error.step.gone");
		}
		WorkQueue.OpenStep step = open.get();
		StepForm form = ofUnit(step, this.forms.form(step.formRef())
			.orElseThrow(() -> new RectiflowException.NotFound("stepPage.notFound")));
		Map<String, String> input = new LinkedHashMap<>();
		form.fields().forEach((f) -> input.put(f.key(), params.getOrDefault(f.key(), "")));
		List<StepForm.Refusal> refusals = form.check(input);
		if (!refusals.isEmpty()) {
			Map<String, String> byField = new LinkedHashMap<>();
			refusals.forEach((r) -> byField.putIfAbsent(r.key(), this.messages.get(r.messageKey(), r.args())));
			return refused(stepId, input, byField, null, redirect);
		}
		Map<String, Object> variables = form.variables(input);
		Long id = Long.valueOf(step.businessKey());
		try {
			switch (step.processKey()) {
				case RectificationTaskProcess.PROCESS_KEY ->
					this.taskProcess.complete(id, step.taskDefinitionKey(), user, groups, variables);
				case RectificationProcess.PROCESS_KEY ->
					this.rectificationProcess.complete(id, stepId, user, groups, variables);
				case SupervisionProcess.PROCESS_KEY ->
					this.supervisionProcess.complete(id, stepId, user, groups, variables);
				default -> throw new RectiflowException.NotFound("stepPage.notFound");
			}
		}
		catch (RectiflowException.AlreadyDone done) {
			return "redirect:/steps/" + stepId;
		}
		catch (RectiflowException.Conflict | RectiflowException.Forbidden | RectiflowException.NotFound ex) {
			throw ex;
		}
		catch (RectiflowException | ProcessEngineException ex) {
			return refused(stepId, input, Map.of(), this.messages.refusal(ex), redirect);
		}
		redirect.addFlashAttribute("message", this.messages.get("stepPage.done", step.name()));
		return "redirect:/steps/" + stepId;
	}

	private static String refused(String stepId, Map<String, String> input, Map<String, String> byField,
			String general, RedirectAttributes redirect) {
		redirect.addFlashAttribute("input", input);
		redirect.addFlashAttribute("refusals", byField);
		redirect.addFlashAttribute("refusal", general);
		return "redirect:/steps/" + stepId;
	}

}

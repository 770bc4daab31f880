package org.rectiflow.benchmark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.StatementLog;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.FeedbackImporter;
import org.rectiflow.supervision.SignOff;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.evidence.EvidenceSubmissionService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

/**
 * What each step of a task's work sends to the database, counted beside the bare engine doing the same step
 * ({@link BareEngine}): the benchmark's service-layer work, as statements rather than seconds, so that a change that
 * adds queries to every step fails here instead of showing up months later as a slower province
 * (docs/PERFORMANCE.md). The budgets are what the product's rules cost today: the permission check, the audit chain,
 * the domain rows, the listeners.
 */
@SpringBootTest(classes = { RectiflowApplication.class, StatementLog.Recording.class })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepStatementsTests {

	/**
	 * The steps counted, with how many statements each may send beyond the bare engine's: the permission check, the
	 * audit chain (head locked, entry, head moved), the operation-log row, the grant the next step's candidates or
	 * assignee get and its removal, and the domain rows of the step (the task's progress, its files stamped, a pending
	 * extension withdrawn, the draft dropped; the sign-off's record).
	 */
	static final List<String> STEPS = List.of("evidence submitted", "leader accepts", "signed off on site");

	static final int[] BUDGET = { 15, 8, 10 };

	/**
	 * Statements per task a filed plan's launch (the job the filing leaves behind) may send beyond the bare engine's
	 * starts: the READ grants of the task's departments and leader, the grant of the first step's candidates (written
	 * without a lookup: NewTaskGrantsPlugin), the task's ledger row set in progress; and, spread over the tasks, the
	 * job itself and the audit entry. Measured: 4.4 (7.9 when the filing and the supervision it starts were counted
	 * with the launch, before the launch became a job).
	 */
	static final double LAUNCH_BUDGET_PER_TASK = 5.0;

	private static final String NARRATIVE = "已按整改措施逐项落实，佐证材料已上传。";

	private final StatementLog bareLog = new StatementLog();

	@Autowired
	ProcessDriver driver;

	@Autowired
	FeedbackImporter importer;

	@Autowired
	EvidenceSubmissionService submissions;

	@Autowired
	RectificationTaskProcessAdapter taskProcess;

	@Autowired
	SupervisionService supervision;

	@Autowired
	Directory directory;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RuntimeService runtimeService;

	private BareEngine bare;

	private final List<String> launch = new ArrayList<>();

	private final List<String> bareLaunch = new ArrayList<>();

	private int launched;

	private final List<List<String>> ours = new ArrayList<>();

	private final List<List<String>> theirs = new ArrayList<>();

	@BeforeAll
	void countTheStepsOfOneTask() throws Exception {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:step-statements-bare;DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		this.bare = new BareEngine(this.bareLog.wrap(h2), "step-statements-bare");
		Feedback reference;
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			reference = this.importer.fromReport(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		// The reference case, deadlines ahead: its launch is the benchmark's, 65 tasks.
		LocalDate due = LocalDate.now().plusMonths(3);
		Inspection inspection = this.driver.register(new Feedback(reference.title() + "（语句计数）",
				reference.inspectingBody(), reference.unitName(), reference.onSiteFrom(), reference.onSiteTo(),
				reference.feedbackDate(), reference.documentNumbers(), reference.concentratedMonths(),
				reference.contactLine(), reference.categoriesWith((problem, t) -> t.withDeadline(due))));
		this.driver.approvePlan(inspection.getId());
		// The launch is the job the filing leaves behind: its statements are counted, not the filing's.
		this.driver.acceptFiling(inspection.getId());
		this.launch.addAll(StatementLog.APPLICATION.record(() -> this.driver.launch(inspection.getId())));
		Map<String, Map<String, Object>> twins = new LinkedHashMap<>();
		for (ProcessInstance instance : this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.variableValueEquals(RectificationTaskProcess.VAR_INSPECTION_ID, inspection.getId())
			.list()) {
			twins.put(instance.getBusinessKey(), this.runtimeService.getVariables(instance.getId()));
		}
		this.bareLaunch.addAll(this.bareLog.record(() -> this.bare.launch(twins)));
		this.launched = twins.size();
		List<RectificationTask> tasks = this.driver.tasksOf(inspection.getId());
		// The first task fills the caches (definitions, groups, prepared mappings), the second is counted.
		work(tasks.get(0));
		List<List<String>> counted = work(tasks.get(1));
		this.ours.addAll(counted.subList(0, 3));
		this.theirs.addAll(counted.subList(3, 6));
	}

	@AfterAll
	void closeBareEngine() throws Exception {
		this.bare.close();
	}

	/** The three steps through the services the portal calls, then on the bare engine's twin. */
	private List<List<String>> work(RectificationTask task) {
		this.driver.uploadEvidence(task);
		String staff = DemoAccounts.staffOf(Department.byGroupId(task.getLeadDepartment()).orElseThrow());
		String leader = task.getResponsibleLeader();
		SignOff signOff = new SignOff(LocalDate.now(ZoneId.of("Asia/Shanghai")), "行政楼会议室", "纪委办公室 张三", "制度文件、会议记录",
				"现场核查材料齐全，措施落实到位", SignOff.PASS);
		StatementLog app = StatementLog.APPLICATION;
		List<List<String>> steps = new ArrayList<>();
		steps.add(app.record(() -> this.submissions.submit(task.getId(), NARRATIVE, List.of(), staff)));
		steps.add(app.record(() -> this.transactions.executeWithoutResult((status) -> this.taskProcess.complete(
				task.getId(), RectificationTaskProcess.USER_TASK_LEADER_REVIEW, leader, this.directory.groupIds(leader),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT)))));
		steps.add(app.record(() -> this.supervision.signOff(task.getId(), signOff, DemoAccounts.DISCIPLINE_OFFICER)));
		String key = String.valueOf(task.getId());
		steps.add(this.bareLog.record(() -> this.bare.complete(key, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, NARRATIVE))));
		steps.add(this.bareLog.record(() -> this.bare.complete(key, RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT))));
		steps.add(this.bareLog.record(() -> this.bare.complete(key,
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, BareEngine.signedOff(signOff))));
		return steps;
	}

	@Test
	void eachStepStaysWithinItsBudgetOfStatementsBeyondTheBareEngine() {
		SoftAssertions steps = new SoftAssertions();
		for (int step = 0; step < STEPS.size(); step++) {
			steps.assertThat(this.ours.get(step).size() - this.theirs.get(step).size())
				.as("statements of '%s' beyond the bare engine's (Rectiflow %d, bare %d):%n%s", STEPS.get(step),
						this.ours.get(step).size(), this.theirs.get(step).size(), table(step))
				.isLessThanOrEqualTo(BUDGET[step]);
		}
		steps.assertAll();
	}

	@Test
	void theLaunchStaysWithinItsBudgetOfStatementsPerTaskBeyondTheBareEngine() {
		assertThat((this.launch.size() - this.bareLaunch.size()) / (double) this.launched)
			.as("statements of the launch per task beyond the bare engine's starts (Rectiflow %d, bare %d, %d tasks):%n%s",
					this.launch.size(), this.bareLaunch.size(), this.launched, table(this.launch, this.bareLaunch))
			.isLessThanOrEqualTo(LAUNCH_BUDGET_PER_TASK);
	}

	@Test
	void theLaunchLooksUpNoGrantOnTheStepsItCreates() {
		// The engine looked for an existing grant before each candidate's grant on a new step: one query per task
		// (NewTaskGrantsPlugin). The filing, with its permission checks, is no longer counted: the launch is its job.
		assertThat(StatementLog.byKind(this.launch).getOrDefault("select act_ru_authorization", 0))
			.as("authorization queries of a launch of %d tasks", this.launched)
			.isLessThan(this.launched / 4);
	}

	@Test
	void noStepReadsEveryGroupThatHoldsAnAuthorization() {
		for (int step = 0; step < STEPS.size(); step++) {
			assertThat(this.ours.get(step)).as("statements of '%s'", STEPS.get(step))
				.noneMatch((sql) -> sql.toUpperCase().contains("DISTINCT(A.GROUP_ID_)"));
		}
	}

	@Test
	void aStepCompletedByTheOneWhoClaimsItWritesNoAuthorizationForThem() {
		// The submission is claimed and completed in one command: the only authorization written is the leader's,
		// for the review that opens; the sign-off's, the rectification office's for the close-off.
		assertThat(StatementLog.byKind(this.ours.get(0))).containsEntry("insert act_ru_authorization", 1);
		assertThat(StatementLog.byKind(this.ours.get(2))).containsEntry("insert act_ru_authorization", 1);
	}

	private String table(int step) {
		return table(this.ours.get(step), this.theirs.get(step));
	}

	/** Statements by kind, Rectiflow's beside the bare engine's. */
	private static String table(List<String> ours, List<String> theirs) {
		Map<String, Integer> a = StatementLog.byKind(ours);
		Map<String, Integer> b = StatementLog.byKind(theirs);
		TreeSet<String> kinds = new TreeSet<>(a.keySet());
		kinds.addAll(b.keySet());
		StringBuilder text = new StringBuilder(String.format("  %-40s %9s %5s%n", "", "Rectiflow", "bare"));
		for (String kind : kinds) {
			text.append(String.format("  %-40s %9d %5d%n", kind, a.getOrDefault(kind, 0), b.getOrDefault(kind, 0)));
		}
		return text.toString();
	}

}

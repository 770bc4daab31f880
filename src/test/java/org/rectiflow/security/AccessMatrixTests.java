package org.rectiflow.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.report.ReportService;
import org.rectiflow.task.Evidence;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.unit.SecondUnit;
import org.rectiflow.unit.Units;
import org.rectiflow.web.PortalLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every way in: the portal's pages and downloads (with a real form login), our API and the engine's
 * REST API (HTTP Basic). A department's task, its evidence and its process instance are opened by each person; those
 * it is not for get 403 or 404 and never its content. Runs against the whole application on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	static final String LOGISTICS = "logisticsDepartmentStaff";

	static final String FINANCE = "financeDepartmentStaff";

	static final String LEADER = DemoAccounts.VICE_PRESIDENT_LOGISTICS;

	static final String OTHER_LEADER = DemoAccounts.VICE_PRESIDENT_FINANCE;

	/** The first unit's people, the inspection office (overseeing every unit) and the administrator. */
	static final List<String> UNIT1 = List.of(LOGISTICS, FINANCE, LEADER, OTHER_LEADER, DemoAccounts.DISCIPLINE_OFFICER,
			DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.SECRETARY, DemoAccounts.INSPECTOR, DemoAccounts.ADMIN);

	/**
	 * Everyone of both units (issue 18): every row of the matrix is tried by the second unit's people too (office clerk,
	 * leader, discipline officer, Party committee member, department clerk), members of the same global role groups
	 * as the first unit's; the first unit's data is never theirs.
	 */
	static final List<String> EVERYONE = Stream.concat(UNIT1.stream(), SecondUnit.PEOPLE.stream()).toList();

	static final Set<String> OVERSIGHT = Set.of(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.RECTIFICATION_CLERK,
			DemoAccounts.SECRETARY, DemoAccounts.ADMIN);

	/** Who may open the logistics department's task and its evidence: the department, its leader, oversight. */
	static final Set<String> TASK = union(OVERSIGHT, Set.of(LOGISTICS, LEADER));

	/** The plan as a whole: oversight, the committee and leaders, the inspection office. */
	static final Set<String> LEDGER = union(OVERSIGHT, Set.of(LEADER, OTHER_LEADER, DemoAccounts.INSPECTOR));

	static final Set<String> MEETING = union(OVERSIGHT, Set.of(LEADER, OTHER_LEADER));

	static final Set<String> DASHBOARD = LEDGER;

	/** The task's title: if it shows up in an answer, the answer leaked. */
	static final String SECRET = "宿舍日常维修不及时，学生意见大";

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	EvidenceService evidence;

	@Autowired
	org.rectiflow.inspection.InspectionRepository inspections;

	Long inspection;

	RectificationTask task;

	Evidence file;

	String instanceId;

	final Map<String, HttpClient> sessions = new HashMap<>();

	@Autowired
	SecondUnit second;

	@BeforeAll
	void aDepartmentsTaskWithEvidence() {
		this.second.inspection();
		this.inspection = this.driver.register(TestFeedback.small("权限矩阵测试")).getId();
		this.driver.filePlan(this.inspection);
		this.task = this.driver.task(this.inspection, "1.1.1");
		this.driver.uploadEvidence(this.task);
		this.file = this.evidence.evidenceOf(this.task.getId()).get(0);
		this.instanceId = this.driver.instance(RectificationTaskProcess.PROCESS_KEY, this.task.getId()).getId();
	}

	@TestFactory
	Stream<DynamicTest> portalPages() {
		List<DynamicTest> tests = new ArrayList<>();
		expect(tests, "/tasks/" + this.task.getId(), TASK);
		expect(tests, "/evidence/" + this.file.getId() + "/download", TASK);
		expect(tests, "/evidence/" + this.file.getId() + "/preview", TASK);
		expect(tests, "/inspections/" + this.inspection + "/dashboard", DASHBOARD);
		expect(tests, "/inspections/" + this.inspection + "/dashboard/data", DASHBOARD);
		expect(tests, "/inspections/" + this.inspection + "/progress-meeting", MEETING);
		expect(tests, "/inspections/" + this.inspection + "/assessment", MEETING);
		expect(tests, "/inspections/" + this.inspection + "/rectification-report", LEDGER);
		// Every unit's office registers its own unit's inspections.
		expect(tests, "/inspections/import", Set.of(DemoAccounts.RECTIFICATION_CLERK, SecondUnit.CLERK));
		expect(tests, "/inspections/import/template.xlsx", Set.of(DemoAccounts.RECTIFICATION_CLERK, SecondUnit.CLERK));
		for (String user : EVERYONE) {
			boolean sees = LEDGER.contains(user) || TASK.contains(user);
			// Another unit's inspection does not exist for the second unit's people.
			int status = SecondUnit.PEOPLE.contains(user) ? 404 : 200;
			tests.add(DynamicTest.dynamicTest("task list as " + user + (sees ? " lists" : " leaves out") + " the task",
					() -> {
						HttpResponse<String> list = page(user, "/inspections/" + this.inspection + "/tasks");
						assertThat(list.statusCode()).isEqualTo(status);
						assertThat(list.body().contains(SECRET)).isEqualTo(sees);
						HttpResponse<String> problems = page(user, "/inspections/" + this.inspection);
						assertThat(problems.statusCode()).isEqualTo(status);
						assertThat(problems.body().contains("宿舍日常维修不及时")).isEqualTo(sees);
					}));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> ourApi() {
		List<DynamicTest> tests = new ArrayList<>();
		expectApi(tests, "/api/tasks/" + this.task.getId() + "/evidence", TASK);
		expectApi(tests, "/api/tasks/" + this.task.getId() + "/stage-reports", TASK);
		expectApi(tests, "/api/evidence/" + this.file.getId(), TASK);
		expectApi(tests, "/api/evidence/" + this.file.getId() + "/content", TASK);
		expectApi(tests, "/api/inspections/" + this.inspection, LEDGER);
		expectApi(tests, "/api/inspections/" + this.inspection + "/responsibilities", LEDGER);
		expectApi(tests, "/api/inspections/" + this.inspection + "/criticism-notices", OVERSIGHT);
		expectApi(tests, "/api/inspections/" + this.inspection + "/supervision-records", OVERSIGHT);
		expectApi(tests, "/api/inspections/" + this.inspection + "/review-opinions", DASHBOARD);
		expectApi(tests, "/api/inspections/" + this.inspection + "/plan-opinions", DASHBOARD);
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> engineRestApi() {
		List<DynamicTest> tests = new ArrayList<>();
		Set<String> engineReaders = TASK;
		for (String user : EVERYONE) {
			boolean reads = engineReaders.contains(user);
			tests.add(DynamicTest.dynamicTest("engine: variables of the task's instance as " + user, () -> {
				HttpResponse<String> variables = basic(user, "/engine-rest/process-instance/" + this.instanceId + "/variables");
				if (reads) {
					assertThat(variables.statusCode()).isEqualTo(200);
					assertThat(variables.body()).contains(SECRET);
				}
				else {
					assertThat(variables.statusCode()).isIn(403, 404);
					assertThat(variables.body()).doesNotContain(SECRET);
				}
				HttpResponse<String> instances = basic(user,
						"/engine-rest/process-instance?businessKey=" + this.task.getId() + "&processDefinitionKey="
								+ RectificationTaskProcess.PROCESS_KEY);
				assertThat(instances.statusCode()).isEqualTo(200);
				assertThat(instances.body().contains(this.instanceId)).isEqualTo(reads);
				HttpResponse<String> history = basic(user,
						"/engine-rest/history/variable-instance?processInstanceId=" + this.instanceId);
				assertThat(history.body().contains(SECRET)).as("the history is for oversight only")
					.isEqualTo(OVERSIGHT.contains(user));
				HttpResponse<String> tasks = basic(user, "/engine-rest/task?processInstanceId=" + this.instanceId);
				assertThat(tasks.statusCode()).isEqualTo(200);
				boolean works = LOGISTICS.equals(user) || OVERSIGHT.contains(user);
				assertThat(tasks.body().contains(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE))
					.as("the submission step is listed to those who do it and those who oversee").isEqualTo(works);
			}));
		}
		return tests.stream();
	}

	/**
	 * {@code GET /api/units} (issue 18): everyone of the unit, and the inspection office overseeing it, sees exactly
	 * the inspection's unit; the administrator, of no unit, none.
	 */
	@Autowired
	Units units;

	@TestFactory
	Stream<DynamicTest> units() {
		String unit = this.inspections.findById(this.inspection).orElseThrow().getUnitId();
		// The inspection office: every unit it oversees (the second unit among them).
		List<String> overseen = this.units.all()
			.stream()
			.map(org.rectiflow.unit.Unit::getId)
			.filter((id) -> this.units.groupMembers(id).contains(org.rectiflow.identity.Groups.INSPECTION_OFFICE))
			.sorted()
			.toList();
		assertThat(overseen).contains(unit, SecondUnit.ID);
		List<DynamicTest> tests = new ArrayList<>();
		for (String user : EVERYONE) {
			List<String> expected = DemoAccounts.ADMIN.equals(user) ? List.of()
					: DemoAccounts.INSPECTOR.equals(user) ? overseen
							: SecondUnit.PEOPLE.contains(user) ? List.of(SecondUnit.ID) : List.of(unit);
			tests.add(DynamicTest.dynamicTest("GET /api/units as " + user + " lists " + expected, () -> {
				HttpResponse<String> response = basic(user, "/api/units");
				assertThat(response.statusCode()).isEqualTo(200);
				List<String> ids = new ArrayList<>();
				new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())
					.forEach((u) -> ids.add(u.get("id").asText()));
				assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
			}));
		}
		return tests.stream();
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Across units (issue 18): the second unit's inspection, task, evidence and process instance, tried by everyone.
	// Its own people see it as the first unit's people see theirs; the inspection office reads its plan as a whole;
	// the administrator everything; the first unit's people, whatever their role, get 403 or 404 and never its
	// content, on pages, downloads and exports, our API, the engine's REST API (history included) and the webapps'.
	// (The rows above try the second unit's people against the first unit's data.)
	// ---------------------------------------------------------------------------------------------------------------

	static final Set<String> U2_OVERSIGHT = Set.of(SecondUnit.CLERK, SecondUnit.DISCIPLINE_OFFICER, DemoAccounts.ADMIN);

	static final Set<String> U2_TASK = union(U2_OVERSIGHT, Set.of(SecondUnit.STAFF, SecondUnit.LEADER));

	static final Set<String> U2_MEETING = union(U2_OVERSIGHT, Set.of(SecondUnit.LEADER, SecondUnit.COMMITTEE_MEMBER));

	static final Set<String> U2_LEDGER = union(U2_MEETING, Set.of(DemoAccounts.INSPECTOR));

	/** Everyone who reaches the inspection's lists at all (what they list is their scope's business). */
	static final Set<String> U2_LISTS = union(Set.copyOf(SecondUnit.PEOPLE), Set.of(DemoAccounts.INSPECTOR, DemoAccounts.ADMIN));

	@Autowired
	org.rectiflow.task.RectificationTaskService rectificationTasks;

	@TestFactory
	Stream<DynamicTest> acrossUnits() {
		Long other = this.second.inspection().getId();
		RectificationTask otherTask = this.second.task("1.1.1");
		List<Evidence> files = this.evidence.evidenceOf(otherTask.getId());
		Evidence otherFile = files.isEmpty() ? this.evidence.upload(otherTask.getId(), new EvidenceService.Upload("台账.pdf",
				"application/pdf", "%PDF-1.4 unit2".getBytes(StandardCharsets.UTF_8), "二单位台账"), SecondUnit.STAFF).evidence()
				: files.get(0);
		String otherInstance = this.driver.instance(RectificationTaskProcess.PROCESS_KEY, otherTask.getId()).getId();
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(otherInstance).singleResult()
			.getTenantId()).isEqualTo(SecondUnit.ID);
		String secret = SecondUnit.SECRET;
		List<DynamicTest> tests = new ArrayList<>();
		expect(tests, "/tasks/" + otherTask.getId(), U2_TASK, secret);
		expect(tests, "/evidence/" + otherFile.getId() + "/download", U2_TASK, secret);
		expect(tests, "/evidence/" + otherFile.getId() + "/preview", U2_TASK, secret);
		expect(tests, "/inspections/" + other, U2_LISTS, secret);
		expect(tests, "/inspections/" + other + "/tasks", U2_LISTS, secret);
		expect(tests, "/inspections/" + other + "/responsibilities", U2_LISTS, secret);
		for (String export : List.of("problems", "tasks", "responsibilities")) {
			expect(tests, "/inspections/" + other + "/" + export + ".xlsx", U2_LISTS, secret);
		}
		expect(tests, "/inspections/" + other + "/dashboard", U2_LEDGER, secret);
		expect(tests, "/inspections/" + other + "/dashboard/data", U2_LEDGER, secret);
		expect(tests, "/inspections/" + other + "/progress-meeting", U2_MEETING, secret);
		expect(tests, "/inspections/" + other + "/assessment", U2_MEETING, secret);
		for (String report : List.of("/public-report", "/rectification-report")) {
			for (String format : List.of("", ".pdf", ".docx")) {
				expect(tests, "/inspections/" + other + report + format, U2_LEDGER, secret);
			}
		}
		for (String format : List.of("", ".pdf", ".docx")) {
			// Not published: the public address answers 404 to everyone, of either unit.
			expect(tests, "/public/inspections/" + other + "/progress-report" + format, Set.of(), secret);
		}
		expectApi(tests, "/api/tasks/" + otherTask.getId() + "/evidence", U2_TASK, secret);
		expectApi(tests, "/api/tasks/" + otherTask.getId() + "/stage-reports", U2_TASK, secret);
		expectApi(tests, "/api/evidence/" + otherFile.getId(), U2_TASK, secret);
		expectApi(tests, "/api/evidence/" + otherFile.getId() + "/content", U2_TASK, secret);
		expectApi(tests, "/api/inspections/" + other, U2_LEDGER, secret);
		expectApi(tests, "/api/inspections/" + other + "/responsibilities", U2_LEDGER, secret);
		expectApi(tests, "/api/inspections/" + other + "/criticism-notices", U2_OVERSIGHT, secret);
		expectApi(tests, "/api/inspections/" + other + "/supervision-records", U2_OVERSIGHT, secret);
		expectApi(tests, "/api/inspections/" + other + "/review-opinions", U2_LEDGER, secret);
		expectApi(tests, "/api/inspections/" + other + "/plan-opinions", U2_LEDGER, secret);
		expectApi(tests, "/api/inspections/" + other + "/public-report/preview", U2_LEDGER, secret);
		expectApi(tests, "/api/inspections/" + other + "/institutional-rules", U2_LEDGER, secret);
		for (String user : EVERYONE) {
			boolean ofUnit2 = SecondUnit.PEOPLE.contains(user);
			boolean overseesBoth = DemoAccounts.INSPECTOR.equals(user) || DemoAccounts.ADMIN.equals(user);
			tests.add(DynamicTest.dynamicTest("lists across units as " + user, () -> {
				// The home page and the API's list of inspections: one's own unit's, the office's every unit's.
				String home = page(user, "/").body();
				assertThat(home.contains(secret)).as("home lists the second unit's inspection")
					.isEqualTo(ofUnit2 || overseesBoth);
				assertThat(home.contains("权限矩阵测试")).as("home lists the first unit's inspection")
					.isEqualTo(!ofUnit2);
				HttpResponse<String> list = basic(user, "/api/inspections");
				assertThat(list.statusCode()).isEqualTo(200);
				assertThat(list.body().contains(secret)).isEqualTo(ofUnit2 || overseesBoth);
				assertThat(list.body().contains("权限矩阵测试")).isEqualTo(!ofUnit2);
			}));
			boolean reads = U2_TASK.contains(user);
			tests.add(DynamicTest.dynamicTest("engine across units: the second unit's instance as " + user, () -> {
				HttpResponse<String> variables = basic(user, "/engine-rest/process-instance/" + otherInstance + "/variables");
				if (reads) {
					assertThat(variables.statusCode()).isEqualTo(200);
					assertThat(variables.body()).contains(secret);
				}
				else {
					assertThat(variables.statusCode()).isIn(403, 404);
					assertThat(variables.body()).doesNotContain(secret);
				}
				assertThat(basic(user, "/engine-rest/process-instance?processDefinitionKey="
						+ RectificationTaskProcess.PROCESS_KEY + "&businessKey=" + otherTask.getId()).body()
					.contains(otherInstance)).isEqualTo(reads);
				for (String history : List.of("/engine-rest/history/variable-instance?processInstanceId=" + otherInstance,
						"/engine-rest/history/process-instance?processInstanceId=" + otherInstance,
						"/engine-rest/history/task?processInstanceId=" + otherInstance)) {
					HttpResponse<String> answer = basic(user, history);
					if (!ofUnit2 && !DemoAccounts.ADMIN.equals(user)) {
						assertThat(answer.body()).as(history).doesNotContain(secret, otherInstance);
					}
				}
				if (!ofUnit2 && !DemoAccounts.ADMIN.equals(user)) {
					assertThat(basic(user, "/engine-rest/task?processInstanceId=" + otherInstance).body())
						.doesNotContain(otherInstance);
				}
			}));
		}
		// The webapps' API behind Tasklist and Cockpit, with a signed-in session: the first unit's oversight and
		// the second unit's office each see their own unit's steps and instances, never the other's.
		for (String user : List.of(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.DISCIPLINE_OFFICER, SecondUnit.CLERK,
				SecondUnit.DISCIPLINE_OFFICER)) {
			boolean ofUnit2 = SecondUnit.PEOPLE.contains(user);
			tests.add(DynamicTest.dynamicTest("webapps' API across units as " + user, () -> {
				WebappSession session = new WebappSession(this.port, user);
				String ownInstance = ofUnit2 ? otherInstance : this.instanceId;
				String foreignInstance = ofUnit2 ? this.instanceId : otherInstance;
				String foreignSecret = ofUnit2 ? SECRET : secret;
				HttpResponse<String> own = session.send("GET", WebappSession.ENGINE_API + "process-instance/"
						+ ownInstance + "/variables", null);
				assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
				HttpResponse<String> foreign = session.send("GET", WebappSession.ENGINE_API + "process-instance/"
						+ foreignInstance + "/variables", null);
				assertThat(foreign.statusCode()).isIn(403, 404);
				assertThat(foreign.body()).doesNotContain(foreignSecret);
				for (String path : List.of("task?processInstanceId=" + foreignInstance,
						"history/task?processInstanceId=" + foreignInstance,
						"history/variable-instance?processInstanceId=" + foreignInstance,
						"history/process-instance?processInstanceId=" + foreignInstance,
						"process-instance?processInstanceIds=" + foreignInstance)) {
					HttpResponse<String> answer = session.send("GET", WebappSession.ENGINE_API + path, null);
					assertThat(answer.body()).as(path).doesNotContain(foreignSecret, foreignInstance);
				}
				HttpResponse<String> ownTasks = session.send("GET",
						WebappSession.ENGINE_API + "history/process-instance?processInstanceId=" + ownInstance, null);
				assertThat(ownTasks.body()).contains(ownInstance);
			}));
		}
		return tests.stream();
	}

	@Autowired
	org.rectiflow.notification.Notifications notifications;

	/**
	 * Notices and the audit page across units: a notice about the second unit's task, sent to the discipline
	 * committee (a global role group) and the department, reaches the second unit's members only, and a notice of the
	 * first unit's shows in no inbox of the second's; the audit page of each unit's discipline committee lists its
	 * unit's uploads and not the other's; only the discipline committee opens it.
	 */
	@TestFactory
	Stream<DynamicTest> noticesAndAuditAcrossUnits() {
		RectificationTask otherTask = this.second.task("1.1.1");
		Evidence otherFile = this.evidence.evidenceOf(otherTask.getId()).stream().findFirst()
			.orElseGet(() -> this.evidence.upload(otherTask.getId(), new EvidenceService.Upload("台账.pdf", "application/pdf",
					"%PDF-1.4 unit2".getBytes(StandardCharsets.UTF_8), "二单位台账"), SecondUnit.STAFF).evidence());
		String about2 = "【逾期督办】" + SecondUnit.SECRET + " 矩阵通知";
		this.notifications.send(org.rectiflow.notification.Notice
			.of(org.rectiflow.notification.Notice.Kind.ESCALATION, about2, "", "/tasks/" + otherTask.getId(),
					List.of(SecondUnit.LEADER))
			.andGroups(List.of(org.rectiflow.identity.Groups.DISCIPLINE, SecondUnit.DEPARTMENT))
			.inUnit(SecondUnit.ID));
		String about1 = "【逾期督办】" + SECRET + " 矩阵通知";
		String unit1 = this.inspections.findById(this.inspection).orElseThrow().getUnitId();
		// Addressed by mistake to a person of the second unit too: the inbox still keeps it out.
		this.notifications.send(org.rectiflow.notification.Notice
			.of(org.rectiflow.notification.Notice.Kind.ESCALATION, about1, "", "/tasks/" + this.task.getId(),
					List.of(LEADER, SecondUnit.LEADER))
			.andGroups(List.of(org.rectiflow.identity.Groups.DISCIPLINE))
			.inUnit(unit1));
		Set<String> told2 = Set.of(SecondUnit.LEADER, SecondUnit.DISCIPLINE_OFFICER, SecondUnit.STAFF);
		Set<String> told1 = Set.of(LEADER, DemoAccounts.DISCIPLINE_OFFICER);
		Set<String> discipline = Set.of(DemoAccounts.DISCIPLINE_OFFICER, SecondUnit.DISCIPLINE_OFFICER);
		List<DynamicTest> tests = new ArrayList<>();
		for (String user : EVERYONE) {
			tests.add(DynamicTest.dynamicTest("inbox and audit page across units as " + user, () -> {
				String inbox = page(user, "/inbox").body();
				assertThat(inbox.contains(about2)).as("the second unit's notice").isEqualTo(told2.contains(user));
				assertThat(inbox.contains(about1)).as("the first unit's notice").isEqualTo(told1.contains(user));
				HttpResponse<String> audit = page(user, "/audit?kind=UPLOAD&size=200");
				if (!discipline.contains(user)) {
					assertThat(audit.statusCode()).isIn(403, 404);
					return;
				}
				assertThat(audit.statusCode()).isEqualTo(200);
				boolean ofUnit2 = SecondUnit.PEOPLE.contains(user);
				assertThat(audit.body().contains("evidence:" + otherFile.getId() + "<")).isEqualTo(ofUnit2);
				assertThat(audit.body().contains("evidence:" + this.file.getId() + "<")).isEqualTo(!ofUnit2);
			}));
		}
		return tests.stream();
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Task operations over the engine's REST API (issue 17, F2): who may complete a step with variables that are not
	// on its form, write its variables, delegate it, change its candidates or edit it. The department's step is tried
	// by everyone; what someone may do (the rectification office reassigns, an administrator does anything) is done on
	// steps of a second inspection, so the shared step stays as it was.
	// ---------------------------------------------------------------------------------------------------------------

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtimeService;

	@TestFactory
	Stream<DynamicTest> taskOperations() {
		String step = submission(this.task.getId());
		String stepName = this.taskService.createTaskQuery().taskId(step).singleResult().getName();
		Long scratchInspection = this.driver.register(TestFeedback.small("权限矩阵：办理操作")).getId();
		this.driver.filePlan(scratchInspection);
		RectificationTask officeScratch = this.driver.task(scratchInspection, "1.1.1");
		RectificationTask adminScratch = this.driver.task(scratchInspection, "1.1.2");
		RectificationTask adminCompletes = this.driver.task(this.inspection, "1.1.2");
		this.driver.uploadEvidence(adminCompletes);
		Set<String> reassign = Set.of(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.ADMIN);
		List<DynamicTest> tests = new ArrayList<>();
		for (String user : EVERYONE) {
			boolean admin = DemoAccounts.ADMIN.equals(user);
			tests.add(DynamicTest.dynamicTest("task operations as " + user, () -> {
				String completing = admin ? submission(adminCompletes.getId()) : step;
				HttpResponse<String> forged = send(user, "POST", "/engine-rest/task/" + completing + "/complete",
						"{\"variables\":{\"progressReport\":{\"value\":\"已全部整改到位\"},\"responsibleLeader\":{\"value\":\""
								+ user + "\"}}}");
				if (admin) {
					assertThat(forged.statusCode()).as(forged.body()).isEqualTo(204);
					assertThat(this.driver.one(RectificationTaskProcess.PROCESS_KEY, adminCompletes.getId(),
							RectificationTaskProcess.USER_TASK_LEADER_REVIEW).getAssignee())
						.as("the leader comes from the ledger, whatever the variable says").isEqualTo(LEADER);
				}
				else if (LOGISTICS.equals(user)) {
					assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
					assertThat(forged.body()).contains("responsibleLeader");
				}
				else {
					assertThat(forged.statusCode()).as(forged.body()).isIn(403, 404);
					assertThat(forged.body()).doesNotContain(SECRET, stepName);
				}

				String own = admin ? submission(adminScratch.getId())
						: reassign.contains(user) ? submission(officeScratch.getId()) : step;
				HttpResponse<String> variable = send(user, "PUT", "/engine-rest/task/" + own
						+ "/variables/responsibleLeader", "{\"value\":\"" + LEADER + "\"}");
				assertThat(variable.statusCode()).as("set a variable: " + variable.body())
					.isIn(admin ? List.of(204) : List.of(403, 404));

				if (admin) {
					// The step as it is, written back (Camunda's REST API cannot read back its form reference).
					com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
					com.fasterxml.jackson.databind.node.ObjectNode current = (com.fasterxml.jackson.databind.node.ObjectNode) mapper
						.readTree(send(user, "GET", "/engine-rest/task/" + own, null).body());
					current.remove("camundaFormRef");
					HttpResponse<String> update = send(user, "PUT", "/engine-rest/task/" + own, mapper.writeValueAsString(current));
					assertThat(update.statusCode()).as("update: " + update.body()).isEqualTo(204);
				}
				else {
					HttpResponse<String> rename = send(user, "PUT", "/engine-rest/task/" + own, "{\"name\":\"已办结\"}");
					assertThat(rename.statusCode()).as("update: " + rename.body()).isIn(403, 404);
				}

				HttpResponse<String> link = send(user, "POST", "/engine-rest/task/" + own + "/identity-links",
						"{\"groupId\":\"qualityControl\",\"type\":\"candidate\"}");
				assertThat(link.statusCode()).as("add a candidate group: " + link.body())
					.isIn(reassign.contains(user) ? List.of(204) : List.of(403, 404));
				if (reassign.contains(user)) {
					assertThat(send(user, "POST", "/engine-rest/task/" + own + "/identity-links/delete",
							"{\"groupId\":\"qualityControl\",\"type\":\"candidate\"}").statusCode()).isEqualTo(204);
				}

				HttpResponse<String> delegate = send(user, "POST", "/engine-rest/task/" + own + "/delegate",
						"{\"userId\":\"" + DemoAccounts.PRESIDENT + "\"}");
				assertThat(delegate.statusCode()).as("delegate: " + delegate.body())
					.isIn(reassign.contains(user) ? List.of(204) : List.of(403, 404));

				org.camunda.bpm.engine.task.Task shared = this.taskService.createTaskQuery().taskId(step).singleResult();
				assertThat(shared.getName()).isEqualTo(stepName);
				assertThat(shared.getAssignee()).isNull();
				assertThat(shared.getOwner()).isNull();
				assertThat(this.taskService.getIdentityLinksForTask(step))
					.extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
					.containsExactly("logisticsDepartment");
				assertThat(this.runtimeService.getVariable(this.instanceId, RectificationTaskProcess.VAR_RESPONSIBLE_LEADER))
					.isEqualTo(LEADER);
			}));
		}
		return tests.stream();
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Reports: every address of both reports, per role. The progress report (整改进展情况通报) and the rectification
	// report (整改情况报告) in the portal, their .pdf and .docx, the API's preview, latest report and rules, are for the
	// readers of the whole plan; the public address answers 404 to everyone before the committee approved
	// publication and 200 to everyone, signed in or not, after.
	// ---------------------------------------------------------------------------------------------------------------

	@Autowired
	ReportService reports;

	/** A second inspection whose public report the committee has approved and which is therefore published. */
	Long published;

	@BeforeAll
	void anInspectionWithItsPublicReportPublished() {
		this.published = this.driver.register(TestFeedback.small("权限矩阵测试：已公开")).getId();
		this.driver.filePlan(this.published);
		this.reports.publish(this.published, DemoAccounts.RECTIFICATION_CLERK);
	}

	@TestFactory
	Stream<DynamicTest> reportAddresses() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Long id : List.of(this.inspection, this.published)) {
			for (String report : List.of("/public-report", "/rectification-report")) {
				for (String format : List.of("", ".pdf", ".docx")) {
					expect(tests, "/inspections/" + id + report + format, LEDGER);
				}
			}
			expectApi(tests, "/api/inspections/" + id + "/public-report/preview", LEDGER);
			expectApi(tests, "/api/inspections/" + id + "/institutional-rules", LEDGER);
		}
		expectApi(tests, "/api/inspections/" + this.published + "/reports/public", LEDGER);
		for (String format : List.of("", ".pdf", ".docx")) {
			String before = "/public/inspections/" + this.inspection + "/progress-report" + format;
			String after = "/public/inspections/" + this.published + "/progress-report" + format;
			expect(tests, before, Set.of());
			expect(tests, after, Set.copyOf(EVERYONE));
			tests.add(DynamicTest.dynamicTest("GET " + before + " signed out → 404, " + after + " → 200", () -> {
				HttpClient anonymous = HttpClient.newHttpClient();
				HttpResponse<String> refused = anonymous.send(HttpRequest.newBuilder(uri(before)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(refused.statusCode()).isEqualTo(404);
				assertThat(refused.body()).doesNotContain(SECRET, "%PDF");
				assertThat(anonymous.send(HttpRequest.newBuilder(uri(after)).GET().build(),
						HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
			}));
		}
		for (String user : EVERYONE) {
			boolean links = LEDGER.contains(user);
			tests.add(DynamicTest.dynamicTest("the lists as " + user + (links ? " link" : " do not link")
					+ " the progress report", () -> {
				String list = page(user, "/inspections/" + this.inspection + "/tasks").body();
				assertThat(list.contains("/inspections/" + this.inspection + "/public-report")).isEqualTo(links);
			}));
		}
		return tests.stream();
	}

	// ---------------------------------------------------------------------------------------------------------------
	// The pages and API that issue 18 added, each tried by every person of both units, the inspection office, the
	// administrator and the leader of an inspection group (巡察组) of a round over a third unit: the office's views and
	// rounds (the inspecting body's only), onboarding (the administrator's), common-problem notices and re-checks (a
	// notice, an answer, a draw and a re-check of the second unit), repeat problems and handovers (each unit's own),
	// and refused writes that create nothing. The second unit's data never reaches the first unit's people.
	// ---------------------------------------------------------------------------------------------------------------

	@Autowired
	org.rectiflow.CrossUnits crossUnits;

	@Autowired
	org.rectiflow.round.Rounds rounds;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@Autowired
	org.rectiflow.commonproblem.CommonProblemService commonProblems;

	@Autowired
	org.rectiflow.recheck.ReCheckService reChecks;

	@Autowired
	org.rectiflow.plan.PlanService plans;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	/** The leader of the inspection group of a round over a unit of this class's own. */
	String groupLeader;

	Long roundId;

	Long notice;

	Long answer;

	Long drawId;

	Long reCheck;

	/** Everyone above and the inspection group's leader. */
	List<String> everyoneAndGroup;

	static final String NOTICE_TITLE = "矩阵举一反三通知：" + SecondUnit.SECRET;

	@BeforeAll
	void theInspectingBodysRecordsOfTheSecondUnit() {
		this.second.inspection();
		String third = this.crossUnits.unit("权限矩阵第三单位");
		this.groupLeader = "matrixGroupLeader" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		org.camunda.bpm.engine.identity.User leader = this.identityService.newUser(this.groupLeader);
		leader.setFirstName("矩阵组长");
		leader.setLastName("");
		leader.setPassword(DemoAccounts.PASSWORD);
		this.identityService.saveUser(leader);
		int number;
		do {
			number = java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 1000);
		}
		while (this.rounds.byNumber(number).isPresent());
		this.roundId = this.rounds.create(number, "权限矩阵测试轮次", java.time.LocalDate.now().minusMonths(1),
				java.time.LocalDate.now(), DemoAccounts.INSPECTOR).id();
		this.rounds.assign(this.roundId, third, "矩阵巡察组", this.groupLeader, List.of());
		this.everyoneAndGroup = Stream.concat(EVERYONE.stream(), Stream.of(this.groupLeader)).toList();

		this.notice = this.commonProblems.send(new org.rectiflow.commonproblem.CommonProblemService.Draft(NOTICE_TITLE, null,
				"某单位食堂食品安全台账缺失", null, List.of(SecondUnit.ID), java.time.LocalDate.now().plusDays(10).toString()),
				DemoAccounts.INSPECTOR).getId();
		this.answer = this.jdbc.queryForObject("select id from common_problem_answer where notice_id = ?", Long.class,
				this.notice);

		// Closed tasks of the second unit's own to draw from.
		Long closed = this.plans.register(SecondUnit.feedback("权限矩阵反向核查：" + SecondUnit.SECRET), SecondUnit.ID).getId();
		for (RectificationTask t : this.rectificationTasks.tasksOf(closed)) {
			this.rectificationTasks.recordOutcome(t.getId(), org.rectiflow.task.TaskStatus.COMPLETED);
		}
		this.drawId = this.reChecks.draw(new org.rectiflow.recheck.ReCheckService.Parameters(List.of(SecondUnit.ID), "1",
				"", "18"), DemoAccounts.INSPECTOR).getId();
		this.reCheck = this.jdbc.queryForObject("select id from re_check where draw_id = ?", Long.class, this.drawId);
	}

	@org.junit.jupiter.api.AfterAll
	void removeTheGroupLeader() {
		this.identityService.deleteUser(this.groupLeader);
		this.crossUnits.removePeople();
	}

	@TestFactory
	Stream<DynamicTest> issue18Pages() {
		String secret = SecondUnit.SECRET;
		Set<String> body = Set.of(DemoAccounts.INSPECTOR, this.groupLeader);
		List<DynamicTest> tests = new ArrayList<>();
		for (String office : List.of("/office/dashboard", "/office/queue", "/office/rounds", "/office/rounds/" + this.roundId)) {
			expectAll(tests, office, body, secret);
		}
		for (String onboarding : List.of("/units", "/units/new", "/units/template.xlsx")) {
			expectAll(tests, onboarding, Set.of(DemoAccounts.ADMIN), secret);
		}
		expectAll(tests, "/common-problems", Set.of(DemoAccounts.INSPECTOR, DemoAccounts.RECTIFICATION_CLERK,
				SecondUnit.CLERK), secret);
		expectAll(tests, "/common-problems/new", Set.of(DemoAccounts.INSPECTOR), secret);
		expectAll(tests, "/common-problems/" + this.notice, Set.of(DemoAccounts.INSPECTOR, SecondUnit.CLERK), secret);
		expectAll(tests, "/common-problems/answers/" + this.answer, Set.of(DemoAccounts.INSPECTOR, SecondUnit.CLERK),
				secret);
		expectAll(tests, "/rechecks", Set.of(DemoAccounts.INSPECTOR), secret);
		expectAll(tests, "/rechecks/draws/" + this.drawId, Set.of(DemoAccounts.INSPECTOR), secret);
		expectAll(tests, "/rechecks/" + this.reCheck, Set.of(DemoAccounts.INSPECTOR), secret);
		expectAll(tests, "/repeat-rates", union(LEDGER, U2_LEDGER), secret);
		expectAll(tests, "/handovers", Set.of(DemoAccounts.RECTIFICATION_CLERK, SecondUnit.CLERK, DemoAccounts.ADMIN),
				secret);
		String unit1 = this.inspections.findById(this.inspection).orElseThrow().getUnitId();
		for (String user : this.everyoneAndGroup) {
			boolean ofUnit2 = SecondUnit.PEOPLE.contains(user);
			tests.add(DynamicTest.dynamicTest("lists of issue 18 across units as " + user, () -> {
				// The common-problem notice to the second unit is listed to its office and the inspection office only.
				HttpResponse<String> notices = page(user, "/common-problems");
				if (notices.statusCode() == 200) {
					assertThat(notices.body().contains(NOTICE_TITLE))
						.isEqualTo(SecondUnit.CLERK.equals(user) || DemoAccounts.INSPECTOR.equals(user));
				}
				// The repeat rates list one's own unit's inspections, the handover page one's own unit, never the other's.
				if (!DemoAccounts.ADMIN.equals(user) && !DemoAccounts.INSPECTOR.equals(user)) {
					HttpResponse<String> rates = page(user, "/repeat-rates");
					if (rates.statusCode() == 200) {
						assertThat(rates.body()).contains(ofUnit2 ? SecondUnit.SECRET : "权限矩阵测试")
							.doesNotContain(ofUnit2 ? "权限矩阵测试" : SecondUnit.SECRET);
					}
					HttpResponse<String> handovers = page(user, "/handovers");
					if (handovers.statusCode() == 200) {
						assertThat(handovers.body()).contains("value=\"" + (ofUnit2 ? SecondUnit.ID : unit1) + "\"")
							.doesNotContain("value=\"" + (ofUnit2 ? unit1 : SecondUnit.ID) + "\"");
					}
				}
				// The group's office pages show its unit, not the units of the matrix.
				if (user.equals(this.groupLeader)) {
					assertThat(page(user, "/office/dashboard").body()).doesNotContain(SecondUnit.NAME,
							"/inspections/" + this.inspection + "\"");
				}
			}));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> issue18Api() {
		String secret = SecondUnit.SECRET;
		String unit1 = this.inspections.findById(this.inspection).orElseThrow().getUnitId();
		Long other = this.second.inspection().getId();
		RectificationTask otherTask = this.second.task("1.1.1");
		List<DynamicTest> tests = new ArrayList<>();
		expectAllApi(tests, "/api/units/" + unit1 + "/handovers", LEDGER, secret);
		expectAllApi(tests, "/api/units/" + SecondUnit.ID + "/handovers", U2_LEDGER, secret);
		expectAllApi(tests, "/api/tasks/" + this.task.getId() + "/handovers", LEDGER, SECRET);
		expectAllApi(tests, "/api/tasks/" + otherTask.getId() + "/handovers", U2_LEDGER, secret);
		expectAllApi(tests, "/api/inspections/" + this.inspection + "/repeat-problems", LEDGER, SECRET);
		expectAllApi(tests, "/api/inspections/" + other + "/repeat-problems", U2_LEDGER, secret);
		expectAllApi(tests, "/api/repeat-rates", union(LEDGER, U2_LEDGER), secret);
		for (String user : this.everyoneAndGroup) {
			boolean ofUnit2 = SecondUnit.PEOPLE.contains(user);
			tests.add(DynamicTest.dynamicTest("writes of issue 18 as " + user + " create nothing", () -> {
				// Onboarding is the administrator's: an empty unit is refused for what it lacks, for anyone else 403.
				HttpResponse<String> unit = send(user, "POST", "/api/units", "{}");
				assertThat(unit.statusCode()).as(unit.body()).isEqualTo(DemoAccounts.ADMIN.equals(user) ? 400 : 403);
				// A handover is recorded by the unit's own rectification office or an administrator: an empty one is
				// refused for what it lacks; anyone else's is refused as not theirs.
				for (String unitId : List.of(unit1, SecondUnit.ID)) {
					boolean own = DemoAccounts.ADMIN.equals(user) || (SecondUnit.ID.equals(unitId)
							? SecondUnit.CLERK.equals(user) : DemoAccounts.RECTIFICATION_CLERK.equals(user));
					HttpResponse<String> handover = send(user, "POST", "/api/units/" + unitId + "/handovers", "{}");
					assertThat(handover.statusCode()).as(unitId + ": " + handover.body()).isEqualTo(own ? 400 : 403);
				}
				HttpResponse<String> rates = basic(user, "/api/repeat-rates");
				if (rates.statusCode() == 200 && !DemoAccounts.ADMIN.equals(user) && !DemoAccounts.INSPECTOR.equals(user)) {
					assertThat(rates.body()).contains(ofUnit2 ? SecondUnit.ID : unit1)
						.doesNotContain("\"" + (ofUnit2 ? unit1 : SecondUnit.ID) + "\"");
				}
			}));
		}
		return tests.stream();
	}

	private void expectAll(List<DynamicTest> tests, String path, Set<String> allowed, String secret) {
		for (String user : this.everyoneAndGroup) {
			boolean may = allowed.contains(user);
			tests.add(DynamicTest.dynamicTest("GET " + path + " as " + user + (may ? " → 200" : " → 403/404"), () -> {
				HttpResponse<String> response = page(user, path);
				if (may) {
					assertThat(response.statusCode()).isEqualTo(200);
				}
				else {
					assertThat(response.statusCode()).isIn(403, 404);
					assertThat(response.body()).doesNotContain(secret, "%PDF");
				}
			}));
		}
	}

	private void expectAllApi(List<DynamicTest> tests, String path, Set<String> allowed, String secret) {
		for (String user : this.everyoneAndGroup) {
			boolean may = allowed.contains(user);
			tests.add(DynamicTest.dynamicTest("API " + path + " as " + user + (may ? " → 200" : " → 403/404"), () -> {
				HttpResponse<String> response = basic(user, path);
				if (may) {
					assertThat(response.statusCode()).isEqualTo(200);
				}
				else {
					assertThat(response.statusCode()).isIn(403, 404);
					assertThat(response.body()).doesNotContain(secret);
				}
			}));
		}
	}

	private String submission(Long taskId) {
		return this.driver.one(RectificationTaskProcess.PROCESS_KEY, taskId,
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE).getId();
	}

	private HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json");
		request = (json == null) ? request.method(method, HttpRequest.BodyPublishers.noBody())
				: request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json));
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	// ---------------------------------------------------------------------------------------------------------------

	private void expect(List<DynamicTest> tests, String path, Set<String> allowed) {
		expect(tests, path, allowed, SECRET);
	}

	/** {@code secret}: what a refused answer must not contain. */
	private void expect(List<DynamicTest> tests, String path, Set<String> allowed, String secret) {
		for (String user : EVERYONE) {
			boolean may = allowed.contains(user);
			tests.add(DynamicTest.dynamicTest("GET " + path + " as " + user + (may ? " → 200" : " → 403/404"), () -> {
				HttpResponse<String> response = page(user, path);
				if (may) {
					assertThat(response.statusCode()).isEqualTo(200);
				}
				else {
					assertThat(response.statusCode()).isIn(403, 404);
					assertThat(response.body()).doesNotContain(secret, "%PDF");
				}
			}));
		}
	}

	private void expectApi(List<DynamicTest> tests, String path, Set<String> allowed) {
		expectApi(tests, path, allowed, SECRET);
	}

	private void expectApi(List<DynamicTest> tests, String path, Set<String> allowed, String secret) {
		for (String user : EVERYONE) {
			boolean may = allowed.contains(user);
			tests.add(DynamicTest.dynamicTest("API " + path + " as " + user + (may ? " → 200" : " → 403/404"), () -> {
				HttpResponse<String> response = basic(user, path);
				if (may) {
					assertThat(response.statusCode()).isEqualTo(200);
				}
				else {
					assertThat(response.statusCode()).isIn(403, 404);
					assertThat(response.body()).doesNotContain(secret, "%PDF", "sha256");
				}
			}));
		}
	}

	private HttpResponse<String> page(String user, String path) throws Exception {
		return session(user).send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> basic(String user, String path) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

	/** A browser-like client signed in through the login form, one per person, kept for the whole class. */
	private HttpClient session(String user) throws Exception {
		HttpClient existing = this.sessions.get(user);
		if (existing == null) {
			existing = PortalLogin.signIn(this.port, user, DemoAccounts.PASSWORD);
			this.sessions.put(user, existing);
		}
		return existing;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

}

package org.rectiflow.handover;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectiflow.HttpUser;
import org.rectiflow.ProcessDriver;
import org.rectiflow.audit.AuditChain;
import org.rectiflow.audit.AuditEntry;
import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.ledger.TaskListQuery;
import org.rectiflow.ledger.export.LedgerWorkbooks;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.security.PortalSession;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.TaskKind;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Handover over HTTP, in a unit of the test's own: the rectification office records that a responsible leader's
 * work goes to a successor from today; the leader's open tasks move in the ledger and in the engine, where the
 * successor completes the leader's review that waited for the predecessor, and the predecessor can no longer; the
 * three lists and their exports show "自 X 月 X 日起由 … 负责" with the predecessor kept. A department head's
 * handover dated tomorrow waits, then takes effect when the day's run applies it. Bad input is refused in Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandoverTests {

	@LocalServerPort
	int port;

	@Autowired
	Units units;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ProcessDriver driver;

	@Autowired
	Handovers handovers;

	@Autowired
	LedgerWorkbooks workbooks;

	@Autowired
	Clock clock;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	OwnUnit unit;

	String office;

	String leaderA;

	String leaderB;

	String headA;

	String headB;

	Long inspectionId;

	/** The unit's own 后勤处 (a department belongs to one unit). */
	String logistics;

	RectificationTask reviewed;

	RectificationTask waiting;

	RectificationTask othersTask;

	@BeforeAll
	void aUnitWhosePlanRuns() {
		this.unit = new OwnUnit(this.units, this.identityService, "handoverTests");
		this.logistics = this.unit.department("后勤处");
		this.office = this.unit.person("Office", "交接整改办", Groups.RECTIFICATION_OFFICE);
		this.leaderA = this.unit.person("LeaderA", "张副校长", Groups.LEADERS);
		this.leaderB = this.unit.person("LeaderB", "李副校长", Groups.LEADERS);
		this.headA = this.unit.person("HeadA", "王处长");
		this.headB = this.unit.person("HeadB", "赵处长");
		Feedback feedback = new Feedback("省委教育工委巡察" + this.unit.name, "省委教育工委第四巡察组", this.unit.name,
				LocalDate.now().minusMonths(4), LocalDate.now().minusMonths(2), LocalDate.now().minusMonths(1), List.of(), 3,
				null, List.of(new Feedback.Category("全面从严治党整体部署与推进不实", List.of(
						new Feedback.ProblemItem("宿舍日常维修不及时", false, List.of(task("宿舍报修限时办结", this.leaderA),
								task("建立宿舍维修台账", this.leaderA))),
						new Feedback.ProblemItem("食堂管理不规范", false, List.of(task("食堂档口公开招标", this.leaderB)))))));
		ResponseEntity<JsonNode> registered = new HttpUser(this.office, DemoAccounts.PASSWORD).post(url("/api/inspections"),
				feedback);
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
		this.inspectionId = registered.getBody().get("inspectionId").asLong();
		fileThePlan();
		this.reviewed = this.driver.task(this.inspectionId, "1.1.1");
		this.waiting = this.driver.task(this.inspectionId, "1.1.2");
		this.othersTask = this.driver.task(this.inspectionId, "1.2.1");
		this.driver.uploadEvidence(this.reviewed);
		complete(RectificationTaskProcess.PROCESS_KEY, this.reviewed.getId(), RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已建立报修限时办结制度"));
		assertThat(this.driver.one(RectificationTaskProcess.PROCESS_KEY, this.reviewed.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW).getAssignee()).isEqualTo(this.leaderA);
	}

	private Feedback.TaskItem task(String title, String leader) {
		return new Feedback.TaskItem(title, TaskKind.CONCENTRATED, leader, this.logistics, List.of(), "王处长",
				LocalDate.now().plusMonths(3), List.of("制定整改方案"), false);
	}

	/** The plan's steps done by the application itself (nobody authenticated): this test is about what follows. */
	private void fileThePlan() {
		String key = RectificationProcess.PROCESS_KEY;
		complete(key, this.inspectionId, RectificationProcess.USER_TASK_DRAFT_PLAN,
				Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "逐项细化整改任务"));
		complete(key, this.inspectionId, RectificationProcess.USER_TASK_SOLICIT_OPINIONS,
				Map.of(RectificationProcess.VAR_OPINION, "同意"));
		complete(key, this.inspectionId, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		complete(key, this.inspectionId, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
				Map.of(RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
		this.driver.launch(this.inspectionId);
	}

	private void complete(String processKey, Object businessKey, String step, Map<String, Object> variables) {
		List<Task> open = this.driver.open(processKey, businessKey, step);
		assertThat(open).as("%s of %s", step, businessKey).isNotEmpty();
		open.forEach((t) -> this.taskService.complete(t.getId(), variables));
	}

	@AfterAll
	void removeThePeople() {
		this.unit.remove();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private ResponseEntity<JsonNode> record(String as, String kind, String department, String from, String to,
			LocalDate effectiveOn, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", kind);
		body.put("department", department);
		body.put("from", from);
		body.put("to", to);
		body.put("effectiveOn", (effectiveOn == null) ? null : effectiveOn.toString());
		body.put("reason", reason);
		return new HttpUser(as, DemoAccounts.PASSWORD).post(url("/api/units/" + this.unit.id + "/handovers"), body);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	@Test
	@Order(1)
	void shouldRefuseBadInputWithAClearChineseMessage() {
		assertRefused(record(this.office, "RESPONSIBLE_LEADER", null, this.leaderA, this.leaderA, today(), "调整"),
				"交出人和接手人不能是同一人");
		assertRefused(record(this.office, "RESPONSIBLE_LEADER", null, this.leaderA, "nobodyAtAll", today(), "调整"),
				"找不到人员“nobodyAtAll”");
		assertRefused(record(this.office, "RESPONSIBLE_LEADER", null, this.leaderA, this.leaderB, today().minusDays(1), "调整"),
				"已经过去，交接最早只能从今天（" + today() + "）起生效");
		assertRefused(record(this.office, "RESPONSIBLE_LEADER", null, this.leaderA, this.leaderB, today(), " "),
				"请填写交接原因");
		assertRefused(record(this.office, "RESPONSIBLE_LEADER", null, this.leaderA, this.leaderB, null, "调整"),
				"请填写生效日期");
		assertRefused(record(this.office, "RESPONSIBLE_LEADER", null, this.leaderA, DemoAccounts.VICE_PRESIDENT_FINANCE,
				today(), "调整"), "不是本单位人员");
		assertRefused(record(this.office, "DEPARTMENT_HEAD", null, this.headA, this.headB, today(), "调整"),
				"部门负责人交接须选择部门");
		assertRefused(record(this.office, "DEPARTMENT_HEAD", "financeDepartment", this.headA, this.headB, today(), "调整"),
				"部门“financeDepartment”不是本单位的部门");
		assertThat(this.handovers.ofUnit(this.unit.id)).isEmpty();
	}

	private static void assertRefused(ResponseEntity<JsonNode> response, String message) {
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("detail").asText()).contains(message);
	}

	@Test
	@Order(2)
	void shouldMoveTheLeadersOpenTasksToTheSuccessorInTheLedgerAndInTheEngine() throws Exception {
		HttpUser predecessor = new HttpUser(this.leaderA, DemoAccounts.PASSWORD);
		String query = url("/engine-rest/task?processInstanceBusinessKey=" + this.reviewed.getId() + "&taskDefinitionKey="
				+ RectificationTaskProcess.USER_TASK_LEADER_REVIEW);
		assertThat(predecessor.get(query).getBody()).as("the review is the predecessor's before the handover").hasSize(1);

		ResponseEntity<JsonNode> response = record(this.office, "RESPONSIBLE_LEADER", null, this.leaderA, this.leaderB,
				today(), "工作分工调整");
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody().get("appliedAt").isNull()).isFalse();
		assertThat(response.getBody().get("taskCount").asInt()).isEqualTo(2);

		// the ledger
		assertThat(this.driver.task(this.inspectionId, "1.1.1").getResponsibleLeader()).isEqualTo(this.leaderB);
		assertThat(this.driver.task(this.inspectionId, "1.1.2").getResponsibleLeader()).isEqualTo(this.leaderB);
		assertThat(this.driver.task(this.inspectionId, "1.2.1").getResponsibleLeader()).isEqualTo(this.leaderB);
		// the engine: the open review, and the variables of both instances
		Task review = this.driver.one(RectificationTaskProcess.PROCESS_KEY, this.reviewed.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW);
		assertThat(review.getAssignee()).isEqualTo(this.leaderB);
		for (RectificationTask task : List.of(this.reviewed, this.waiting)) {
			String instance = this.driver.instance(RectificationTaskProcess.PROCESS_KEY, task.getId()).getId();
			assertThat(this.runtimeService.getVariable(instance, RectificationTaskProcess.VAR_RESPONSIBLE_LEADER))
				.isEqualTo(this.leaderB);
			assertThat(this.runtimeService.getVariable(instance, RectificationTaskProcess.VAR_RESPONSIBLE_LEADER_NAME))
				.isEqualTo("李副校长");
		}

		// the predecessor no longer sees or completes the review through the engine's REST API
		assertThat(predecessor.get(query).getBody()).isEmpty();
		ResponseEntity<JsonNode> refused = predecessor.post(url("/engine-rest/task/" + review.getId() + "/complete"),
				Map.of("variables", Map.of(RectificationTaskProcess.VAR_LEADER_DECISION,
						Map.of("value", RectificationTaskProcess.ACCEPT))));
		assertThat(refused.getStatusCode().is2xxSuccessful()).as("%s", refused.getBody()).isFalse();
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, this.reviewed.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW)).hasSize(1);

		// the successor does
		HttpUser successor = new HttpUser(this.leaderB, DemoAccounts.PASSWORD);
		assertThat(successor.get(query).getBody()).hasSize(1);
		ResponseEntity<JsonNode> done = successor.post(url("/engine-rest/task/" + review.getId() + "/complete"),
				Map.of("variables", Map.of(RectificationTaskProcess.VAR_LEADER_DECISION,
						Map.of("value", RectificationTaskProcess.ACCEPT))));
		assertThat(done.getStatusCode().is2xxSuccessful()).as("%s", done.getBody()).isTrue();
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, this.reviewed.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION)).hasSize(1);

		// the task's history keeps the predecessor
		JsonNode history = new HttpUser(this.office, DemoAccounts.PASSWORD)
			.get(url("/api/tasks/" + this.reviewed.getId() + "/handovers"))
			.getBody();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("from").asText()).isEqualTo(this.leaderA);
		assertThat(history.get(0).get("toName").asText()).isEqualTo("李副校长");
		assertThat(history.get(0).get("effectiveOn").asText()).isEqualTo(today().toString());
	}

	@Test
	@Order(3)
	void shouldShowTheHandoverOnTheThreeListsAndTheirExports() throws Exception {
		String note = "自 " + today().getMonthValue() + " 月 " + today().getDayOfMonth() + " 日起由 李副校长 负责（原 张副校长）";
		PortalSession session = new PortalSession(this.port);
		session.login(this.office, DemoAccounts.PASSWORD);
		for (String list : List.of("", "/tasks", "/responsibilities?by=leader")) {
			HttpResponse<String> page = session.get("/inspections/" + this.inspectionId + list);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).as(list).contains(note);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.workbooks.tasks(this.inspectionId, TaskListQuery.all(), LedgerScope.ALL, Locale.SIMPLIFIED_CHINESE, out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = workbook.getSheet("工作交接");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1.1.1");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("张副校长");
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo(note);
		}
	}

	@Test
	@Order(4)
	void shouldApplyAFutureHandoverOfADepartmentHeadOnItsDate() {
		LocalDate tomorrow = today().plusDays(1);
		ResponseEntity<JsonNode> response = record(this.office, "DEPARTMENT_HEAD", this.logistics, this.headA,
				this.headB, tomorrow, "岗位调动");
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody().get("appliedAt").isNull()).isTrue();
		assertThat(this.driver.task(this.inspectionId, "1.1.2").getResponsiblePerson()).isEqualTo("王处长");
		assertThat(this.handovers.applyDue(today())).isZero();

		assertThat(this.handovers.applyDue(tomorrow)).isEqualTo(1);
		assertThat(this.handovers.applyDue(tomorrow)).as("applied once").isZero();
		assertThat(this.handovers.headOf(this.logistics)).contains(this.headB);
		assertThat(this.driver.task(this.inspectionId, "1.1.2").getResponsiblePerson()).isEqualTo("赵处长");
		assertThat(this.handovers.historyOf(this.waiting.getId())).extracting(Handovers.TaskHandover::role)
			.containsExactly("RESPONSIBLE_LEADER", "RESPONSIBLE_PERSON");
		// now the head is 赵处长: 王处长 cannot hand the department over again
		assertRefused(record(this.office, "DEPARTMENT_HEAD", this.logistics, this.headA, this.leaderB, tomorrow,
				"调整"), "王处长 不是 后勤处 的现任负责人（现任：赵处长）");
	}

	@Test
	@Order(5)
	void shouldAuditEveryHandoverInTheUnitsTrail() {
		List<Handovers.Handover> recorded = this.handovers.ofUnit(this.unit.id);
		Handovers.Handover leader = recorded.stream().filter((h) -> h.kind() == HandoverKind.RESPONSIBLE_LEADER)
			.findFirst()
			.orElseThrow();
		Handovers.Handover head = recorded.stream().filter((h) -> h.kind() == HandoverKind.DEPARTMENT_HEAD)
			.findFirst()
			.orElseThrow();

		// who recorded it, from whom to whom, from which date, why; then what moved, by whoever applied it
		List<AuditEntry> leaderEntries = entries(leader.id());
		assertThat(leaderEntries).extracting(AuditEntry::kind, AuditEntry::actor)
			.containsExactly(tuple("HANDOVER", this.office),
					tuple("HANDOVER_APPLIED", this.office));
		assertThat(leaderEntries.get(0).detail()).contains("RESPONSIBLE_LEADER")
			.contains("from " + this.leaderA + " (张副校长) to " + this.leaderB + " (李副校长)")
			.contains("effective " + today())
			.contains("工作分工调整");
		assertThat(leaderEntries.get(1).detail()).contains("2 tasks moved")
			.contains("1.1.1 #" + this.reviewed.getId())
			.contains("1.1.2 #" + this.waiting.getId())
			.doesNotContain("1.2.1");

		List<AuditEntry> headEntries = entries(head.id());
		assertThat(headEntries).extracting(AuditEntry::kind, AuditEntry::actor)
			.containsExactly(tuple("HANDOVER", this.office),
					tuple("HANDOVER_APPLIED", "system"));
		assertThat(headEntries.get(0).detail()).contains("DEPARTMENT_HEAD")
			.contains("department " + this.logistics)
			.contains("effective " + today().plusDays(1))
			.contains("岗位调动");
		assertThat(headEntries.get(1).detail()).contains("headship of department " + this.logistics)
			.contains("1.1.2 #" + this.waiting.getId());

		// in the unit's audit trail, and in no other unit's
		assertThat(this.jdbc.queryForList("select distinct unit_id from audit_entry where subject in (?, ?)", String.class,
				"handover:" + leader.id(), "handover:" + head.id()))
			.containsExactly(this.unit.id);
		assertThat(this.auditLog.find(new AuditLog.Filter(null, AuditKind.HANDOVER, null, null), List.of(this.unit.id), 0, 10)
			.entries()).extracting(AuditEntry::subject)
			.contains("handover:" + leader.id(), "handover:" + head.id());
		assertThat(this.auditLog.find(new AuditLog.Filter(null, AuditKind.HANDOVER, null, null), List.of("unit1"), 0, 1000)
			.entries()).extracting(AuditEntry::subject)
			.doesNotContain("handover:" + leader.id(), "handover:" + head.id());
	}

	private List<AuditEntry> entries(Long handoverId) {
		return this.jdbc.query("select id, occurred_at, actor, client_address, kind, subject, detail, prev_hash, hash"
				+ " from audit_entry where subject = ? order by id", (rs, n) -> AuditChain.read(rs),
				"handover:" + handoverId);
	}

}

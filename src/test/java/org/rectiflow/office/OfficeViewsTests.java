package org.rectiflow.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.Viewer;
import org.rectiflow.office.OfficeViews.DashboardRow;
import org.rectiflow.office.OfficeViews.PlanState;
import org.rectiflow.office.OfficeViews.QueueRow;
import org.rectiflow.plan.PlanService;
import org.rectiflow.round.InspectingBody;
import org.rectiflow.round.InspectingBodyFixture;
import org.rectiflow.round.Oversight;
import org.rectiflow.round.Rounds;
import org.rectiflow.security.PortalSession;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inspection office's views across units (issue 18), checked against data made in two units of the test's own:
 * unit A's plan filed, one task settled, one overdue and twice returned, one due soon, a criticism notice, and a
 * second plan of A waiting for the office's filing decision; unit B's feedback still with its group. The dashboard's
 * figures, its sorting, the queue, who sees which unit, and that the office reads a unit's ledger without changing it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeViewsTests {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Units units;

	@Autowired
	Rounds rounds;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessDriver driver;

	@Autowired
	PlanService plans;

	@Autowired
	OfficeViews views;

	@Autowired
	InspectingBody inspectingBody;

	@Autowired
	JdbcClient jdbc;

	InspectingBodyFixture body;

	Long inRectification;

	Long withGroup;

	Long atFiling;

	RectificationTask overdue;

	LocalDate today;

	@BeforeAll
	void dataInTwoUnits() {
		this.body = new InspectingBodyFixture("officeTests", this.units, this.rounds, this.identityService);
		this.today = LocalDate.now(java.time.Clock.system(WorkingDays.ZONE));
		this.inRectification = this.plans.registerForRound(
				InspectingBodyFixture.feedback("巡察办视图测试：整改中", this.body.unitA), this.body.roundUnitA).getId();
		this.plans.handOver(this.inRectification, this.body.leaderA);
		this.driver.filePlan(this.inRectification);
		this.driver.settle(this.driver.task(this.inRectification, "1.1.1"), "COMPLETED");
		this.overdue = this.driver.task(this.inRectification, "1.1.2");
		this.jdbc.sql("update rectification_task set deadline = ?, return_count = 2 where id = ?")
			.params(this.today.minusDays(5), this.overdue.getId())
			.update();
		this.jdbc.sql("update rectification_task set deadline = ? where id = ?")
			.params(this.today.plusDays(1), this.driver.task(this.inRectification, "1.2.1").getId())
			.update();
		this.jdbc.sql("""
				insert into criticism_notice (inspection_id, target_department, reason, issued_by, issued_at, published, task_id)
				values (?, 'logisticsDepartment', '整改进度缓慢', 'disciplineSecretary', ?, false, ?)
				""").params(this.inRectification, Timestamp.from(Instant.now()), this.overdue.getId()).update();

		this.withGroup = this.plans.registerForRound(
				InspectingBodyFixture.feedback("巡察办视图测试：在巡察组", this.body.unitB), this.body.roundUnitB).getId();

		this.atFiling = this.driver.register(InspectingBodyFixture.feedback("巡察办视图测试：待备案", this.body.unitA)).getId();
		this.driver.approvePlan(this.atFiling);
	}

	@AfterAll
	void release() {
		this.body.release();
	}

	@Test
	void theDashboardCountsEachUnitFromItsTasks() {
		List<DashboardRow> rows = this.views.dashboard(office(), this.body.round.id(), OfficeViews.Sort.UNIT, false);
		assertThat(rows).extracting(DashboardRow::inspectionId).containsExactlyInAnyOrder(this.inRectification, this.withGroup);
		DashboardRow a = row(rows, this.inRectification);
		assertThat(a.unitId()).isEqualTo(this.body.unitA.getId());
		assertThat(a.unitName()).isEqualTo(this.body.unitA.getName());
		assertThat(a.state()).isEqualTo(PlanState.RECTIFYING);
		assertThat(List.of(a.total(), a.settled(), a.overdue(), a.dueSoon(), a.returns(), a.criticismNotices()))
			.containsExactly(3, 1, 1, 1, 2, 1);
		assertThat(a.filedOn()).isEqualTo(this.today);
		assertThat(a.daysSinceFiling()).isZero();
		DashboardRow b = row(rows, this.withGroup);
		assertThat(b.state()).isEqualTo(PlanState.WITH_GROUP);
		assertThat(List.of(b.total(), b.settled(), b.overdue(), b.dueSoon(), b.returns(), b.criticismNotices()))
			.containsExactly(3, 0, 0, 0, 0, 0);
		assertThat(b.filedOn()).isNull();
		assertThat(b.daysSinceFiling()).isNull();

		// Without the round: every inspection of the units, the plan waiting at filing among them.
		assertThat(this.views.dashboard(office(), null, OfficeViews.Sort.UNIT, false))
			.filteredOn((r) -> r.inspectionId().equals(this.atFiling))
			.singleElement()
			.satisfies((r) -> assertThat(r.state()).isEqualTo(PlanState.FILING));
	}

	@Test
	void theDashboardSortsByEachColumn() {
		Long round = this.body.round.id();
		assertThat(this.views.dashboard(office(), round, OfficeViews.Sort.OVERDUE, true))
			.extracting(DashboardRow::inspectionId).containsExactly(this.inRectification, this.withGroup);
		assertThat(this.views.dashboard(office(), round, OfficeViews.Sort.OVERDUE, false))
			.extracting(DashboardRow::inspectionId).containsExactly(this.withGroup, this.inRectification);
		assertThat(this.views.dashboard(office(), round, OfficeViews.Sort.DAYS, true))
			.extracting(DashboardRow::inspectionId).containsExactly(this.inRectification, this.withGroup);
		List<String> names = this.views.dashboard(office(), round, OfficeViews.Sort.UNIT, false)
			.stream().map(DashboardRow::unitName).toList();
		assertThat(names).isSorted();
		for (OfficeViews.Sort sort : OfficeViews.Sort.values()) {
			assertThat(this.views.dashboard(office(), round, sort, false)).as(sort.param()).hasSize(2);
			assertThat(OfficeViews.Sort.of(sort.param())).isEqualTo(sort);
		}
		assertThat(OfficeViews.Sort.of("drop table")).isEqualTo(OfficeViews.Sort.UNIT);
	}

	@Test
	void theQueueListsWhatWaitsForTheOfficeAndEachGroupSeesOnlyItsUnits() {
		List<QueueRow> queue = this.views.queue(office());
		assertThat(queue).filteredOn((r) -> r.inspectionId().equals(this.atFiling))
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.kind()).isEqualTo("FILING");
				assertThat(r.unitName()).isEqualTo(this.body.unitA.getName());
				assertThat(r.taskId()).isNotBlank();
			});
		assertThat(queue).extracting(QueueRow::inspectionId).doesNotContain(this.inRectification, this.withGroup);

		Oversight groupB = this.inspectingBody.of(new Viewer(this.body.leaderB, Set.of(this.body.roundUnitB.groupId()),
				Set.copyOf(this.units.tenantIds(this.body.leaderB))));
		assertThat(groupB.office()).isFalse();
		assertThat(groupB.unitIds()).containsExactly(this.body.unitB.getId());
		assertThat(this.views.queue(groupB)).isEmpty();
		assertThat(this.views.dashboard(groupB, null, OfficeViews.Sort.UNIT, false)).extracting(DashboardRow::unitId)
			.containsOnly(this.body.unitB.getId());
		assertThat(this.inspectingBody.of(new Viewer(DemoAccounts.RECTIFICATION_CLERK,
				Set.of(Groups.RECTIFICATION_OFFICE), Set.copyOf(this.units.tenantIds(DemoAccounts.RECTIFICATION_CLERK)))).any()).isFalse();
	}

	@Test
	void theOfficeSortsItsPagesAndReadsAUnitsLedgerWithoutChangingIt() throws Exception {
		PortalSession office = session(DemoAccounts.INSPECTOR);
		HttpResponse<String> dashboard = office.get("/office/dashboard?round=" + this.body.round.id() + "&sort=overdue&dir=desc");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		String page = dashboard.body();
		assertThat(page.indexOf(this.body.unitA.getName())).isPositive().isLessThan(page.indexOf(this.body.unitB.getName()));
		assertThat(page).contains("/inspections/" + this.inRectification + "\"", "反馈意见在巡察组（待移交）", "整改中");
		HttpResponse<String> queue = office.get("/office/queue");
		assertThat(queue.body()).contains("巡察办视图测试：待备案", "整改方案备案", "href=\"/steps/");

		HttpResponse<String> ledger = office.get("/inspections/" + this.inRectification);
		assertThat(ledger.statusCode()).isEqualTo(200);
		// The only form that posts is the sign-out's.
		assertThat(ledger.body().replaceAll("<form action=\"/logout\"[^>]*>", "")).doesNotContain("plan-replace",
				"method=\"post\"");
		TestRestTemplate inspector = this.http.withBasicAuth(DemoAccounts.INSPECTOR, DemoAccounts.PASSWORD);
		assertThat(inspector.exchange("/api/tasks/" + this.overdue.getId(), org.springframework.http.HttpMethod.PUT,
				new org.springframework.http.HttpEntity<>(TestFeedback.task("改", "logisticsDepartment",
						DemoAccounts.VICE_PRESIDENT_LOGISTICS)), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(inspector.postForEntity("/api/problems/" + this.overdue.getProblemId() + "/tasks",
				TestFeedback.task("加", "logisticsDepartment", DemoAccounts.VICE_PRESIDENT_LOGISTICS), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		String csrf = office.csrfToken("/office/dashboard");
		String boundary = "officeViewsTests";
		String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\nx\r\n--" + boundary + "--\r\n";
		assertThat(office.sendBytes("POST", "/inspections/" + this.atFiling + "/plan?_csrf=" + csrf,
				"multipart/form-data; boundary=" + boundary, upload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.statusCode()).as("replacing a plan").isEqualTo(403);
		// The same request passes the door for the unit's rectification office (and is refused for its content).
		PortalSession clerk = session(DemoAccounts.RECTIFICATION_CLERK);
		assertThat(clerk.sendBytes("POST", "/inspections/" + this.atFiling + "/plan?_csrf=" + clerk.csrfToken("/"),
				"multipart/form-data; boundary=" + boundary, upload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.statusCode()).isIn(400, 409);

		// Another unit's group finds no row of the unit (the ledger pages' cut by unit is the isolation's work).
		PortalSession groupB = session(this.body.leaderB);
		assertThat(groupB.get("/office/dashboard").body()).doesNotContain(this.body.unitA.getName())
			.contains(this.body.unitB.getName());
	}

	@Test
	void anInspectionGroupReadsTheLedgerOfItsUnitOnly() throws Exception {
		String ledger = "/inspections/" + this.inRectification;
		for (String person : List.of(this.body.leaderA, this.body.memberA)) {
			PortalSession group = session(person);
			HttpResponse<String> problems = group.get(ledger);
			assertThat(problems.statusCode()).as("%s: problem list", person).isEqualTo(200);
			assertThat(problems.body()).as("%s: every problem", person).contains("宿舍日常维修不及时", "财务管理漏洞");
			// Read-only: the only form that posts is the sign-out's.
			assertThat(problems.body().replaceAll("<form action=\"/logout\"[^>]*>", "")).doesNotContain("method=\"post\"");
			HttpResponse<String> tasks = group.get(ledger + "/tasks");
			assertThat(tasks.statusCode()).isEqualTo(200);
			assertThat(tasks.body()).as("%s: every task", person)
				.contains("学生食堂特色档口无准入规则", "未出台财务报账管理办法");
			HttpResponse<String> responsibilities = group.get(ledger + "/responsibilities");
			assertThat(responsibilities.statusCode()).isEqualTo(200);
			assertThat(responsibilities.body()).contains("后勤处", "财务处");
			assertThat(group.get(ledger + "/tasks.xlsx").statusCode()).as("%s: the list's export", person).isEqualTo(200);
		}

		// The group of unit B: unit A's ledger does not exist for it, its own unit's does.
		PortalSession groupB = session(this.body.leaderB);
		for (String list : List.of("", "/tasks", "/responsibilities", "/tasks.xlsx")) {
			assertThat(groupB.get(ledger + list).statusCode()).as("another unit's %s", list).isEqualTo(404);
		}
		assertThat(groupB.get("/inspections/" + this.withGroup + "/tasks").body()).contains("未出台财务报账管理办法");

		// A department of unit A keeps its own view: its tasks, not the whole ledger.
		PortalSession staff = session(this.body.unitA.getId() + "Staff");
		assertThat(staff.get(ledger + "/tasks").body()).contains("学生食堂特色档口无准入规则")
			.doesNotContain("未出台财务报账管理办法");
	}

	private Oversight office() {
		return this.inspectingBody.of(new Viewer(DemoAccounts.INSPECTOR, Set.of(Groups.INSPECTION_OFFICE),
				Set.copyOf(this.units.tenantIds(DemoAccounts.INSPECTOR))));
	}

	private static DashboardRow row(List<DashboardRow> rows, Long id) {
		return rows.stream().filter((r) -> r.inspectionId().equals(id)).findFirst().orElseThrow();
	}

	private PortalSession session(String user) throws Exception {
		PortalSession session = new PortalSession(this.port);
		assertThat(session.login(user, DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

}

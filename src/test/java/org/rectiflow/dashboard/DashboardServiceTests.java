package org.rectiflow.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.dashboard.Dashboard.Day;
import org.rectiflow.dashboard.Dashboard.DepartmentRow;
import org.rectiflow.dashboard.Dashboard.ProblemRow;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.ledger.Ledger;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.ledger.OutcomeCounts;
import org.rectiflow.plan.Feedback;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.task.TaskKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's GROUP BY queries on the real schema (H2), against counts worked out by hand for a small inspection
 * that has a task in every state the dashboard tells apart, and against the ledger, which counts the same tasks one
 * by one in Java.
 */
@SpringBootTest
@ActiveProfiles("test")
class DashboardServiceTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessDriver driver;

	@Autowired
	DashboardService dashboards;

	@Autowired
	LedgerService ledgers;

	@Autowired
	RectificationTaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	LocalDate today;

	Long id;

	/**
	 * <pre>
	 * 1.1  1.1.1 logistics  far deadline        → COMPLETED
	 *      1.1.2 logistics  far deadline        → BASICALLY_COMPLETED
	 *      1.1.3 finance    deadline 5 days ago → open: overdue by date (the timer has not run)
	 * 1.2  1.2.1 finance    far deadline        → open, deadline timer fired: overdue by flag
	 *      1.2.2 academic   deadline tomorrow   → open: due soon
	 *      1.2.3 logistics  far deadline        → LONG_TERM (settled, still open)
	 * 1.3  1.3.1 finance    deadline 5 days ago → COMPLETED: settled, so not overdue
	 * </pre>
	 */
	@BeforeEach
	void inspectionWithEveryState() {
		this.today = LocalDate.now(this.clock);
		LocalDate far = this.today.plusMonths(3);
		LocalDate past = this.today.minusDays(5);
		Feedback feedback = new Feedback("挂图作战测试", "省委教育工委第四巡察组", "挂图作战测试学院党委", this.today.minusMonths(4),
				this.today.minusMonths(2), this.today.minusMonths(1), List.of("测试〔2026〕9号"), 3, "0731-00000000",
				List.of(new Feedback.Category("全面从严治党整体部署与推进不实", List.of(
						new Feedback.ProblemItem("宿舍与财务管理问题", false, List.of(
								task("宿舍日常维修不及时", "logisticsDepartment", DemoAccounts.VICE_PRESIDENT_LOGISTICS, far),
								task("食堂档口无准入规则", "logisticsDepartment", DemoAccounts.VICE_PRESIDENT_LOGISTICS, far),
								task("报账审核不严", "financeDepartment", DemoAccounts.VICE_PRESIDENT_FINANCE, past))),
						new Feedback.ProblemItem("制度建设滞后", false, List.of(
								task("未出台财务报账管理办法", "financeDepartment", DemoAccounts.VICE_PRESIDENT_FINANCE, far),
								task("教学事故认定办法未修订", "academicAffairs", DemoAccounts.VICE_PRESIDENT_ACADEMIC,
										this.today.plusDays(1)),
								task("校园基础设施老化", "logisticsDepartment", DemoAccounts.VICE_PRESIDENT_LOGISTICS, far))),
						new Feedback.ProblemItem("专项资金使用不规范", false, List.of(
								task("专项资金未专款专用", "financeDepartment", DemoAccounts.VICE_PRESIDENT_FINANCE, past)))))));
		this.id = this.driver.register(feedback).getId();
		this.driver.filePlan(this.id);
		this.driver.settle(this.driver.task(this.id, "1.1.1"), "COMPLETED");
		this.driver.settle(this.driver.task(this.id, "1.1.2"), "BASICALLY_COMPLETED");
		this.driver.fireTimer(RectificationTaskProcess.PROCESS_KEY, this.driver.task(this.id, "1.2.1").getId(),
				RectificationTaskProcess.BOUNDARY_DEADLINE_PASSED);
		this.driver.settle(this.driver.task(this.id, "1.2.3"), "LONG_TERM");
		this.driver.settle(this.driver.task(this.id, "1.3.1"), "COMPLETED");
	}

	static Feedback.TaskItem task(String title, String department, String leader, LocalDate deadline) {
		return new Feedback.TaskItem(title, TaskKind.CONCENTRATED, leader, department, List.of(), "张三", deadline,
				List.of("制定整改方案", "落实整改措施并报送材料"), false);
	}

	@Test
	void countsEachProblemsTasksByOutcomeWithTheOverdueOnesApart() {
		Dashboard dashboard = this.dashboards.dashboard(this.id);

		assertThat(dashboard.byProblem()).extracting(ProblemRow::code).containsExactly("1.1", "1.2", "1.3");
		assertThat(dashboard.byProblem()).extracting(ProblemRow::counts)
			.containsExactly(new OutcomeCounts(3, 1, 1, 1, 0), new OutcomeCounts(3, 0, 0, 2, 1),
					new OutcomeCounts(1, 1, 0, 0, 0));
		assertThat(dashboard.byProblem()).extracting(ProblemRow::overdue).containsExactly(1, 1, 0);
		assertThat(dashboard.byProblem().get(0).title()).isEqualTo("宿舍与财务管理问题");
		assertThat(dashboard.byProblem().get(0).id()).isEqualTo(this.driver.task(this.id, "1.1.1").getProblemId());
	}

	@Test
	void countsEachLeadDepartmentsTasksWithItsName() {
		Map<String, DepartmentRow> byDepartment = this.dashboards.dashboard(this.id)
			.byDepartment()
			.stream()
			.collect(Collectors.toMap(DepartmentRow::department, Function.identity()));

		assertThat(byDepartment).containsOnlyKeys("logisticsDepartment", "financeDepartment", "academicAffairs");
		assertThat(byDepartment.get("logisticsDepartment"))
			.isEqualTo(new DepartmentRow("logisticsDepartment", "后勤处", new OutcomeCounts(3, 1, 1, 0, 1), 0));
		assertThat(byDepartment.get("financeDepartment"))
			.isEqualTo(new DepartmentRow("financeDepartment", "财务处", new OutcomeCounts(3, 1, 0, 2, 0), 2));
		assertThat(byDepartment.get("academicAffairs"))
			.isEqualTo(new DepartmentRow("academicAffairs", "教务处", new OutcomeCounts(1, 0, 0, 1, 0), 0));
		assertThat(this.dashboards.dashboard(this.id).byDepartment().get(2).department()).isEqualTo("academicAffairs");
		assertThat(this.dashboards.dashboard(this.id).overdueByDepartment()).extracting(DepartmentRow::department)
			.containsExactly("financeDepartment");
	}

	@Test
	void headlineCountsProblemsByRolledUpOutcomeAndOpenTasksAgainstTheirDeadlines() {
		Dashboard.Headline headline = this.dashboards.dashboard(this.id).headline();

		assertThat(headline.problems()).isEqualTo(new OutcomeCounts(3, 1, 0, 2, 0));
		assertThat(headline.tasks()).isEqualTo(new OutcomeCounts(7, 2, 1, 3, 1));
		assertThat(headline.overdue()).isEqualTo(2);
		assertThat(headline.dueSoon()).isEqualTo(1);
	}

	@Test
	void agreesWithTheLedger() {
		Dashboard dashboard = this.dashboards.dashboard(this.id);
		Ledger ledger = this.ledgers.ledger(this.id);

		assertThat(dashboard.headline().problems()).isEqualTo(ledger.problemCounts());
		assertThat(dashboard.headline().tasks()).isEqualTo(ledger.taskCounts());
		assertThat(dashboard.headline().overdue()).isEqualTo((int) ledger.tasks()
			.stream()
			.filter((t) -> !t.settled() && (t.overdue() || t.deadline().isBefore(this.today)))
			.count());
		for (LedgerService.Responsibility r : this.ledgers.responsibilities(this.id)) {
			DepartmentRow row = dashboard.byDepartment()
				.stream()
				.filter((d) -> d.department().equals(r.department()))
				.findFirst()
				.orElseThrow();
			assertThat(row.counts()).as(r.department()).isEqualTo(r.counts());
		}
		assertThat(dashboard.completion().total()).isEqualTo(ledger.taskCounts().total());
		assertThat(dashboard.completion().closedOff())
			.isEqualTo((int) ledger.tasks().stream().filter(Ledger.TaskEntry::closedOff).count());
	}

	@Test
	void closeOffsAccumulateByTheDayInChina() {
		List<RectificationTask> closed = this.driver.tasksOf(this.id).stream().filter(RectificationTask::isClosedOff).toList();
		assertThat(closed).extracting(RectificationTask::getCode).containsExactlyInAnyOrder("1.1.1", "1.1.2", "1.3.1");
		LocalDate closedToday = closed.get(0).getClosedOffAt().atZone(CHINA).toLocalDate();

		assertThat(this.dashboards.dashboard(this.id).completion().days()).containsExactly(new Day(closedToday, 3, 3));

		// 17:30 UTC is 01:30 the next morning in China; 15:00 UTC is 23:00 the same evening.
		closeOffAt("1.1.1", "2026-03-01 17:30:00");
		closeOffAt("1.1.2", "2026-03-01 15:00:00");
		assertThat(this.tasks.get(this.driver.task(this.id, "1.1.1").getId()).getClosedOffAt())
			.as("closed_off_at holds UTC").isEqualTo(Instant.parse("2026-03-01T17:30:00Z"));

		assertThat(this.dashboards.dashboard(this.id).completion().days()).containsExactly(
				new Day(LocalDate.of(2026, 3, 1), 1, 1), new Day(LocalDate.of(2026, 3, 2), 1, 2), new Day(closedToday, 1, 3));
	}

	@Test
	void unknownInspectionIsNotFound() {
		assertThatThrownBy(() -> this.dashboards.dashboard(Long.MAX_VALUE)).isInstanceOf(RectiflowException.NotFound.class);
	}

	private void closeOffAt(String code, String utc) {
		this.jdbc.sql("update rectification_task set closed_off_at = cast(:at as timestamp) where inspection_id = :id and code = :code")
			.param("at", utc)
			.param("id", this.id)
			.param("code", code)
			.update();
	}

}

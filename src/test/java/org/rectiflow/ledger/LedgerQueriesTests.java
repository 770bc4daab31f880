package org.rectiflow.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.ledger.LedgerQueries.ProblemList;
import org.rectiflow.ledger.LedgerQueries.ProblemRow;
import org.rectiflow.ledger.LedgerQueries.ResponsibilityRow;
import org.rectiflow.ledger.LedgerQueries.ResponsibilityView;
import org.rectiflow.ledger.LedgerQueries.TaskPage;
import org.rectiflow.ledger.LedgerQueries.TaskRow;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The three lists on the real database against {@link LedgerFixture}, whose answers are worked out by hand: every
 * filter, the search, every sort order both ways, paging, the overdue and traffic-light definitions and the
 * responsibility counts. Runs on H2 here and on PostgreSQL in {@link LedgerQueriesPostgresTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerQueriesTests {

	static final List<String> BY_CODE = List.of("1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "2.1.1", "2.1.2", "2.1.3",
			"2.2.1", "2.2.2", "2.3.1");

	@Autowired
	LedgerQueries queries;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskRepository tasks;

	@Autowired
	EvidenceService evidence;

	@Autowired
	LedgerService ledgers;

	Long id;

	@BeforeAll
	void registerTheInspection() {
		this.id = LedgerFixture.register(this.driver, this.tasks, this.evidence);
	}

	@Test
	void shouldShowADepartmentOnlyTheTasksItLeadsInEveryList() {
		LedgerScope finance = new LedgerScope(false, "financeDepartmentStaff", Set.of("financeDepartment"));
		TaskListQuery all = TaskListQuery.parse(Map.of("size", "100"), this.queries.taskOptions(this.id, finance)).query();

		TaskPage page = this.queries.tasks(this.id, all, finance);
		assertThat(page.rows()).isNotEmpty().allMatch((r) -> "financeDepartment".equals(r.leadDepartment()));
		assertThat(page.total()).isEqualTo(page.rows().size());
		ProblemList problems = this.queries.problems(this.id, finance);
		assertThat(problems.rows()).extracting(LedgerQueries.ProblemRow::code).doesNotContain("2.2");
		assertThat(problems.taskCounts().total()).isEqualTo((int) page.total());
		assertThat(this.queries.taskOptions(this.id, finance).departments()).extracting(LedgerQueries.Option::value)
			.containsExactly("financeDepartment");
		assertThat(this.queries.responsibilities(this.id, ResponsibilityView.DEPARTMENT, finance))
			.extracting(ResponsibilityRow::key)
			.containsExactly("financeDepartment");
	}

	@Test
	void shouldShowALeaderTheTasksTheyAnswerForAndNothingToSomeoneWithNoPart() {
		LedgerScope president = new LedgerScope(false, DemoAccounts.PRESIDENT, Set.of());
		TaskListQuery all = TaskListQuery.parse(Map.of("size", "100"), this.queries.taskOptions(this.id, president)).query();
		assertThat(codes(this.queries.tasks(this.id, all, president))).containsExactly("2.2.1", "2.2.2", "2.3.1");

		LedgerScope stranger = new LedgerScope(false, "nobody", Set.of("continuingEducation"));
		assertThat(this.queries.tasks(this.id, all, stranger).rows()).isEmpty();
		assertThat(this.queries.problems(this.id, stranger).rows()).isEmpty();
		assertThat(this.queries.taskOptions(this.id, stranger).problems()).isEmpty();
		assertThat(this.queries.taskOptions(this.id, stranger).categories()).isEmpty();
	}

	@Test
	void shouldListEveryTaskInCodeOrderWithItsRowFilledIn() {
		TaskPage page = tasks(Map.of("size", "100"));

		assertThat(codes(page)).isEqualTo(BY_CODE);
		assertThat(page.total()).isEqualTo(11);
		TaskRow first = page.rows().get(0);
		assertThat(first.title()).isEqualTo("宿舍日常维修不及时");
		assertThat(first.problemCode()).isEqualTo("1.1");
		assertThat(first.problemTitle()).isEqualTo("宿舍维修和食堂管理不到位");
		assertThat(first.leadDepartmentName()).isEqualTo("后勤处");
		assertThat(first.leaderName()).isEqualTo("吴副校长");
		assertThat(first.responsiblePerson()).isEqualTo("张三");
		assertThat(first.deadline()).isEqualTo(LedgerFixture.TODAY.minusDays(10));
		assertThat(page.rows()).extracting(TaskRow::code, TaskRow::evidenceCount)
			.filteredOn((t) -> (long) t.toArray()[1] > 0)
			.containsExactly(tuple("1.1.1", 2L), tuple("1.2.1", 1L));
		assertThat(page.rows()).extracting(TaskRow::leaderName)
			.containsOnly("吴副校长", "赵副校长", "周书记", "李校长");
	}

	@Test
	void shouldFilterByEachParameter() {
		List<Long> categories = this.queries.taskOptions(this.id, LedgerScope.ALL).categories().stream().map((o) -> Long.valueOf(o.value())).toList();
		List<Long> problems = this.queries.taskOptions(this.id, LedgerScope.ALL).problems().stream().map((o) -> Long.valueOf(o.value())).toList();

		assertThat(codes(tasks(Map.of("category", categories.get(0).toString())))).containsExactly("1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2");
		assertThat(codes(tasks(Map.of("category", categories.get(1).toString())))).containsExactly("2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.3.1");
		assertThat(codes(tasks(Map.of("problem", problems.get(0).toString())))).containsExactly("1.1.1", "1.1.2", "1.1.3");
		assertThat(codes(tasks(Map.of("problem", problems.get(4).toString())))).containsExactly("2.3.1");
		assertThat(codes(tasks(Map.of("department", "financeDepartment")))).containsExactly("1.2.1", "1.2.2", "2.1.3");
		assertThat(codes(tasks(Map.of("leader", "secretary")))).containsExactly("2.1.1", "2.1.2", "2.1.3");
		assertThat(codes(tasks(Map.of("status", "LONG_TERM")))).containsExactly("2.1.2", "2.2.2");
		assertThat(codes(tasks(Map.of("status", "NOT_COMPLETED")))).containsExactly("1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1");
		assertThat(codes(tasks(Map.of("status", "COMPLETED")))).containsExactly("1.1.3", "2.2.1", "2.3.1");
		assertThat(codes(tasks(Map.of("status", "BASICALLY_COMPLETED")))).containsExactly("2.1.3");
		assertThat(codes(tasks(Map.of("kind", "IMMEDIATE")))).containsExactly("1.1.2");
		assertThat(codes(tasks(Map.of("kind", "LONG_TERM")))).containsExactly("2.1.1");
		assertThat(codes(tasks(Map.of("department", "financeDepartment", "overdue", "true")))).containsExactly("1.2.2");
		assertThat(codes(tasks(Map.of("leader", "president", "status", "COMPLETED")))).containsExactly("2.2.1", "2.3.1");
	}

	@Test
	void shouldCountAsOverdueOnlyOpenTasksPastTheirDeadlineOrFlaggedByTheTimer() {
		// 1.1.1 is past its deadline; 1.2.2 is flagged though its deadline is still ahead. Settled tasks past their
		// deadline (1.1.3 completed, 2.1.2 long-term, 2.2.1 and 2.3.1 completed) are not overdue.
		TaskPage overdue = tasks(Map.of("overdue", "true"));

		assertThat(codes(overdue)).containsExactly("1.1.1", "1.2.2");
		assertThat(tasks(Map.of("size", "100")).rows()).filteredOn(TaskRow::overdue)
			.extracting(TaskRow::code)
			.containsExactly("1.1.1", "1.2.2");
	}

	@Test
	void shouldFilterByTrafficLightAsTrafficLightOfColoursEachRow() {
		assertThat(codes(tasks(Map.of("light", "RED")))).containsExactly("1.1.1", "1.2.2");
		// due today and due on the last day of the horizon are both yellow; the day after is green
		assertThat(codes(tasks(Map.of("light", "YELLOW")))).containsExactly("1.1.2", "1.2.1");
		assertThat(codes(tasks(Map.of("light", "GREEN")))).containsExactly("2.1.1");

		List<TaskRow> all = tasks(Map.of("size", "100")).rows();
		for (TrafficLight light : List.of(TrafficLight.RED, TrafficLight.YELLOW, TrafficLight.GREEN)) {
			assertThat(codes(tasks(Map.of("light", light.name(), "size", "100"))))
				.as("rows the database selects for %s are the rows coloured %s", light, light)
				.isEqualTo(all.stream().filter((t) -> t.light() == light).map(TaskRow::code).toList());
		}
		assertThat(all).filteredOn((t) -> t.light() == TrafficLight.NONE)
			.extracting(TaskRow::code)
			.containsExactly("1.1.3", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.3.1");
	}

	@Test
	void shouldSearchCodeTitleResponsiblePersonAndMeasures() {
		assertThat(codes(tasks(Map.of("q", "宿舍")))).containsExactly("1.1.1", "1.1.3");
		assertThat(codes(tasks(Map.of("q", "王五")))).containsExactly("1.2.1", "2.1.3");
		assertThat(codes(tasks(Map.of("q", "维修台账")))).as("a measure's text").containsExactly("1.1.1");
		assertThat(codes(tasks(Map.of("q", "2.2.")))).containsExactly("2.2.1", "2.2.2");
		assertThat(codes(tasks(Map.of("q", "oa")))).as("case-insensitive").containsExactly("2.3.1");
		assertThat(codes(tasks(Map.of("q", "宿舍", "status", "COMPLETED")))).containsExactly("1.1.3");
		assertThat(codes(tasks(Map.of("q", "没有这样的任务")))).isEmpty();
	}

	@Test
	void shouldSearchForLikeWildcardsLiterally() {
		assertThat(codes(tasks(Map.of("q", "%")))).containsExactly("1.2.1");
		assertThat(codes(tasks(Map.of("q", "_")))).containsExactly("1.2.1");
		assertThat(codes(tasks(Map.of("q", "100%_覆盖")))).containsExactly("1.2.1");
		assertThat(codes(tasks(Map.of("q", "' or '1'='1")))).isEmpty();
	}

	@Test
	void shouldSortByEachColumnBothWays() {
		assertThat(codes(tasks(Map.of("sort", "code", "dir", "desc", "size", "100")))).isEqualTo(reversed(BY_CODE));
		List<String> byDeadline = List.of("2.2.1", "1.1.1", "1.1.3", "2.1.2", "2.3.1", "1.1.2", "1.2.1", "1.2.2", "2.1.3",
				"2.1.1", "2.2.2");
		assertThat(codes(tasks(Map.of("sort", "deadline", "size", "100")))).isEqualTo(byDeadline);
		assertThat(codes(tasks(Map.of("sort", "deadline", "dir", "desc", "size", "100")))).isEqualTo(reversed(byDeadline));
		// departments in the order of the organisation chart (Department), then by code
		assertThat(codes(tasks(Map.of("sort", "department", "size", "100")))).containsExactly("2.1.1", "2.1.2", "1.2.1",
				"1.2.2", "2.1.3", "2.2.1", "2.2.2", "1.1.1", "1.1.2", "1.1.3", "2.3.1");
		assertThat(codes(tasks(Map.of("sort", "department", "dir", "desc", "size", "100")))).containsExactly("2.3.1",
				"1.1.1", "1.1.2", "1.1.3", "2.2.1", "2.2.2", "1.2.1", "1.2.2", "2.1.3", "2.1.1", "2.1.2");
		// leaders by name in pinyin order: 李 li, 吴 wu, 赵 zhao, 周 zhou
		assertThat(codes(tasks(Map.of("sort", "leader", "size", "100")))).containsExactly("2.2.1", "2.2.2", "2.3.1",
				"1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "2.1.1", "2.1.2", "2.1.3");
		assertThat(codes(tasks(Map.of("sort", "leader", "dir", "desc", "size", "100")))).containsExactly("2.1.1", "2.1.2",
				"2.1.3", "1.2.1", "1.2.2", "1.1.1", "1.1.2", "1.1.3", "2.2.1", "2.2.2", "2.3.1");
		// open work first: not completed, basically completed, long-term, completed
		assertThat(codes(tasks(Map.of("sort", "status", "size", "100")))).containsExactly("1.1.1", "1.1.2", "1.2.1",
				"1.2.2", "2.1.1", "2.1.3", "2.1.2", "2.2.2", "1.1.3", "2.2.1", "2.3.1");
		assertThat(codes(tasks(Map.of("sort", "status", "dir", "desc", "size", "100")))).containsExactly("1.1.3", "2.2.1",
				"2.3.1", "2.1.2", "2.2.2", "2.1.3", "1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1");
	}

	@Test
	void shouldPageInTheDatabase() {
		TaskPage first = tasks(Map.of("size", "4"));
		TaskPage last = tasks(Map.of("size", "4", "page", "2"));

		assertThat(codes(first)).containsExactly("1.1.1", "1.1.2", "1.1.3", "1.2.1");
		assertThat(codes(tasks(Map.of("size", "4", "page", "1")))).containsExactly("1.2.2", "2.1.1", "2.1.2", "2.1.3");
		assertThat(codes(last)).containsExactly("2.2.1", "2.2.2", "2.3.1");
		assertThat(first.total()).isEqualTo(11);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.hasNext()).isTrue();
		assertThat(last.hasNext()).isFalse();
		assertThat(last.requestedPage()).isNull();
		// filtered and sorted pages: the count is of the filtered rows
		TaskPage open = tasks(Map.of("status", "NOT_COMPLETED", "sort", "deadline", "size", "2", "page", "1"));
		assertThat(open.total()).isEqualTo(5);
		assertThat(open.totalPages()).isEqualTo(3);
		assertThat(codes(open)).containsExactly("1.2.1", "1.2.2");
		assertThat(tasks(Map.of()).query().size()).isEqualTo(TaskListQuery.DEFAULT_SIZE);
	}

	@Test
	void shouldAnswerAPageBeyondTheLastWithTheLastPage() {
		TaskPage page = tasks(Map.of("size", "4", "page", "7"));

		assertThat(page.number()).isEqualTo(2);
		assertThat(page.requestedPage()).isEqualTo(7);
		assertThat(codes(page)).containsExactly("2.2.1", "2.2.2", "2.3.1");
		TaskPage none = tasks(Map.of("q", "没有这样的任务", "page", "3"));
		assertThat(none.number()).isZero();
		assertThat(none.total()).isZero();
		assertThat(none.totalPages()).isEqualTo(1);
	}

	@Test
	void shouldOfferOnlyTheInspectionsOwnChoices() {
		LedgerQueries.TaskOptions options = this.queries.taskOptions(this.id, LedgerScope.ALL);

		assertThat(options.categories()).extracting(LedgerQueries.Option::label)
			.containsExactly("1. 全面从严治党推进不实", "2. 作风建设不扎实");
		assertThat(options.problems()).extracting(LedgerQueries.Option::label)
			.containsExactly("1.1 宿舍维修和食堂管理不到位", "1.2 财务管理漏洞", "2.1 会议文件过多", "2.2 公车管理不规范", "2.3 档案管理滞后");
		assertThat(options.departments()).extracting(LedgerQueries.Option::value)
			.containsExactly("partyOffice", "financeDepartment", "assetDepartment", "logisticsDepartment", "academicAffairs");
		assertThat(options.leaders()).extracting(LedgerQueries.Option::value, LedgerQueries.Option::label)
			.containsExactly(tuple("president", "李校长"), tuple("vicePresidentLogistics", "吴副校长"),
					tuple("vicePresidentFinance", "赵副校长"), tuple("secretary", "周书记"));
		// another inspection's department is not a choice here
		TaskListQuery.Parsed parsed = TaskListQuery.parse(Map.of("department", "personnelDepartment"), options);
		assertThat(parsed.query().department()).isNull();
		assertThat(parsed.notices()).hasSize(1);
	}

	@Test
	void shouldRollProblemsUpFromTheirTasks() {
		ProblemList list = this.queries.problems(this.id, LedgerScope.ALL);

		assertThat(list.rows()).extracting(ProblemRow::code, ProblemRow::outcome, ProblemRow::counts, ProblemRow::overdue,
				ProblemRow::previousRound)
			.containsExactly(
					tuple("1.1", TaskStatus.NOT_COMPLETED, new OutcomeCounts(3, 1, 0, 2, 0), 1, false),
					tuple("1.2", TaskStatus.NOT_COMPLETED, new OutcomeCounts(2, 0, 0, 2, 0), 1, true),
					tuple("2.1", TaskStatus.NOT_COMPLETED, new OutcomeCounts(3, 0, 1, 1, 1), 0, false),
					tuple("2.2", TaskStatus.BASICALLY_COMPLETED, new OutcomeCounts(2, 1, 0, 0, 1), 0, false),
					tuple("2.3", TaskStatus.COMPLETED, new OutcomeCounts(1, 1, 0, 0, 0), 0, false));
		assertThat(list.rows()).extracting(ProblemRow::categorySeq).containsExactly(1, 1, 2, 2, 2);
		assertThat(list.problemCounts()).isEqualTo(new OutcomeCounts(5, 1, 1, 3, 0));
		assertThat(list.taskCounts()).isEqualTo(new OutcomeCounts(11, 3, 1, 5, 2));
		assertThat(list.overdue()).isEqualTo(2);
	}

	@Test
	void shouldCountTheSameAsTheCompleteLedgerTheReportsUse() {
		Ledger ledger = this.ledgers.ledger(this.id);
		ProblemList list = this.queries.problems(this.id, LedgerScope.ALL);

		assertThat(list.problemCounts()).isEqualTo(ledger.problemCounts());
		assertThat(list.taskCounts()).isEqualTo(ledger.taskCounts());
		assertThat(list.rows()).extracting(ProblemRow::code, ProblemRow::outcome)
			.isEqualTo(ledger.problems().stream().map((p) -> tuple(p.code(), p.outcome())).toList());
	}

	@Test
	void shouldSummariseEveryInspectionAsItsProblemListCountsInTheViewersScope() {
		Ledger ledger = this.ledgers.ledger(this.id);
		LedgerQueries.InspectionSummary all = summaryOf(LedgerScope.ALL);
		assertThat(all.title()).isEqualTo(ledger.title());
		assertThat(all.problemCounts()).isEqualTo(ledger.problemCounts());
		assertThat(all.taskCounts()).isEqualTo(ledger.taskCounts());

		LedgerScope finance = new LedgerScope(false, "financeDepartmentStaff", Set.of("financeDepartment"));
		ProblemList financeList = this.queries.problems(this.id, finance);
		LedgerQueries.InspectionSummary seenByFinance = summaryOf(finance);
		assertThat(seenByFinance.problemCounts()).isEqualTo(financeList.problemCounts());
		assertThat(seenByFinance.taskCounts()).isEqualTo(financeList.taskCounts());
		assertThat(seenByFinance.taskCounts().total()).isLessThan(all.taskCounts().total());

		LedgerScope stranger = new LedgerScope(false, "nobody", Set.of("continuingEducation"));
		assertThat(summaryOf(stranger).taskCounts()).isEqualTo(OutcomeCounts.none());
		assertThat(summaryOf(stranger).problemCounts().total()).isZero();
	}

	private LedgerQueries.InspectionSummary summaryOf(LedgerScope scope) {
		return this.queries.summaries(scope)
			.stream()
			.filter((s) -> s.inspectionId().equals(this.id))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldCountResponsibilitiesPerLeadDepartment() {
		List<ResponsibilityRow> rows = this.queries.responsibilities(this.id, ResponsibilityView.DEPARTMENT, LedgerScope.ALL);

		assertThat(rows).extracting(ResponsibilityRow::key, ResponsibilityRow::name, ResponsibilityRow::partners,
				ResponsibilityRow::counts, ResponsibilityRow::overdue, ResponsibilityRow::dueSoon)
			.containsExactly(
					tuple("financeDepartment", "财务处", List.of("赵副校长", "周书记"), new OutcomeCounts(3, 0, 1, 2, 0), 1, 1),
					tuple("logisticsDepartment", "后勤处", List.of("吴副校长"), new OutcomeCounts(3, 1, 0, 2, 0), 1, 1),
					tuple("partyOffice", "党政办公室", List.of("周书记"), new OutcomeCounts(2, 0, 0, 1, 1), 0, 0),
					tuple("assetDepartment", "资产管理处", List.of("李校长"), new OutcomeCounts(2, 1, 0, 0, 1), 0, 0),
					tuple("academicAffairs", "教务处", List.of("李校长"), new OutcomeCounts(1, 1, 0, 0, 0), 0, 0));
	}

	@Test
	void shouldCountResponsibilitiesPerLeader() {
		List<ResponsibilityRow> rows = this.queries.responsibilities(this.id, ResponsibilityView.LEADER, LedgerScope.ALL);

		assertThat(rows).extracting(ResponsibilityRow::key, ResponsibilityRow::name, ResponsibilityRow::partners,
				ResponsibilityRow::counts, ResponsibilityRow::overdue, ResponsibilityRow::dueSoon)
			.containsExactly(
					tuple("president", "李校长", List.of("教务处", "资产管理处"), new OutcomeCounts(3, 2, 0, 0, 1), 0, 0),
					tuple("vicePresidentLogistics", "吴副校长", List.of("后勤处"), new OutcomeCounts(3, 1, 0, 2, 0), 1, 1),
					tuple("secretary", "周书记", List.of("财务处", "党政办公室"), new OutcomeCounts(3, 0, 1, 1, 1), 0, 0),
					tuple("vicePresidentFinance", "赵副校长", List.of("财务处"), new OutcomeCounts(2, 0, 0, 2, 0), 1, 1));
	}

	private TaskPage tasks(Map<String, String> params) {
		TaskListQuery.Parsed parsed = TaskListQuery.parse(params, this.queries.taskOptions(this.id, LedgerScope.ALL));
		assertThat(parsed.notices()).as("notices for %s", params).isEmpty();
		return this.queries.tasks(this.id, parsed.query(), LedgerScope.ALL);
	}

	private static List<String> codes(TaskPage page) {
		return page.rows().stream().map(TaskRow::code).toList();
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

}

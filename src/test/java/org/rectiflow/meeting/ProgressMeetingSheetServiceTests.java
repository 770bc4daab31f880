package org.rectiflow.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.ledger.LedgerFixture;
import org.rectiflow.plan.Feedback;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.StageReport;
import org.rectiflow.task.StageReportRepository;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The meeting sheet on the real database against {@link LedgerFixture}, whose tasks were closed off and given their
 * evidence today: today's sheet counts them, yesterday's sheet shows the same tasks as they stood the day before.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressMeetingSheetServiceTests {

	static final LocalDate TODAY = LedgerFixture.TODAY;

	static final LocalDate YESTERDAY = TODAY.minusDays(1);

	@Autowired
	ProgressMeetingSheetService sheets;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskRepository tasks;

	@Autowired
	EvidenceService evidence;

	@Autowired
	StageReportRepository stageReports;

	Long id;

	@BeforeAll
	void registerTheInspection() {
		this.id = LedgerFixture.register(this.driver, this.tasks, this.evidence);
		RectificationTask meetings = this.driver.task(this.id, "2.1.2");
		Instant yesterdayNoon = YESTERDAY.atTime(12, 0).atZone(WorkingDays.ZONE).toInstant();
		this.stageReports.save(new StageReport(meetings.getId(), "压减会议 30%", "全年会议减少 12 场", false, "partyOfficeStaff",
				yesterdayNoon));
		this.stageReports.save(new StageReport(meetings.getId(), "明天才报的措施", "明天才有的成效", false, "partyOfficeStaff",
				yesterdayNoon.plusSeconds(2 * 24 * 3600)));
		RectificationTask repairs = this.tasks.findById(this.driver.task(this.id, "1.1.1").getId()).orElseThrow();
		repairs.setProgressReport("已建立维修台账，限时办结");
		this.tasks.save(repairs);
	}

	@Test
	void shouldGroupEveryTaskByLeaderInTheOrderOfTheirNames() {
		ProgressMeetingSheet sheet = this.sheets.sheet(this.id, TODAY);

		assertThat(sheet.leaders()).extracting(ProgressMeetingSheet.LeaderGroup::leaderName)
			.containsExactly("李校长", "吴副校长", "赵副校长", "周书记");
		assertThat(codes(sheet)).containsExactly(
				List.of("2.2.1", "2.2.2", "2.3.1"), List.of("1.1.1", "1.1.2", "1.1.3"), List.of("1.2.1", "1.2.2"),
				List.of("2.1.1", "2.1.2", "2.1.3"));
		ProgressMeetingSheet.Item first = sheet.leaders().get(1).items().get(0);
		assertThat(first.title()).isEqualTo("宿舍日常维修不及时");
		assertThat(first.leadDepartmentName()).isEqualTo("后勤处");
		assertThat(first.deadline()).isEqualTo(TODAY.minusDays(10));
		assertThat(first.measures()).containsExactly("建立维修台账，限时办结", "落实整改措施并报送材料");
	}

	@Test
	void shouldCountEachLeadersTasksAsTheyStandToday() {
		ProgressMeetingSheet sheet = this.sheets.sheet(this.id, TODAY);

		assertThat(sheet.leaders()).extracting(ProgressMeetingSheet.LeaderGroup::leaderName, ProgressMeetingSheet.LeaderGroup::summary)
			.containsExactly(tuple("李校长", new ProgressMeetingSheet.Summary(3, 2, 0, 0, 0)),
					tuple("吴副校长", new ProgressMeetingSheet.Summary(3, 1, 0, 1, 1)),
					tuple("赵副校长", new ProgressMeetingSheet.Summary(2, 0, 0, 1, 1)),
					tuple("周书记", new ProgressMeetingSheet.Summary(3, 0, 1, 0, 0)));
		assertThat(sheet.summary()).isEqualTo(new ProgressMeetingSheet.Summary(11, 3, 1, 2, 2));
		Map<String, ProgressMeetingSheet.Item> items = items(sheet);
		assertThat(items.get("1.1.3").status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(items.get("2.1.3").status()).isEqualTo(TaskStatus.BASICALLY_COMPLETED);
		assertThat(items.get("2.1.2").status()).isEqualTo(TaskStatus.LONG_TERM);
		assertThat(items.get("1.2.2").light()).as("the timer's flag counts today").isEqualTo(TrafficLight.RED);
	}

	@Test
	void shouldShowATaskClosedOffTodayAsNotCompletedOnYesterdaysSheet() {
		ProgressMeetingSheet sheet = this.sheets.sheet(this.id, YESTERDAY);

		Map<String, ProgressMeetingSheet.Item> items = items(sheet);
		assertThat(items.get("1.1.3").status()).isEqualTo(TaskStatus.NOT_COMPLETED);
		assertThat(items.get("1.1.3").completed()).isFalse();
		assertThat(items.get("1.1.3").unfinished()).isTrue();
		assertThat(items.get("1.1.3").light()).as("five days past its deadline").isEqualTo(TrafficLight.RED);
		assertThat(items.get("2.3.1").light()).as("due yesterday, not yet late").isEqualTo(TrafficLight.YELLOW);
		assertThat(items.get("2.1.2").status()).as("long-term is not dated").isEqualTo(TaskStatus.LONG_TERM);
		assertThat(sheet.summary().completed()).isZero();
		assertThat(sheet.summary().basicallyCompleted()).isZero();
		assertThat(sheet.leaders()).extracting(ProgressMeetingSheet.LeaderGroup::leaderName, (g) -> g.summary().completed(),
				(g) -> g.summary().overdue())
			.containsExactly(tuple("李校长", 0, 1), tuple("吴副校长", 0, 2), tuple("赵副校长", 0, 0), tuple("周书记", 0, 0));
	}

	@Test
	void shouldCountEvidenceUploadedByTheEndOfTheDay() {
		Map<String, ProgressMeetingSheet.Item> today = items(this.sheets.sheet(this.id, TODAY));
		Map<String, ProgressMeetingSheet.Item> yesterday = items(this.sheets.sheet(this.id, YESTERDAY));

		assertThat(today.get("1.1.1").evidenceFiles()).containsExactly("1.1.1-1.pdf", "1.1.1-2.pdf");
		assertThat(today.get("1.2.1").evidenceCount()).isEqualTo(1);
		assertThat(today.get("1.1.2").evidenceCount()).isZero();
		assertThat(yesterday.get("1.1.1").evidenceCount()).isZero();
		assertThat(yesterday.get("1.2.1").evidenceCount()).isZero();
	}

	@Test
	void shouldShowTheLastReportSubmittedByTheDay() {
		Map<String, ProgressMeetingSheet.Item> today = items(this.sheets.sheet(this.id, TODAY));
		Map<String, ProgressMeetingSheet.Item> yesterday = items(this.sheets.sheet(this.id, YESTERDAY));
		Map<String, ProgressMeetingSheet.Item> before = items(this.sheets.sheet(this.id, YESTERDAY.minusDays(1)));

		assertThat(today.get("2.1.2").progress()).contains("压减会议 30%", "全年会议减少 12 场").doesNotContain("明天");
		assertThat(today.get("2.1.2").progressOn()).isEqualTo(YESTERDAY);
		assertThat(yesterday.get("2.1.2").progress()).contains("压减会议 30%");
		assertThat(before.get("2.1.2").progress()).isNull();
		assertThat(today.get("1.1.1").progress()).as("the undated report stands for today")
			.isEqualTo("已建立维修台账，限时办结");
		assertThat(yesterday.get("1.1.1").progress()).as("but not for a past day").isNull();
	}

	@Test
	void shouldTakeTheProgressReportFromTheEnginesHistoryWithItsDay() {
		// given an inspection whose plan is filed, and a department that submitted its progress today
		Feedback feedback = new Feedback("调度会材料测试巡察", "省委教育工委第四巡察组", "调度会测试学院党委", TODAY.minusMonths(3),
				TODAY.minusMonths(2), TODAY.minusMonths(1), List.of("测试〔2026〕10号"), 3, "0731-00000000",
				List.of(new Feedback.Category("作风建设不扎实", List.of(new Feedback.ProblemItem("宿舍维修不及时", false,
						List.of(new Feedback.TaskItem("宿舍日常维修不及时", TaskKind.CONCENTRATED,
								DemoAccounts.VICE_PRESIDENT_LOGISTICS, "logisticsDepartment", List.of(), "张三",
								TODAY.plusDays(30), List.of("建立维修台账"), false)))))));
		Long other = this.driver.register(feedback).getId();
		this.driver.filePlan(other);
		RectificationTask task = this.driver.task(other, "1.1.1");
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, "logisticsDepartmentStaff",
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已建立维修台账，本周办结 12 件"));

		// when
		ProgressMeetingSheet.Item today = this.sheets.sheet(other, TODAY).leaders().get(0).items().get(0);
		ProgressMeetingSheet.Item yesterday = this.sheets.sheet(other, YESTERDAY).leaders().get(0).items().get(0);

		// then
		assertThat(today.progress()).isEqualTo("已建立维修台账，本周办结 12 件");
		assertThat(today.progressOn()).as("dated by the engine's history").isEqualTo(TODAY);
		assertThat(today.evidenceCount()).isEqualTo(1);
		assertThat(yesterday.progress()).isNull();
		assertThat(yesterday.evidenceCount()).isZero();
	}

	@Test
	void shouldRefuseAnUnknownInspection() {
		assertThatThrownBy(() -> this.sheets.sheet(-1L, TODAY)).isInstanceOf(RectiflowException.NotFound.class);
	}

	private static List<List<String>> codes(ProgressMeetingSheet sheet) {
		return sheet.leaders().stream().map((g) -> g.items().stream().map(ProgressMeetingSheet.Item::code).toList()).toList();
	}

	private static Map<String, ProgressMeetingSheet.Item> items(ProgressMeetingSheet sheet) {
		return sheet.leaders()
			.stream()
			.flatMap((g) -> g.items().stream())
			.collect(Collectors.toMap(ProgressMeetingSheet.Item::code, Function.identity()));
	}

}

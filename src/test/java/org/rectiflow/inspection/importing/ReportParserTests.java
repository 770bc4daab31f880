package org.rectiflow.inspection.importing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectiflow.plan.importing.ParsedReport;
import org.rectiflow.plan.importing.ReportFormatException;
import org.rectiflow.plan.importing.ReportParser;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference case (Hunan progress report) read as the demo and the import read it. */
class ReportParserTests {

	static ParsedReport report;

	@BeforeAll
	static void parse() throws Exception {
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			report = new ReportParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	List<ParsedReport.ParsedProblem> problems() {
		return report.categories().stream().flatMap((c) -> c.problems().stream()).toList();
	}

	List<ParsedReport.ParsedTask> tasks() {
		return problems().stream().flatMap((p) -> p.tasks().stream()).toList();
	}

	ParsedReport.ParsedTask task(String findingStart) {
		return tasks().stream().filter((t) -> t.finding().startsWith(findingStart)).findFirst().orElseThrow();
	}

	@Test
	void shouldReadTheInspectionFromTheHeader() {
		assertThat(report.inspectingBody()).isEqualTo("省委教育工委第四巡察组");
		assertThat(report.unitName()).isEqualTo("湖南机电职业技术学院党委");
		assertThat(report.onSiteFrom()).isEqualTo(LocalDate.of(2023, 4, 10));
		assertThat(report.onSiteTo()).isEqualTo(LocalDate.of(2023, 6, 10));
		assertThat(report.feedbackDate()).isEqualTo(LocalDate.of(2023, 8, 24));
		assertThat(report.concentratedMonths()).isEqualTo(3);
		assertThat(report.documentNumbers()).containsExactly("湘教工委〔2023〕2号", "湘教巡通〔2023〕8号");
		assertThat(report.contactLine()).isEqualTo("0731-84033328");
	}

	/**
	 * The report's count sentence says 14 problems (13 completed, 1 basically), but its body lists 13 numbered
	 * problems (5 + 4 + 3 + 1): one completed problem is counted and not described. We keep what the text lists.
	 */
	@Test
	void shouldFindTheThirteenProblemsTheReportListsInFourCategories() {
		assertThat(report.categories()).hasSize(4);
		assertThat(report.categories().get(1).title()).startsWith("全面从严治党整体部署与推进不实");
		assertThat(report.categories()).extracting((c) -> c.problems().size()).containsExactly(5, 4, 3, 1);
		assertThat(problems()).hasSize(13);
		assertThat(report.publishedCounts().problemTotal()).isEqualTo(14);
		assertThat(problems().get(0).title()).isEqualTo("政治建设存在明显差距");
		assertThat(problems().get(12).title()).startsWith("经核查，上轮巡察反馈的59个问题");
		assertThat(problems()).filteredOn((p) -> "完成".equals(p.reportedOutcome())).hasSize(12);
		assertThat(problems()).filteredOn((p) -> "基本完成".equals(p.reportedOutcome())).hasSize(1);
	}

	@Test
	void shouldFindEveryQuotedTaskWithTheLongTermOneUnderTheBasicallyCompletedProblem() {
		assertThat(tasks()).hasSize(65);
		assertThat(tasks()).filteredOn(ParsedReport.ParsedTask::longTerm).singleElement().satisfies((t) -> {
			assertThat(t.finding()).startsWith("30处房屋只有1处办理了房屋权属证");
			assertThat(problems().get(12).tasks()).contains(t);
		});
	}

	@Test
	void shouldSplitMeasuresAndInferTheLeadDepartment() {
		ParsedReport.ParsedTask dorm = task("宿舍日常维修不及时");
		assertThat(dorm.measures()).hasSize(3);
		assertThat(dorm.measures().get(0)).startsWith("制定出台了《宿舍维修人员月度考核办法》");
		assertThat(dorm.leadDepartment()).isEqualTo("logisticsDepartment");
		assertThat(task("师德师风问题突出").measures()).hasSize(7);
		assertThat(task("阵地建设不到位").leadDepartment()).isEqualTo("publicityDepartment");
		assertThat(task("办案工作程序不规范").measures()).singleElement().asString().startsWith("制定了办案程序流程图");
		assertThat(tasks()).allSatisfy((t) -> assertThat(t.measures()).isNotEmpty());
	}

	@Test
	void shouldReadThePublishedCounts() {
		assertThat(report.publishedCounts())
			.isEqualTo(new ParsedReport.PublishedCounts(14, 13, 1, 0, 0, 68, 67, 0, 0, 1));
		assertThat(report.immediateItems()).isEqualTo(4);
		assertThat(report.duringInspectionItems()).isEqualTo(2);
		assertThat(report.institutionalRuleCount()).isEqualTo(63);
		assertThat(report.institutionalRuleTitles()).contains("宿舍维修人员月度考核办法", "采购管理办法")
			.doesNotContain("中国共产党纪律检查机关监督执纪工作规则");
	}

	@Test
	void shouldRejectTextThatIsNotAReportInChinese() {
		assertThatThrownBy(() -> new ReportParser().parse("这不是一份巡察报告"))
			.isInstanceOf(ReportFormatException.class)
			.hasMessageContaining("巡察组");
		assertThatThrownBy(() -> new ReportParser().parse("2023年4月10日至6月10日，某巡察组对某单位进行了巡察。8月24日，巡察组反馈了意见。\n整改结果：完成"))
			.isInstanceOf(ReportFormatException.class)
			.hasMessageContaining("第2行");
	}

}

package org.rectiflow.report;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.Feedback;
import org.rectiflow.task.TaskKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the public report the reference case does not exercise: fix-at-once and fix-during-inspection items,
 * the sentence when nothing is non-public, a task still under way, steps not yet taken left out of the account of
 * the work, and a published text that stays as it was when the ledger moves on.
 */
@SpringBootTest
@ActiveProfiles("test")
class PublicReportRendererTests {

	@Autowired
	ProcessDriver driver;

	@Autowired
	ReportService reports;

	Long register() {
		LocalDate deadline = TestFeedback.DEADLINE;
		return this.driver.register(new Feedback("立行立改测试", "省委教育工委第四巡察组", "立改测试学院党委",
				LocalDate.now().minusMonths(4), LocalDate.now().minusMonths(2), LocalDate.now().minusMonths(1),
				List.of("测试〔2026〕3号"), 3, "0731-00000000", List.of(new Feedback.Category("全面从严治党整体部署与推进不实",
						List.of(new Feedback.ProblemItem("宿舍和食堂管理不到位", false, List.of(
								task("宿舍空调遥控器押金", TaskKind.IMMEDIATE, deadline, "全额退还押金"),
								task("食堂档口价格未公示", TaskKind.DURING_INSPECTION, deadline, "档口价格上墙公示"))),
								new Feedback.ProblemItem("财务管理漏洞", false, List.of(
										task("未出台财务报账管理办法", TaskKind.CONCENTRATED, deadline, "修订收支管理办法"))))))))
			.getId();
	}

	static Feedback.TaskItem task(String title, TaskKind kind, LocalDate deadline, String measure) {
		return new Feedback.TaskItem(title, kind, DemoAccounts.VICE_PRESIDENT_LOGISTICS, "logisticsDepartment", List.of(),
				"张三", deadline, List.of(measure), false);
	}

	@Test
	void shouldLeaveOutStepsNotYetTakenRatherThanGuessThem() {
		Long id = register();

		ReportDocument doc = ReportDocument.parse(this.reports.previewPublicReport(id));
		String text = String.join("\n", doc.blocks().stream().map(ReportDocument.Block::text).toList());

		assertThat(doc.texts(ReportDocument.Kind.HEADING)).hasSize(4);
		assertThat(text).doesNotContain("党委会审议并通过", "备案", "专项督查", "现场督办")
			.contains("巡察反馈的2个具体问题，已完成整改0个，基本完成整改0个，未完成整改2个");
		// Before anything went to the inspection office, its report is what would go out now.
		ReportDocument full = this.reports.rectificationReport(id);
		assertThat(full.title()).isEqualTo("立改测试学院党委关于巡察整改情况的报告");
		assertThat(full.texts(ReportDocument.Kind.PARAGRAPH)).contains("全部细化任务均可向社会公开。",
				"尚未登记新制定或修订的制度。", "整改期间未印发通报批评。");
		assertThat(full.texts(ReportDocument.Kind.ITEM)).containsExactly("1.1. 宿舍和食堂管理不到位", "1.2. 财务管理漏洞");
	}

	@Test
	void shouldCountFixAtOnceItemsAndSayNothingWasLeftOut() {
		Long id = register();
		this.driver.filePlan(id);
		this.driver.settle(this.driver.task(id, "1.1.1"), "COMPLETED");
		this.driver.settle(this.driver.task(id, "1.2.1"), "COMPLETED");

		String text = this.reports.previewPublicReport(id);

		assertThat(text).contains("巡察期间移交的1个立行立改问题，已完成整改1个；移交的1个边巡边改问题，已完成整改0个。")
			.contains("本通报所涉整改事项均已公开，无不宜公开的事项。")
			.contains("针对“宿舍空调遥控器押金”细化任务，全额退还押金。")
			.contains("针对“食堂档口价格未公示”细化任务，正在按整改落实方案推进，整改期限为" + WorkRecord.date(TestFeedback.DEADLINE) + "。")
			.contains("目前无公开的长期整改任务。")
			.contains("一是对尚未完成的1项细化任务")
			.contains("党委会审议并通过整改落实方案，将反馈的2个具体问题细化为3项任务");
	}

	@Test
	void shouldKeepThePublishedTextWhenTheLedgerMovesOn() {
		Long id = register();
		this.driver.filePlan(id);
		this.driver.settle(this.driver.task(id, "1.1.1"), "COMPLETED");
		this.reports.publish(id, DemoAccounts.RECTIFICATION_CLERK);
		String published = this.reports.latest(id, ReportKind.PUBLIC).orElseThrow().getContent();

		this.driver.settle(this.driver.task(id, "1.1.2"), "COMPLETED");

		assertThat(published).contains("已完成整改1项，基本完成整改0项，未完成整改2项");
		assertThat(this.reports.publishedPublicReport(id).orElseThrow().blocks())
			.isEqualTo(ReportDocument.parse(published).blocks());
		assertThat(this.reports.previewPublicReport(id)).contains("已完成整改2项，基本完成整改0项，未完成整改1项");
		assertThat(this.reports.publicReport(id).title()).isEqualTo("立改测试学院党委关于巡察整改进展情况的通报");
	}

}

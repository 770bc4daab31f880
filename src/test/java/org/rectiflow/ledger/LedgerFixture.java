package org.rectiflow.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rectiflow.ProcessDriver;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.Feedback;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;

/**
 * A small inspection whose lists are worked out by hand: two categories, five problems, eleven tasks with every
 * outcome, every traffic light, a timer-flagged overdue task whose deadline has not even come, five lead departments
 * and four leaders. Deadlines are relative to today in China, so the expectations hold on any day.
 *
 * <pre>
 * code   department            leader                  deadline     outcome              light   overdue
 * 1.1.1  logisticsDepartment   vicePresidentLogistics  today-10     NOT_COMPLETED        RED     yes  (2 evidence)
 * 1.1.2  logisticsDepartment   vicePresidentLogistics  today        NOT_COMPLETED        YELLOW       IMMEDIATE
 * 1.1.3  logisticsDepartment   vicePresidentLogistics  today-5      COMPLETED            NONE
 * 1.2.1  financeDepartment     vicePresidentFinance    horizon      NOT_COMPLETED        YELLOW       (1 evidence)
 * 1.2.2  financeDepartment     vicePresidentFinance    horizon+1    NOT_COMPLETED        RED     yes  (timer flag)
 * 2.1.1  partyOffice           secretary               today+60     NOT_COMPLETED        GREEN        kind LONG_TERM
 * 2.1.2  partyOffice           secretary               today-3      LONG_TERM (open)     NONE
 * 2.1.3  financeDepartment     secretary               today+30     BASICALLY_COMPLETED  NONE
 * 2.2.1  assetDepartment       president               today-20     COMPLETED            NONE
 * 2.2.2  assetDepartment       president               today+90     LONG_TERM (open)     NONE
 * 2.3.1  academicAffairs       president               today-1      COMPLETED            NONE
 * </pre>
 * horizon = {@link WorkingDays#dueSoonHorizon} of today (three working days on, by the official calendar).
 */
public final class LedgerFixture {

	public static final LocalDate TODAY = LocalDate.now(WorkingDays.ZONE);

	private LedgerFixture() {
	}

	/** Registers the inspection and sets outcomes, flags and evidence as the table above says; returns its id. */
	public static Long register(ProcessDriver driver, RectificationTaskRepository tasks, EvidenceService evidence) {
		LocalDate horizon = driver.workingDays().dueSoonHorizon(TODAY);
		Feedback feedback = new Feedback("台账清单测试巡察", "省委教育工委第四巡察组", "台账测试学院党委", TODAY.minusMonths(4),
				TODAY.minusMonths(2), TODAY.minusMonths(1), List.of("测试〔2026〕9号"), 3, "0731-00000000", List.of(
						new Feedback.Category("全面从严治党推进不实", List.of(
								new Feedback.ProblemItem("宿舍维修和食堂管理不到位", false, List.of(
										task("宿舍日常维修不及时", TaskKind.CONCENTRATED, "logisticsDepartment",
												DemoAccounts.VICE_PRESIDENT_LOGISTICS, "张三", TODAY.minusDays(10), "建立维修台账，限时办结"),
										task("食堂特色档口无准入规则", TaskKind.IMMEDIATE, "logisticsDepartment",
												DemoAccounts.VICE_PRESIDENT_LOGISTICS, "李四", TODAY, "制定档口准入办法"),
										task("宿舍安全巡查不经常", TaskKind.CONCENTRATED, "logisticsDepartment",
												DemoAccounts.VICE_PRESIDENT_LOGISTICS, "张三", TODAY.minusDays(5), "每周巡查一次"))),
								new Feedback.ProblemItem("财务管理漏洞", true, List.of(
										task("未出台财务报账管理办法", TaskKind.CONCENTRATED, "financeDepartment",
												DemoAccounts.VICE_PRESIDENT_FINANCE, "王五", horizon, "修订报账办法，100%_覆盖"),
										task("票据管理不规范", TaskKind.CONCENTRATED, "financeDepartment",
												DemoAccounts.VICE_PRESIDENT_FINANCE, "赵六", horizon.plusDays(1), "清理票据"))))),
						new Feedback.Category("作风建设不扎实", List.of(
								new Feedback.ProblemItem("会议文件过多", false, List.of(
										task("精简会议", TaskKind.LONG_TERM, "partyOffice", DemoAccounts.SECRETARY, "孙七",
												TODAY.plusDays(60), "压减会议数量"),
										task("精简文件", TaskKind.CONCENTRATED, "partyOffice", DemoAccounts.SECRETARY, "孙七",
												TODAY.minusDays(3), "压减发文数量"),
										task("督查检查考核过多", TaskKind.CONCENTRATED, "financeDepartment", DemoAccounts.SECRETARY,
												"王五", TODAY.plusDays(30), "统筹督查检查考核"))),
								new Feedback.ProblemItem("公车管理不规范", false, List.of(
										task("公车使用未登记", TaskKind.CONCENTRATED, "assetDepartment", DemoAccounts.PRESIDENT,
												"周八", TODAY.minusDays(20), "建立用车登记制度"),
										task("超标公车未处置", TaskKind.CONCENTRATED, "assetDepartment", DemoAccounts.PRESIDENT,
												"周八", TODAY.plusDays(90), "分批处置超标车辆"))),
								new Feedback.ProblemItem("档案管理滞后", false, List.of(
										task("档案数字化OA系统未上线", TaskKind.CONCENTRATED, "academicAffairs", DemoAccounts.PRESIDENT,
												"吴九", TODAY.minusDays(1), "上线档案管理系统")))))));
		Long id = driver.register(feedback).getId();
		upload(evidence, driver.task(id, "1.1.1"), 2);
		upload(evidence, driver.task(id, "1.2.1"), 1);
		settle(tasks, id, "1.1.3", TaskStatus.COMPLETED);
		settle(tasks, id, "2.1.2", TaskStatus.LONG_TERM);
		settle(tasks, id, "2.1.3", TaskStatus.BASICALLY_COMPLETED);
		settle(tasks, id, "2.2.1", TaskStatus.COMPLETED);
		settle(tasks, id, "2.2.2", TaskStatus.LONG_TERM);
		settle(tasks, id, "2.3.1", TaskStatus.COMPLETED);
		RectificationTask flagged = tasks.findByInspectionIdAndCode(id, "1.2.2").orElseThrow();
		flagged.markOverdue();
		tasks.save(flagged);
		return id;
	}

	private static Feedback.TaskItem task(String title, TaskKind kind, String department, String leader, String person,
			LocalDate deadline, String measure) {
		return new Feedback.TaskItem(title, kind, leader, department, List.of(), person, deadline,
				List.of(measure, "落实整改措施并报送材料"), false);
	}

	private static void upload(EvidenceService evidence, RectificationTask task, int files) {
		for (int i = 1; i <= files; i++) {
			evidence.upload(task.getId(), new EvidenceService.Upload(task.getCode() + "-" + i + ".pdf", "application/pdf",
					("%PDF-1.4 evidence " + i).getBytes(StandardCharsets.UTF_8), "佐证"), "rectificationClerk");
		}
	}

	private static void settle(RectificationTaskRepository tasks, Long inspectionId, String code, TaskStatus outcome) {
		RectificationTask task = tasks.findByInspectionIdAndCode(inspectionId, code).orElseThrow();
		task.recordOutcome(outcome, Instant.now());
		tasks.save(task);
	}

}

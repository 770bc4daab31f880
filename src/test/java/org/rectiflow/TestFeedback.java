package org.rectiflow;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.Feedback;
import org.rectiflow.task.TaskKind;

/** Small, complete feedback for process tests: two problems, three tasks, two lead departments. */
public final class TestFeedback {

	public static final LocalDate DEADLINE = LocalDate.now().plusMonths(3);

	private TestFeedback() {
	}

	public static Feedback small(String title) {
		return small(title, "测试学院党委");
	}

	public static Feedback small(String title, String unitName) {
		return small(title, unitName, "logisticsDepartment", "financeDepartment");
	}

	/** As {@link #small(String, String)}, for a unit whose 后勤处 and 财务处 have these group ids. */
	public static Feedback small(String title, String unitName, String logistics, String finance) {
		return new Feedback(title, "省委教育工委第四巡察组", unitName, LocalDate.now().minusMonths(4),
				LocalDate.now().minusMonths(2), LocalDate.now().minusMonths(1), List.of("测试〔2026〕1号"), 3,
				"0731-00000000",
				List.of(new Feedback.Category("全面从严治党整体部署与推进不实", List.of(
						new Feedback.ProblemItem("宿舍日常维修不及时", false, List.of(
								task("宿舍日常维修不及时，学生意见大", logistics, DemoAccounts.VICE_PRESIDENT_LOGISTICS),
								task("学生食堂特色档口无准入规则", logistics, DemoAccounts.VICE_PRESIDENT_LOGISTICS))),
						new Feedback.ProblemItem("财务管理漏洞", false, List.of(
								task("未出台财务报账管理办法", finance, DemoAccounts.VICE_PRESIDENT_FINANCE)))))));
	}

	public static Feedback.TaskItem task(String title, String department, String leader) {
		return new Feedback.TaskItem(title, TaskKind.CONCENTRATED, leader, department, List.of(), "张三", DEADLINE,
				List.of("制定整改方案", "落实整改措施并报送材料"), false);
	}

}

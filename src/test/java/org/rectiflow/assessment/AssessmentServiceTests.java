package org.rectiflow.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectiflow.task.RectificationTaskProcess.*;

/**
 * The assessment of a small inspection driven through the real processes: one task late, criticised and returned,
 * one granted an extension, one on time.
 */
@SpringBootTest
@ActiveProfiles("test")
class AssessmentServiceTests {

	@Autowired
	ProcessDriver driver;

	@Autowired
	DeadlineService deadlines;

	@Autowired
	RectificationTaskRepository taskRepository;

	@Autowired
	AssessmentService assessments;

	Inspection inspection;

	@BeforeEach
	void driveThreeTasks() {
		this.inspection = this.driver.register(TestFeedback.small("考核测试"));
		this.driver.filePlan(this.inspection.getId());
		RectificationTask late = this.driver.task(this.inspection.getId(), "1.1.1");
		RectificationTask extended = this.driver.task(this.inspection.getId(), "1.1.2");

		// 1.1.1 (后勤处): ten days past its deadline, escalated, criticised after the grace period, then handed in and returned
		late.setDeadline(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10));
		this.taskRepository.save(late);
		this.driver.fireTimer(PROCESS_KEY, late.getId(), BOUNDARY_DEADLINE_PASSED);
		this.driver.fireTimer(PROCESS_KEY, late.getId(), TIMER_GRACE_EXPIRED);
		this.driver.complete(PROCESS_KEY, late.getId(), USER_TASK_DECIDE_CRITICISM, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_CRITICISM_DECISION, ISSUE, VAR_CRITICISM_REASON, "超过整改期限仍未报送整改材料"));
		this.driver.uploadEvidence(late);
		this.driver.complete(PROCESS_KEY, late.getId(), USER_TASK_SUBMIT_EVIDENCE, "logisticsDepartmentStaff",
				Map.of(VAR_PROGRESS_REPORT, "已维修"));
		this.driver.complete(PROCESS_KEY, late.getId(), USER_TASK_LEADER_REVIEW, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
				Map.of(VAR_LEADER_DECISION, RETURN, VAR_LEADER_REASON, "材料不全"));

		// 1.1.2 (后勤处): an extension approved, one refused
		this.deadlines.requestExtension(extended.getId(), extended.getDeadline().plusDays(30), "档口招标需要更长时间",
				"logisticsDepartmentStaff", List.of("logisticsDepartment"));
		this.deadlines.decideExtensionAs(extended.getId(), REFUSE, "须按期完成", DemoAccounts.VICE_PRESIDENT_LOGISTICS);
		this.deadlines.requestExtension(extended.getId(), extended.getDeadline().plusDays(10), "档口招标需要更长时间",
				"logisticsDepartmentStaff", List.of("logisticsDepartment"));
		this.deadlines.decideExtensionAs(extended.getId(), APPROVE, "", DemoAccounts.VICE_PRESIDENT_LOGISTICS);

		// 1.2.1 (财务处): closed off on time
		this.driver.settle(this.driver.task(this.inspection.getId(), "1.2.1"), "COMPLETED");
	}

	@Test
	void shouldRankDepartmentsByNoticesAndLatenessWithWhatTheyDid() {
		Assessment a = this.assessments.of(this.inspection.getId());

		assertThat(a.departments()).extracting(Assessment.DepartmentRow::department)
			.containsExactly("logisticsDepartment", "financeDepartment");
		Assessment.DepartmentRow logistics = a.departments().get(0);
		assertThat(logistics.tasks()).isEqualTo(2);
		assertThat(logistics.settled()).isZero();
		assertThat(logistics.overdueTasks()).isEqualTo(1);
		assertThat(logistics.overdueDays()).isEqualTo(10);
		assertThat(logistics.returns()).isEqualTo(1);
		assertThat(logistics.extensionsRequested()).isEqualTo(2);
		assertThat(logistics.extensionsApproved()).isEqualTo(1);
		assertThat(logistics.notices()).isEqualTo(1);
		assertThat(logistics.personsCriticised()).containsExactly("张三");

		Assessment.DepartmentRow finance = a.departments().get(1);
		assertThat(finance.tasks()).isEqualTo(1);
		assertThat(finance.settled()).isEqualTo(1);
		assertThat(finance.overdueTasks()).isZero();
		assertThat(finance.notices()).isZero();

		assertThat(a.total().tasks()).isEqualTo(3);
		assertThat(a.total().notices()).isEqualTo(1);
		assertThat(a.notices()).singleElement().satisfies((n) -> {
			assertThat(n.taskCode()).isEqualTo("1.1.1");
			assertThat(n.kind()).isEqualTo("OVERDUE");
			assertThat(n.departmentName()).isEqualTo("后勤处");
			assertThat(n.reason()).isEqualTo("超过整改期限仍未报送整改材料");
		});
	}

}

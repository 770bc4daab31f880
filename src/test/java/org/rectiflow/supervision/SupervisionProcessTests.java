package org.rectiflow.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.system.RectiflowException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.rectiflow.supervision.SupervisionProcess.*;

/** One method per path through {@code processes/supervision.bpmn}. */
@SpringBootTest
@ActiveProfiles("test")
class SupervisionProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	SupervisionService supervision;

	Long id;

	@BeforeEach
	void fileThePlan() {
		init(this.engine);
		this.id = this.driver.register(TestFeedback.small("督查流程测试")).getId();
		this.driver.filePlan(this.id);
	}

	ProcessInstance instance() {
		return this.driver.instance(PROCESS_KEY, this.id);
	}

	@Test
	void shouldRunSelfCheckOnSiteVisitsAndSummary() {
		ProcessInstance instance = instance();
		List<Task> selfChecks = this.driver.open(PROCESS_KEY, this.id, USER_TASK_SELF_CHECK);
		assertThat(selfChecks).hasSize(2);
		for (Task t : selfChecks) {
			this.driver.completeAsDepartment(t, Map.of(VAR_SELF_CHECK_REPORT, "对照任务清单逐项自查，已落实"));
		}
		visit("logisticsDepartment", true);
		visit("financeDepartment", false);
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_SUPERVISION_SUMMARY, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_SUPERVISION_SUMMARY, "自查、现场督查、总结三个阶段全部完成"));

		assertThat(instance).hasPassedInOrder(SERVICE_TASK_PREPARE_SELF_CHECK, USER_TASK_SELF_CHECK,
				USER_TASK_RECORD_ON_SITE_VISIT, USER_TASK_SUPERVISION_SUMMARY, END_SUPERVISION_COMPLETED);
		assertThat(instance).isEnded();
		assertThat(this.supervision.recordsOf(this.id)).extracting(SupervisionRecord::getStage)
			.containsExactly(SupervisionStage.SELF_CHECK, SupervisionStage.SELF_CHECK, SupervisionStage.ON_SITE,
					SupervisionStage.ON_SITE, SupervisionStage.SUMMARY);
		assertThat(this.supervision.recordsOf(this.id)).filteredOn((r) -> r.getStage() == SupervisionStage.SELF_CHECK)
			.extracting(SupervisionRecord::getDepartment)
			.containsExactlyInAnyOrder("logisticsDepartment", "financeDepartment");
	}

	@Test
	void shouldIssueCriticismNoticeAtAnyStage() {
		CriticismNotice notice = this.supervision.issueCriticism(this.id, "logisticsDepartment", null,
				"整改进度缓慢，逾期未报送材料", DemoAccounts.DISCIPLINE_SECRETARY);

		assertThat(instance()).hasPassed(SERVICE_TASK_RECORD_CRITICISM_NOTICE);
		assertThat(instance()).isWaitingAt(USER_TASK_SELF_CHECK);
		assertThat(this.supervision.criticismsOf(this.id)).singleElement().satisfies((n) -> {
			assertThat(n.getId()).isEqualTo(notice.getId());
			assertThat(n.isPublished()).isTrue();
		});
	}

	@Test
	void shouldRefuseCriticismOnceSupervisionIsOver() {
		for (Task t : this.driver.open(PROCESS_KEY, this.id, USER_TASK_SELF_CHECK)) {
			this.driver.completeAsDepartment(t, Map.of(VAR_SELF_CHECK_REPORT, "已自查"));
		}
		visit("logisticsDepartment", false);
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_SUPERVISION_SUMMARY, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_SUPERVISION_SUMMARY, "督查完毕"));

		assertThatThrownBy(() -> this.supervision.issueCriticism(this.id, "logisticsDepartment", null, "敷衍整改",
				DemoAccounts.DISCIPLINE_SECRETARY))
			.isInstanceOf(RectiflowException.Conflict.class);
		assertThat(this.supervision.criticismsOf(this.id)).isEmpty();
	}

	@Test
	void shouldRefuseVisitDatedInTheFuture() {
		for (Task t : this.driver.open(PROCESS_KEY, this.id, USER_TASK_SELF_CHECK)) {
			this.driver.completeAsDepartment(t, Map.of(VAR_SELF_CHECK_REPORT, "已自查"));
		}
		Task visit = this.driver.one(PROCESS_KEY, this.id, USER_TASK_RECORD_ON_SITE_VISIT);

		assertThatThrownBy(() -> this.driver.complete(visit, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_VISIT_DEPARTMENT, "logisticsDepartment", VAR_VISIT_DATE, LocalDate.now().plusDays(3).toString(),
						VAR_VISIT_RECORD, "查阅台账", VAR_MORE_VISITS, false)))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("不能晚于今天");
	}

	private void visit(String department, boolean more) {
		this.driver.complete(PROCESS_KEY, this.id, USER_TASK_RECORD_ON_SITE_VISIT, DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(VAR_VISIT_DEPARTMENT, department, VAR_VISIT_DATE, LocalDate.now().toString(), VAR_VISIT_RECORD,
						"查阅台账和佐证材料，现场核实", VAR_MORE_VISITS, more));
	}

}

package org.rectiflow.commonproblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.CrossUnits;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.notification.Inbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.rectiflow.commonproblem.CommonProblemNoticeProcess.*;

/** One method per path through {@code processes/common-problem-notice.bpmn}, for a unit of the test's own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommonProblemNoticeProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessDriver driver;

	@Autowired
	CrossUnits crossUnits;

	@Autowired
	CommonProblemService service;

	@Autowired
	CommonProblemAnswerRepository answers;

	@Autowired
	Inbox inbox;

	String unit;

	String officer;

	Long answerId;

	@BeforeAll
	void aUnitWithItsRectificationOffice() {
		this.unit = this.crossUnits.unit("举一反三流程测试单位");
		this.officer = this.crossUnits.person(this.unit, Groups.RECTIFICATION_OFFICE);
	}

	@AfterAll
	void removeThePeople() {
		this.crossUnits.removePeople();
	}

	@BeforeEach
	void sendTheNotice() {
		init(this.engine);
		CommonProblemNotice notice = this.service.send(new CommonProblemService.Draft("关于食堂准入规则缺失问题的举一反三通知",
				null, "某学院学生食堂特色档口无准入规则，经营者资质审核不严", "对照检查本单位食堂、超市等经营场所的准入管理", List.of(this.unit),
				LocalDate.now().plusDays(10).toString()), DemoAccounts.INSPECTOR);
		this.answerId = this.answers.findByNoticeId(notice.getId()).get(0).getId();
	}

	ProcessInstance instance() {
		return this.driver.instance(PROCESS_KEY, this.answerId);
	}

	@Test
	void shouldRunInTheUnitsTenantAndEndWhenTheAnswerIsAccepted() {
		ProcessInstance instance = instance();
		assertThat(instance.getTenantId()).isEqualTo(this.unit);
		Task step = this.driver.one(PROCESS_KEY, this.answerId, USER_TASK_ANSWER_SELF_CHECK);
		assertThat(step.getTenantId()).isEqualTo(this.unit);
		assertThat(this.engine.getTaskService().getIdentityLinksForTask(step.getId()))
			.anySatisfy((l) -> assertThat(l.getGroupId()).isEqualTo(Groups.RECTIFICATION_OFFICE));

		answer("部分存在：学校超市准入审核材料不全");
		this.driver.complete(PROCESS_KEY, this.answerId, USER_TASK_REVIEW_ANSWER, DemoAccounts.INSPECTOR,
				Map.of(VAR_ANSWER_DECISION, ACCEPT, VAR_ANSWER_RETURN_REASON, ""));

		assertThat(instance).hasPassedInOrder(START_NOTICE_RECEIVED, USER_TASK_ANSWER_SELF_CHECK, USER_TASK_REVIEW_ANSWER,
				END_ANSWER_ACCEPTED);
		assertThat(instance).isEnded();
		CommonProblemAnswer answer = this.answers.findById(this.answerId).orElseThrow();
		assertThat(answer.getStatus()).isEqualTo(AnswerStatus.ACCEPTED);
		assertThat(answer.getSameProblem()).isEqualTo("partly");
		assertThat(answer.getFinding()).isEqualTo("部分存在：学校超市准入审核材料不全");
		assertThat(answer.getAnsweredBy()).isEqualTo(this.officer);
		assertThat(answer.getReviewedBy()).isEqualTo(DemoAccounts.INSPECTOR);
		assertThat(answer.isOverdue()).isFalse();
	}

	@Test
	void shouldSendAnInsufficientAnswerBackWithTheReasonAndLoop() {
		answer("已自查，未发现问题，无需整改");
		this.driver.complete(PROCESS_KEY, this.answerId, USER_TASK_REVIEW_ANSWER, DemoAccounts.INSPECTOR,
				Map.of(VAR_ANSWER_DECISION, RETURN, VAR_ANSWER_RETURN_REASON, "自查范围未覆盖二级学院食堂，请补充"));

		assertThat(instance()).isWaitingAt(USER_TASK_ANSWER_SELF_CHECK);
		CommonProblemAnswer returned = this.answers.findById(this.answerId).orElseThrow();
		assertThat(returned.getStatus()).isEqualTo(AnswerStatus.WAITING);
		assertThat(returned.getReturnCount()).isEqualTo(1);
		assertThat(returned.getReturnReason()).isEqualTo("自查范围未覆盖二级学院食堂，请补充");
		assertThat(this.engine.getRuntimeService().getVariable(instance().getId(), VAR_ANSWER_RETURN_REASON))
			.as("the answer form shows the reason")
			.isEqualTo("自查范围未覆盖二级学院食堂，请补充");
		assertThat(this.inbox.entries(this.officer)).anySatisfy((e) -> assertThat(e.subject()).contains("被退回"));

		answer("补充自查二级学院食堂两处，均已建立准入制度");
		this.driver.complete(PROCESS_KEY, this.answerId, USER_TASK_REVIEW_ANSWER, DemoAccounts.INSPECTOR,
				Map.of(VAR_ANSWER_DECISION, ACCEPT, VAR_ANSWER_RETURN_REASON, ""));
		assertThat(instance()).isNull();
		assertThat(this.answers.findById(this.answerId).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ACCEPTED);
	}

	@Test
	void shouldRefuseAReturnWithoutReason() {
		answer("已自查，未发现同类问题");
		Task review = this.driver.one(PROCESS_KEY, this.answerId, USER_TASK_REVIEW_ANSWER);

		assertThatThrownBy(() -> this.driver.complete(review, DemoAccounts.INSPECTOR,
				Map.of(VAR_ANSWER_DECISION, RETURN, VAR_ANSWER_RETURN_REASON, " ")))
			.isInstanceOf(NotValidException.class);
		assertThat(instance()).isWaitingAt(USER_TASK_REVIEW_ANSWER);
	}

	@Test
	void shouldMarkTheAnswerOverdueAtTheDeadlineAndKeepItOpen() {
		this.driver.fireTimer(PROCESS_KEY, this.answerId, BOUNDARY_ANSWER_DEADLINE_PASSED);

		assertThat(instance()).hasPassed(SERVICE_TASK_MARK_ANSWER_OVERDUE, END_ANSWER_OVERDUE_NOTIFIED);
		assertThat(instance()).isWaitingAt(USER_TASK_ANSWER_SELF_CHECK);
		assertThat(this.answers.findById(this.answerId).orElseThrow().isOverdue()).isTrue();
		assertThat(this.inbox.entries(this.officer)).anySatisfy((e) -> assertThat(e.subject()).contains("逾期未报"));
		assertThat(this.inbox.entries(DemoAccounts.INSPECTOR))
			.anySatisfy((e) -> assertThat(e.subject()).contains("逾期未报"));

		answer("逾期后补报：已自查，未发现同类问题");
		this.driver.complete(PROCESS_KEY, this.answerId, USER_TASK_REVIEW_ANSWER, DemoAccounts.INSPECTOR,
				Map.of(VAR_ANSWER_DECISION, ACCEPT, VAR_ANSWER_RETURN_REASON, ""));
		assertThat(instance()).isNull();
		assertThat(this.answers.findById(this.answerId).orElseThrow().isOverdue()).isTrue();
	}

	@Test
	void shouldRefuseAnAnswerWithoutFinding() {
		Task step = this.driver.one(PROCESS_KEY, this.answerId, USER_TASK_ANSWER_SELF_CHECK);

		assertThatThrownBy(() -> this.driver.complete(step, this.officer, Map.of(VAR_SAME_PROBLEM, "no",
				VAR_SELF_CHECK_FINDING, "", VAR_SELF_CHECK_MEASURES, "建立准入制度")))
			.isInstanceOf(NotValidException.class)
			.hasMessageContaining("自查发现");
		assertThat(instance()).isWaitingAt(USER_TASK_ANSWER_SELF_CHECK);
	}

	private void answer(String finding) {
		this.driver.complete(PROCESS_KEY, this.answerId, USER_TASK_ANSWER_SELF_CHECK, this.officer,
				Map.of(VAR_SAME_PROBLEM, "partly", VAR_SELF_CHECK_FINDING, finding, VAR_SELF_CHECK_MEASURES,
						"建立经营场所准入审核制度，逐户复核资质"));
	}

}

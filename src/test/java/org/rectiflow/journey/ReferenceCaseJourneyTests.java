package org.rectiflow.journey;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference case (Hunan, 14 problems) from feedback to closure, driven over HTTP only, each step by the person
 * whose job it is: the rectification office, the leaders, the Party committee, the inspection office, the
 * departments and the discipline committee. The report lists 13 problems (its count sentence says 14, one problem
 * is not described); the computed outcome must match what it lists: all completed but the one with the long-term task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReferenceCaseJourneyTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	RestActor as(String userId) {
		return new RestActor(this.http, userId, DemoAccounts.PASSWORD);
	}

	@Test
	void shouldDriveTheReferenceCaseFromFeedbackToClosureOverHttp() throws Exception {
		RestActor office = as(DemoAccounts.RECTIFICATION_CLERK);

		// Feedback registered from the published text: 4 categories, the 13 problems it lists, 65 quoted tasks.
		ResponseEntity<JsonNode> registered = office.postText("/api/inspections/import", seed());
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long id = registered.getBody().get("inspectionId").asLong();
		JsonNode ledger = office.get("/api/inspections/" + id);
		assertThat(ledger.get("categories")).hasSize(4);
		assertThat(ledger.at("/problemCounts/total").asInt()).isEqualTo(13);
		assertThat(ledger.at("/taskCounts/total").asInt()).isEqualTo(65);

		// Plan: drafted, consulted on by every leader, approved by the committee, filed with the inspection office.
		office.completeOk(id, RectificationProcess.USER_TASK_DRAFT_PLAN,
				Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "照单全收，按三个清单细化为65项任务，明确责任领导、牵头部门和期限。"));
		for (DemoAccounts.Account leader : DemoAccounts.LEADERSHIP) {
			RestActor person = as(leader.id());
			List<JsonNode> mine = person.myTasks(id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS);
			assertThat(mine).as("opinion task of %s", leader.id()).hasSize(1);
			assertThat(person.complete(mine.get(0), Map.of(RectificationProcess.VAR_OPINION, "同意，建议按时间节点倒排工期。"))
				.getStatusCode()
				.is2xxSuccessful()).isTrue();
		}
		assertThat(office.get("/api/inspections/" + id + "/plan-opinions")).hasSize(DemoAccounts.LEADERSHIP.size());
		as(DemoAccounts.SECRETARY).completeOk(id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		as(DemoAccounts.INSPECTOR).completeOk(id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
				Map.of(RectificationProcess.VAR_FILING_DECISION, RectificationProcess.ACCEPT));
		// The tasks start in a job after the office's click (the test profile runs jobs by hand).
		this.driver.launch(id);

		// The discipline committee criticises a slow department while supervision runs.
		ResponseEntity<JsonNode> criticism = as(DemoAccounts.DISCIPLINE_SECRETARY).post(
				"/api/inspections/" + id + "/criticism-notices",
				Map.of("targetDepartment", "logisticsDepartment", "reason", "宿舍维修整改进度缓慢"));
		assertThat(criticism.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		// Every task: the department submits with evidence, the leader accepts, discipline signs off, office closes off.
		List<JsonNode> tasks = new ArrayList<>();
		office.get("/api/inspections/" + id).at("/categories").forEach((c) -> c.get("problems")
			.forEach((p) -> p.get("tasks").forEach(tasks::add)));
		for (JsonNode task : tasks) {
			carryOut(task, "LONG_TERM".equals(task.get("kind").asText()) ? "LONG_TERM" : "COMPLETED");
		}

		// Supervision: every lead department's clerk finds and answers its own self-check, then the visit and summary.
		int selfChecks = 0;
		for (Department d : Department.values()) {
			RestActor clerk = as(DemoAccounts.staffOf(d));
			for (JsonNode selfCheck : clerk.tasks(id, SupervisionProcess.USER_TASK_SELF_CHECK)) {
				assertThat(clerk.complete(selfCheck, Map.of(SupervisionProcess.VAR_SELF_CHECK_REPORT, "对照任务清单逐项自查，均已落实。"))
					.getStatusCode()
					.is2xxSuccessful()).isTrue();
				selfChecks++;
			}
		}
		assertThat(selfChecks).isEqualTo(office.get("/api/inspections/" + id + "/responsibilities").size());
		RestActor discipline = as(DemoAccounts.DISCIPLINE_OFFICER);
		discipline.completeOk(id, SupervisionProcess.USER_TASK_RECORD_ON_SITE_VISIT,
				Map.of(SupervisionProcess.VAR_VISIT_DEPARTMENT, "logisticsDepartment", SupervisionProcess.VAR_VISIT_DATE,
						LocalDate.now().toString(), SupervisionProcess.VAR_VISIT_RECORD, "查阅维修台账，抽查宿舍10间。",
						SupervisionProcess.VAR_MORE_VISITS, false));
		discipline.completeOk(id, SupervisionProcess.USER_TASK_SUPERVISION_SUMMARY,
				Map.of(SupervisionProcess.VAR_SUPERVISION_SUMMARY, "自查、现场督查、总结三个阶段均已完成。"));

		// Report: drafted, approved by the committee, accepted by the inspection office, published.
		office.completeOk(id, RectificationProcess.USER_TASK_DRAFT_SUMMARY_REPORT,
				Map.of(RectificationProcess.VAR_SUMMARY_REPORT, "学校党委扛牢责任抓整改，集中整改期内完成了巡察反馈问题的整改。"));
		as(DemoAccounts.SECRETARY).completeOk(id, RectificationProcess.USER_TASK_REVIEW_COMPLETION,
				Map.of(RectificationProcess.VAR_COMPLETION_DECISION, RectificationProcess.APPROVE));
		as(DemoAccounts.INSPECTOR).completeOk(id, RectificationProcess.USER_TASK_REVIEW_REPORT,
				Map.of(RectificationProcess.VAR_REVIEW_DECISION, RectificationProcess.ACCEPT,
						RectificationProcess.VAR_REVIEW_OPINION, "整改工作扎实，同意。"));
		office.completeOk(id, RectificationProcess.USER_TASK_PUBLISH_PUBLIC_REPORT,
				Map.of(RectificationProcess.VAR_CONTACT_LINE, "0731-84033328",
						RectificationProcess.VAR_PUBLIC_REPORT_CONFIRMED, true));
		as(DemoAccounts.SECRETARY).completeOk(id, RectificationProcess.USER_TASK_APPROVE_PUBLICATION,
				Map.of(RectificationProcess.VAR_PUBLICATION_DECISION, RectificationProcess.APPROVE));

		// The counts are computed: every listed problem completed but (四)1, basically completed by its long-term task.
		JsonNode closed = office.get("/api/inspections/" + id);
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.at("/problemCounts/completed").asInt()).isEqualTo(12);
		assertThat(closed.at("/problemCounts/basicallyCompleted").asInt()).isEqualTo(1);
		assertThat(closed.at("/problemCounts/notCompleted").asInt()).isZero();
		assertThat(closed.at("/taskCounts/completed").asInt()).isEqualTo(64);
		assertThat(closed.at("/taskCounts/longTerm").asInt()).isEqualTo(1);
		String published = office.get("/api/inspections/" + id + "/reports/public").get("content").asText();
		assertThat(published).contains("巡察反馈的13个具体问题，已完成整改12个，基本完成整改1个，未完成整改0个，长期整改0个；13个具体问题共细化为65项任务，已完成整改64项，基本完成整改0项，未完成整改0项，长期整改1项")
			.contains("针对“宿舍日常维修不及时，学生意见大”细化任务")
			.contains("联系电话：0731-84033328");
		assertThat(office.get("/api/inspections/" + id + "/criticism-notices").get(0).get("published").asBoolean()).isTrue();
		assertThat(office.get("/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey="
				+ RectificationProcess.PROCESS_KEY).get(0).get("ended").asBoolean()).isFalse();
	}

	@Test
	void shouldRequireSignInAndAnswerBadInputInChinese() {
		assertThat(this.http.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.getForEntity("/api/inspections", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<String> wrong = this.http.withBasicAuth("nobody", "wrong")
			.getForEntity("/engine-rest/task/count", String.class);
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrong.getBody()).contains("用户名或密码错误");
		ResponseEntity<JsonNode> broken = as(DemoAccounts.RECTIFICATION_CLERK).postText("/api/inspections/import",
				"这不是一份巡察报告");
		assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(broken.getBody().get("detail").asText()).contains("无法识别的报告格式");
		ResponseEntity<JsonNode> forbidden = as(DemoAccounts.INSPECTOR).postText("/api/inspections/import", "x");
		assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldKeepEachRoleToItsOwnWork() {
		Long id = this.driver.register(TestFeedback.small("权限测试", "权限测试学院党委")).getId();
		this.driver.complete(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_DRAFT_PLAN,
				DemoAccounts.RECTIFICATION_CLERK, Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "按三个清单细化整改任务"));
		for (Task t : this.driver.open(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意"));
		}
		String approval = this.driver.one(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL).getId();
		RestActor clerk = as("logisticsDepartmentStaff");

		assertThat(clerk.tasks(id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL)).isEmpty();
		assertThat(clerk.post("/engine-rest/task/" + approval + "/claim", Map.of("userId", clerk.userId)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as(DemoAccounts.SECRETARY).tasks(id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL)).hasSize(1);
	}

	private void carryOut(JsonNode task, String outcome) {
		long taskId = task.get("id").asLong();
		RestActor department = as(DemoAccounts.staffOf(Department.byGroupId(task.get("leadDepartment").asText()).orElseThrow()));
		ResponseEntity<JsonNode> uploaded = department.upload(taskId, task.get("code").asText() + "-佐证.pdf", "application/pdf",
				("%PDF-1.4 " + task.get("title").asText()).getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.getStatusCode()).as("upload %s: %s", taskId, uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
		department.completeOk(taskId, RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE,
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按整改措施逐项落实。"));
		as(task.get("responsibleLeader").asText()).completeOk(taskId, RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
		as(DemoAccounts.DISCIPLINE_OFFICER).completeOk(taskId, RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION,
				Map.of(RectificationTaskProcess.VAR_SUPERVISION_DECISION, RectificationTaskProcess.ACCEPT,
						RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, "现场核查，措施落实到位。"));
		as(DemoAccounts.RECTIFICATION_CLERK).completeOk(taskId, RectificationTaskProcess.USER_TASK_CLOSE_OFF,
				Map.of(RectificationTaskProcess.VAR_OUTCOME, outcome));
	}

	private static String seed() throws Exception {
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

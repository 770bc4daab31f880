package org.rectiflow.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.supervision.SignOff;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members of the discipline committee sign off the same task at the same moment: one succeeds, the other is told
 * in Chinese that someone else has done it (409 over the engine's REST API, a conflict in the portal), and the task
 * moves on once with one record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentCompletionTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	SupervisionService supervision;

	@Autowired
	HistoryService history;

	@Test
	void twoSignOffsFromThePortalAtOnceMakeOneRecord() throws Exception {
		RectificationTask task = atOnSiteSupervision("并发测试：门户签字");
		CyclicBarrier together = new CyclicBarrier(2);
		List<Callable<String>> both = new ArrayList<>();
		for (String member : List.of(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.DISCIPLINE_SECRETARY)) {
			both.add(() -> {
				together.await();
				try {
					this.supervision.signOff(task.getId(), new SignOff(LocalDate.now(), "后勤处", member, "宿舍维修台账",
							"措施落实到位", SignOff.PASS), member);
					return "ok";
				}
				catch (RectiflowException.Conflict ex) {
					return ex.getMessageKey();
				}
			});
		}
		List<String> outcomes = run(both);

		assertThat(outcomes).containsOnlyOnce("ok");
		assertThat(outcomes).as("outcomes %s", outcomes).filteredOn((o) -> !"ok".equals(o)).singleElement().asString().startsWith("error.");
		assertThat(this.supervision.recordsOfTask(task.getId())).hasSize(1);
		assertThat(this.history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(task.getId()))
			.taskDefinitionKey(RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION)
			.finished()
			.count()).isOne();
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_CLOSE_OFF)).hasSize(1);
	}

	@Test
	void twoCompletionsOverTheEngineRestApiAtOnceGiveOneSuccessAndA409InChinese() throws Exception {
		RectificationTask task = atOnSiteSupervision("并发测试：接口签字");
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION);
		String body = "{\"variables\":{\"supervisionDecision\":{\"value\":\"accept\"},"
				+ "\"supervisionFindings\":{\"value\":\"措施落实到位\"}}}";
		CyclicBarrier together = new CyclicBarrier(2);
		List<Callable<HttpResponse<String>>> both = new ArrayList<>();
		for (String member : List.of(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.DISCIPLINE_SECRETARY)) {
			both.add(() -> {
				together.await();
				return HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/engine-rest/task/"
							+ step.getId() + "/complete"))
						.header("Authorization", basic(member))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
			});
		}
		List<HttpResponse<String>> responses = run(both);

		assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
		HttpResponse<String> refused = responses.stream().filter((r) -> r.statusCode() == 409).findFirst().orElseThrow();
		assertThat(refused.body()).contains("已被他人办理");
		assertThat(this.supervision.recordsOfTask(task.getId())).hasSize(1);
		assertThat(this.driver.open(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_CLOSE_OFF)).hasSize(1);
	}

	private RectificationTask atOnSiteSupervision(String title) {
		Long id = this.driver.register(TestFeedback.small(title)).getId();
		this.driver.filePlan(id);
		RectificationTask task = this.driver.task(id, "1.1.1");
		this.driver.uploadEvidence(task);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, "logisticsDepartmentStaff",
				Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已集中维修宿舍200余间"));
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_LEADER_REVIEW, task.getResponsibleLeader(),
				Map.of(RectificationTaskProcess.VAR_LEADER_DECISION, RectificationTaskProcess.ACCEPT));
		return task;
	}

	private static <T> List<T> run(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> f : pool.invokeAll(calls)) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}

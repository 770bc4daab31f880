package org.rectiflow.step;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.unit.SecondUnit;
import org.rectiflow.web.PortalLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing leads to a refusal (issue 20): signed in as each demo role, a crawler over real HTTP follows every same-site
 * link of the navigation and of the pages reached from the home page, to a bounded depth, and no link answers 403 or
 * 404 (nor 5xx). Links of the same shape (ids replaced, the query's parameter names only) are tried a few times each,
 * so the crawl stays short however much data the shared database holds. The language switch is not followed (it
 * changes the session's language), nor are the generated documents (PDF, Word, Excel: their rights are the pages').
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoRefusalCrawlTests {

	static final int DEPTH = 3;

	static final int PER_SHAPE = 1;

	static final int MAX_REQUESTS = 120;

	static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"");

	static final List<String> ROLES = List.of(DemoAccounts.SECRETARY, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
			DemoAccounts.VICE_PRESIDENT_FINANCE, DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.RECTIFICATION_CLERK,
			"logisticsDepartmentStaff", "financeDepartmentStaff", DemoAccounts.INSPECTOR, DemoAccounts.ADMIN,
			SecondUnit.CLERK);

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	SecondUnit second;

	@BeforeAll
	void toDosOfEveryKind() {
		this.second.inspection();
		// A plan at the committee, a task at the leader's review, one at close-off: each role has to-dos to follow.
		Long planned = this.driver.register(TestFeedback.small("无拒绝爬取测试·方案")).getId();
		this.driver.complete(org.rectiflow.plan.RectificationProcess.PROCESS_KEY, planned,
				org.rectiflow.plan.RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				java.util.Map.of("planSummary", "按照三个清单逐项细化整改任务"));
		Long inspection = this.driver.register(TestFeedback.small("无拒绝爬取测试")).getId();
		this.driver.filePlan(inspection);
		RectificationTask review = this.driver.task(inspection, "1.1.1");
		this.driver.uploadEvidence(review);
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, review.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE, "logisticsDepartmentStaff",
				java.util.Map.of(RectificationTaskProcess.VAR_PROGRESS_REPORT, "已按措施完成整改并上传佐证材料"));
	}

	@TestFactory
	Stream<DynamicTest> noLinkAnswersARefusal() {
		return ROLES.stream().map((role) -> DynamicTest.dynamicTest(role, () -> crawl(role)));
	}

	/** A real 403 page: "无权访问", with the navigation, in the person's language. */
	@Test
	void aRefusalIsAnAccessDeniedPageWithTheNavigation() throws Exception {
		HttpClient department = PortalLogin.signIn(this.port, "logisticsDepartmentStaff", DemoAccounts.PASSWORD);
		HttpResponse<String> refused = department.send(page("/audit"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("无权访问", "<nav>", "href=\"/inbox\"", "返回首页")
			.doesNotContain("请求有误", "Forbidden", "流程监控");
		HttpResponse<String> english = department.send(
				page("/audit?lang=en"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(english.body()).contains("Access denied");
	}

	private void crawl(String role) throws Exception {
		HttpClient session = PortalLogin.signIn(this.port, role, DemoAccounts.PASSWORD);
		Map<String, Integer> shapes = new HashMap<>();
		Set<String> seen = new HashSet<>();
		Deque<String[]> queue = new ArrayDeque<>();
		queue.add(new String[] { "/", "0", "(start)" });
		seen.add("/");
		List<String> refusals = new ArrayList<>();
		int requests = 0;
		while (!queue.isEmpty() && requests < MAX_REQUESTS) {
			String[] next = queue.poll();
			String path = next[0];
			int depth = Integer.parseInt(next[1]);
			HttpResponse<String> answer = session.send(
					page(path),
					HttpResponse.BodyHandlers.ofString());
			requests++;
			int status = answer.statusCode();
			if (status == 403 || status == 404 || status >= 500) {
				refusals.add(status + " " + path + " (linked from " + next[2] + ")");
				continue;
			}
			if (status == 302 || status == 301) {
				String location = answer.headers().firstValue("Location").orElse("");
				String local = local(location);
				assertThat(local).as("%s: %s redirects within the site", role, path).isNotNull();
				assertThat(local).as("%s: %s does not send to the login", role, path).doesNotStartWith("/login");
				if (seen.add(local)) {
					queue.add(new String[] { local, String.valueOf(depth), path });
				}
				continue;
			}
			if (depth >= DEPTH || path.startsWith("/camunda/")
					|| !answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				continue;
			}
			Matcher href = HREF.matcher(answer.body());
			while (href.find()) {
				String link = local(href.group(1).replace("&amp;", "&"));
				if (link == null || link.contains("lang=") || link.matches(".*\\.(pdf|docx|xlsx)(\\?.*)?$")
						|| !seen.add(link)) {
					continue;
				}
				String shape = shape(link);
				if (shapes.merge(shape, 1, Integer::sum) > PER_SHAPE) {
					continue;
				}
				queue.add(new String[] { link, String.valueOf(depth + 1), path });
			}
		}
		assertThat(refusals).as("links answering a refusal for %s (%d requests)", role, requests).isEmpty();
	}

	/** A GET as a browser sends it, asking for a page (else Spring's error answers come as JSON). */
	private HttpRequest page(String path) {
		return HttpRequest.newBuilder(PortalLogin.uri(this.port, path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.GET()
			.build();
	}

	/** A same-site path with its query, without the fragment; null for anything else. */
	private String local(String link) {
		if (link.isEmpty() || link.startsWith("#") || link.startsWith("mailto:") || link.startsWith("javascript:")) {
			return null;
		}
		URI uri = URI.create("http://localhost:" + this.port + "/").resolve(link.replace(" ", "%20"));
		if (!"localhost".equals(uri.getHost()) || uri.getPort() != this.port) {
			return null;
		}
		String path = uri.getRawPath();
		return (uri.getRawQuery() == null) ? path : path + "?" + uri.getRawQuery();
	}

	/** The link with every number replaced and only the names of its query's parameters. */
	private static String shape(String link) {
		int q = link.indexOf('?');
		String path = ((q < 0) ? link : link.substring(0, q)).replaceAll("/\\d+", "/{n}").replaceAll("/[0-9a-f-]{16,}", "/{id}");
		Set<String> names = new TreeSet<>();
		if (q >= 0) {
			for (String pair : link.substring(q + 1).split("&")) {
				names.add(pair.split("=", 2)[0]);
			}
		}
		return path + names;
	}

}

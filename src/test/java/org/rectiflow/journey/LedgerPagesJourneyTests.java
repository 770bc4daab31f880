package org.rectiflow.journey;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.ledger.LedgerFixture;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectification office opens the three lists of an inspection in the running application, signed in through our
 * login form (with its CSRF token and the session cookie, as a browser does), and follows the links people follow:
 * a problem to its tasks, a department to its overdue tasks, a filtered list to its second page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerPagesJourneyTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskRepository tasks;

	@Autowired
	EvidenceService evidence;

	Long id;

	HttpClient browser;

	@BeforeAll
	void signIn() throws Exception {
		this.id = LedgerFixture.register(this.driver, this.tasks, this.evidence);
		this.browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Matcher token = CSRF.matcher(get("/login").body());
		assertThat(token.find()).as("CSRF token on the login form").isTrue();
		String form = "username=" + DemoAccounts.RECTIFICATION_CLERK + "&password=" + DemoAccounts.PASSWORD + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = this.browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	@Test
	void shouldFollowAProblemToItsTasks() throws Exception {
		String problems = page("/inspections/" + this.id);
		assertThat(problems).contains("问题清单", "宿舍维修和食堂管理不到位", "财务管理漏洞", "上轮巡察问题");

		Matcher link = Pattern.compile("href=\"(/inspections/" + this.id + "/tasks\\?problem=\\d+)\">宿舍维修和食堂管理不到位<")
			.matcher(problems);
		assertThat(link.find()).as("the problem links to its tasks").isTrue();
		String tasks = page(link.group(1));
		assertThat(tasks).contains("任务清单", "共 3 项", "宿舍日常维修不及时", "食堂特色档口无准入规则", "宿舍安全巡查不经常",
				"<span class=\"light RED\"", "<span class=\"light YELLOW\"", "吴副校长", "后勤处")
			.doesNotContain("财务报账");
	}

	@Test
	void shouldFilterSortAndPageTheTaskList() throws Exception {
		String overdue = page("/inspections/" + this.id + "/tasks?overdue=true&sort=deadline&dir=desc");
		assertThat(overdue).contains("共 2 项");
		assertThat(overdue.indexOf("票据管理不规范")).as("later deadline first").isLessThan(overdue.indexOf("宿舍日常维修不及时"));

		String first = page("/inspections/" + this.id + "/tasks?status=NOT_COMPLETED&size=2");
		assertThat(first).contains("共 5 项", "第 1 / 3 页");
		Matcher next = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(first);
		assertThat(next.find()).isTrue();
		String second = page(next.group(1).replace("&amp;", "&"));
		assertThat(second).contains("共 5 项", "第 2 / 3 页", "未出台财务报账管理办法", "票据管理不规范")
			.doesNotContain("宿舍日常维修不及时");

		String searched = page("/inspections/" + this.id + "/tasks?q=" + URLEncoder.encode("维修台账", StandardCharsets.UTF_8));
		assertThat(searched).contains("共 1 项", "宿舍日常维修不及时");
	}

	@Test
	void shouldAnswerBadParametersWithANoticeNotAnError() throws Exception {
		String body = page("/inspections/" + this.id + "/tasks?status=EVIL&page=-1&size=100000&sort=evil&problem=abc");

		assertThat(body).contains("共 11 项", "“整改结果”的取值“EVIL”无法识别", "页码“-1”无效", "每页条数“100000”无效",
				"排序方式“evil”无法识别", "“具体问题”的取值“abc”无法识别");
		assertThat(get("/inspections/999999/tasks").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldLinkResponsibilitiesToTheirOverdueTasks() throws Exception {
		String byDepartment = page("/inspections/" + this.id + "/responsibilities");
		assertThat(byDepartment).contains("责任清单", "财务处", "赵副校长、周书记")
			.contains("href=\"/inspections/" + this.id + "/tasks?department=financeDepartment&amp;overdue=true\"");
		assertThat(page("/inspections/" + this.id + "/tasks?department=financeDepartment&overdue=true")).contains("共 1 项",
				"票据管理不规范");

		String byLeader = page("/inspections/" + this.id + "/responsibilities?by=leader");
		assertThat(byLeader).contains("href=\"/inspections/" + this.id + "/tasks?leader=secretary\"", "财务处、党政办公室");
	}

	private String page(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}

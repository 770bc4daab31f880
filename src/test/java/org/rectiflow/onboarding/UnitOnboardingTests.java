package org.rectiflow.onboarding;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.UnitDepartment;
import org.rectiflow.security.PortalSession;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding a unit over real HTTP: by the JSON API, by the portal's form and by a directory workbook uploaded on the
 * page; every error reported where it is (sheet or section, row, column) in Chinese, an account taken in another unit
 * refused, nothing at all created when anything is wrong; only administrators let in. The unit created is whole: its
 * tenant, its departments (named as it names them, in the directory, granted), its people in their departments and
 * roles, each able to sign in with the initial password shown once and seeing their own unit only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitOnboardingTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Units units;

	@Autowired
	Directory directory;

	@Autowired
	IdentityService identityService;

	@Autowired
	DirectoryWorkbook workbook;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcTemplate jdbc;

	private final String run = Long.toString(System.nanoTime(), 36);

	@AfterEach
	void removeTheUnits() {
		OnboardedUnits.removeNamed(this.run, this.units, this.directory, this.identityService, this.authorizations,
				this.jdbc);
	}

	@Test
	void shouldOnboardAUnitFromJsonWithItsDepartmentsPeopleAndRoles() throws Exception {
		String unitName = "县第一中学" + this.run;
		String principal = "zx" + this.run;
		String clerk = "zb" + this.run;
		String staff = "zw" + this.run;
		String body = JSON.writeValueAsString(Map.of("name", unitName, "shortName", "一中", "departments",
				List.of(Map.of("name", "党政办公室"), Map.of("name", "总务处"), Map.of("name", "教务处")), "people",
				List.of(Map.of("name", "张校长", "account", principal, "roles", List.of("党委书记", "领导班子")),
						Map.of("name", "周干事", "account", clerk, "department", "党政办公室", "roles", List.of("整改办")),
						Map.of("name", "吴老师", "account", staff, "department", "总务处"))));

		HttpResponse<String> response = postJson(DemoAccounts.ADMIN, "/api/units", body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode created = JSON.readTree(response.body());
		String unitId = created.get("id").asText();
		assertThat(created.get("name").asText()).isEqualTo(unitName);
		assertThat(this.units.find(unitId)).map(Unit::getShortName).contains("一中");
		assertThat(this.directory.departmentsOf(unitId)).extracting(UnitDepartment::name)
			.containsExactly("党政办公室", "总务处", "教务处");
		String general = this.directory.departmentsOf(unitId).get(1).groupId();
		assertThat(general).isNotEqualTo("logisticsDepartment").startsWith(unitId);
		assertThat(this.directory.departmentName(general)).isEqualTo("总务处");
		assertThat(this.directory.isDepartmentOf(unitId, general)).isTrue();
		assertThat(this.directory.isDepartmentOf("unit1", general)).isFalse();
		assertThat(this.directory.groupIds(principal)).containsExactlyInAnyOrder(Groups.PARTY_SECRETARY, Groups.LEADERS);
		assertThat(this.directory.groupIds(clerk)).containsExactlyInAnyOrder(Groups.RECTIFICATION_OFFICE,
				this.directory.departmentsOf(unitId).get(0).groupId());
		assertThat(this.directory.groupIds(staff)).containsExactly(general);
		assertThat(this.units.tenantIds(staff)).containsExactly(unitId);
		assertThat(this.units.groupMembers(unitId)).contains(general, Groups.INSPECTION_OFFICE)
			.doesNotContain(Groups.RECTIFICATION_OFFICE, Groups.LEADERS);
		// Each person signs in with the password shown once, and sees their own unit only.
		for (JsonNode account : created.get("accounts")) {
			String password = account.get("initialPassword").asText();
			assertThat(password).hasSize(12).isNotEqualTo(DemoAccounts.PASSWORD);
			HttpResponse<String> mine = new PortalSession(this.port).get("/api/units", "Authorization",
					basic(account.get("account").asText(), password));
			assertThat(mine.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(mine.body())).extracting((u) -> u.get("id").asText()).containsExactly(unitId);
		}
		assertThat(created.get("accounts").get(0).get("initialPassword").asText())
			.isNotEqualTo(created.get("accounts").get(1).get("initialPassword").asText());
	}

	@Test
	void shouldReportEveryErrorOfAJsonDirectoryAndCreateNothing() throws Exception {
		String unitName = "县第二中学" + this.run;
		String fresh = "fresh" + this.run;
		String body = JSON.writeValueAsString(Map.of("name", unitName, "departments",
				List.of(Map.of("name", "总务处"), Map.of("name", "总务处")), "people",
				List.of(Map.of("name", "新人", "account", fresh, "department", "总务处"),
						Map.of("name", "重名", "account", DemoAccounts.SECRETARY, "roles", List.of("领导班子")),
						Map.of("name", "无部门", "account", "x" + this.run, "department", "保卫处", "roles", List.of("校长")))));

		HttpResponse<String> response = postJson(DemoAccounts.ADMIN, "/api/units", body);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("detail").asText()).isEqualTo("通讯录有 4 处错误，未创建单位");
		assertThat(problem.get("errors")).extracting((e) -> e.get("sheet").asText() + "|" + e.get("row").asText() + "|"
				+ e.get("column").asText() + "|" + e.get("message").asText())
			.containsExactly("部门|2|部门名称|部门“总务处”重复",
					"人员|2|账号|账号“secretary”已被使用（账号在所有单位中须唯一），请换一个",
					"人员|3|所在部门|部门“保卫处”不在本单位的部门中",
					"人员|3|角色|无法识别的角色：校长（可填写：领导班子、党委委员、党委书记、纪委、整改办）");
		assertThat(this.units.all()).extracting(Unit::getName).doesNotContain(unitName);
		assertThat(this.directory.userExists(fresh)).isFalse();
	}

	@Test
	void shouldLetOnlyAdministratorsOnboard() throws Exception {
		String body = "{\"name\":\"越权单位" + this.run + "\",\"departments\":[{\"name\":\"办公室\"}],"
				+ "\"people\":[{\"name\":\"某人\",\"account\":\"nope" + this.run + "\",\"department\":\"办公室\"}]}";
		assertThat(postJson(DemoAccounts.RECTIFICATION_CLERK, "/api/units", body).statusCode()).isEqualTo(403);
		assertThat(postJson(DemoAccounts.INSPECTOR, "/api/units", body).statusCode()).isEqualTo(403);
		PortalSession clerk = new PortalSession(this.port);
		clerk.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		assertThat(clerk.get("/units/new").statusCode()).isEqualTo(403);
		assertThat(clerk.get("/units").statusCode()).isEqualTo(403);
		assertThat(this.directory.userExists("nope" + this.run)).isFalse();
	}

	@Test
	void shouldOnboardFromThePortalFormAndListTheFormsErrorsByLineAndField() throws Exception {
		PortalSession admin = new PortalSession(this.port);
		admin.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		String unitName = "县实验小学" + this.run;
		String teacher = "js" + this.run;
		String wrong = form(admin, unitName, "党政办公室\n总务处", "孙书记，sj" + this.run + "，，党委书记、领导班子\n"
				+ "李老师，" + DemoAccounts.PRESIDENT + "，总务处\n王老师\t" + teacher + "\t后勤处");

		assertThat(wrong).contains("未创建：发现 2 处错误", "账号“president”已被使用", "部门“后勤处”不在本单位的部门中");
		assertThat(this.units.all()).extracting(Unit::getName).doesNotContain(unitName);
		assertThat(this.directory.userExists("sj" + this.run)).isFalse();

		String created = form(admin, unitName, "党政办公室\n总务处", "孙书记，sj" + this.run + "，，党委书记、领导班子\n"
				+ "李老师，ls" + this.run + "，总务处\n王老师\t" + teacher + "\t总务处");

		assertThat(created).contains("已创建：" + unitName, "初始密码只显示这一次", "总务处", teacher);
		Unit unit = this.units.all().stream().filter((u) -> u.getName().equals(unitName)).findFirst().orElseThrow();
		assertThat(this.units.tenantIds(teacher)).containsExactly(unit.getId());
		assertThat(admin.get("/units").body()).contains(unitName);
	}

	@Test
	void shouldOnboardFromAnUploadedWorkbookAfterListingItsErrorsBySheetRowAndColumn() throws Exception {
		PortalSession admin = new PortalSession(this.port);
		admin.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		String token = admin.csrfToken("/units/new");
		String unitName = "县职业中专" + this.run;
		String head = "zr" + this.run;
		byte[] wrong = DirectoryWorkbooks.workbook(unitName, "职专", List.of("党政办公室", "学生工作处", "学生工作处"),
				List.of(List.of("赵主任", head, "学生工作处"), List.of("钱书记", DemoAccounts.SECRETARY, "", "党委书记"),
						List.of("孙干事", "bad-account", "学工处", "整改办"), List.of("", "", "", "", "not-a-mail")));

		HttpResponse<String> refused = upload(admin, token, wrong);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(rows(refused.body())).containsExactly(
				"部门|4|A|部门“学生工作处”重复",
				"人员|3|B|账号“secretary”已被使用（账号在所有单位中须唯一），请换一个",
				"人员|4|B|账号“bad-account”只能由字母和数字组成，不超过 64 位",
				"人员|4|C|部门“学工处”不在本单位的部门中",
				"人员|5|A|此项必填", "人员|5|B|此项必填", "人员|5|C|请填写所在部门或至少一个角色",
				"人员|5|E|电子邮箱“not-a-mail”格式不正确");
		assertThat(this.units.all()).extracting(Unit::getName).doesNotContain(unitName);
		assertThat(this.directory.userExists(head)).isFalse();

		byte[] fixed = DirectoryWorkbooks.workbook(unitName, "职专", List.of("党政办公室", "学生工作处"),
				List.of(List.of("赵主任", head, "学生工作处"), List.of("钱书记", "qs" + this.run, "", "党委书记、领导班子"),
						List.of("孙干事", "sg" + this.run, "党政办公室", "整改办", "sun@example.org")));
		HttpResponse<String> created = upload(admin, admin.csrfToken("/units/new"), fixed);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		assertThat(created.body()).contains("已创建：" + unitName, "学生工作处");
		Unit unit = this.units.all().stream().filter((u) -> u.getName().equals(unitName)).findFirst().orElseThrow();
		assertThat(this.directory.departmentsOf(unit.getId())).extracting(UnitDepartment::name)
			.containsExactly("党政办公室", "学生工作处");
		assertThat(this.identityService.createUserQuery().userId("sg" + this.run).singleResult().getEmail())
			.isEqualTo("sun@example.org");
		// The same workbook again: the unit and every account exist now, so nothing more is created.
		HttpResponse<String> again = upload(admin, admin.csrfToken("/units/new"), fixed);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("已有名为“" + unitName + "”的单位", "账号“" + head + "”已被使用");
	}

	@Test
	void shouldOfferATemplateWithTheSheetsTheImportReads() throws Exception {
		PortalSession admin = new PortalSession(this.port);
		admin.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		HttpResponse<String> download = admin.get("/units/template.xlsx");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).contains("spreadsheetml"));
		java.io.ByteArrayOutputStream template = new java.io.ByteArrayOutputStream();
		this.workbook.writeTemplate(template, java.util.Locale.SIMPLIFIED_CHINESE);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template.toByteArray()))) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
					workbook.getSheetName(3))).containsExactly("单位", "部门", "人员", "说明");
			assertThat(workbook.getSheet("人员").getRow(0).getCell(1).getStringCellValue()).isEqualTo("账号");
		}
		HttpResponse<String> notAWorkbook = upload(admin, admin.csrfToken("/units/new"), "不是表格".getBytes(StandardCharsets.UTF_8));
		assertThat(notAWorkbook.statusCode()).isEqualTo(400);
		assertThat(notAWorkbook.body()).contains("不是 Excel 工作簿（.xlsx），请使用下载的通讯录模板");
	}

	private String form(PortalSession admin, String unitName, String departments, String people) throws Exception {
		String form = "name=" + enc(unitName) + "&shortName=" + enc("实小") + "&departments=" + enc(departments)
				+ "&people=" + enc(people) + "&_csrf=" + enc(admin.csrfToken("/units/new"));
		return admin.postForm("/units/new", form).body();
	}

	private static HttpResponse<String> upload(PortalSession admin, String token, byte[] workbook) throws Exception {
		return admin.sendBytes("POST", "/units/import", "multipart/form-data; boundary=" + DirectoryWorkbooks.BOUNDARY,
				DirectoryWorkbooks.multipart("通讯录.xlsx", workbook), "X-CSRF-TOKEN", token, "Accept", "text/html");
	}

	/** The page's error table as "sheet|row|column|message" lines. */
	private static List<String> rows(String html) {
		List<String> rows = new java.util.ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("<tr>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*</tr>")
			.matcher(html.substring(html.indexOf("onboarding-errors")));
		while (m.find()) {
			rows.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3) + "|" + m.group(4).replace("&quot;", "\""));
		}
		return rows;
	}

	/** Someone calling the API from a script, with HTTP Basic. */
	private HttpResponse<String> postJson(String user, String path, String body) throws Exception {
		return new PortalSession(this.port).postJson(path, body, "Authorization", basic(user, DemoAccounts.PASSWORD));
	}

	private static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}

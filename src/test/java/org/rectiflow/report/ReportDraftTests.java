package org.rectiflow.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.rectiflow.HttpUser;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.handover.OwnUnit;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.importing.PlanWorkbookException;
import org.rectiflow.plan.importing.PlanWorkbookReader;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.security.PortalSession;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report drafts the rectification office edits before approval: prefilled so that an untouched draft reads as
 * the generated report; every save a version with the unit's heading, words, numbering and items; bad words refused
 * with a clear message, storing nothing and, in the portal, losing nothing typed; two versions compared block by
 * block; the institutional rules with their document numbers; the effectiveness evaluation of close-off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportDraftTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessDriver driver;

	@Autowired
	ReportDrafts drafts;

	@Autowired
	ReportService reports;

	@Autowired
	PlanWorkbookTemplate template;

	@Autowired
	Units units;

	@Autowired
	java.time.Clock clock;

	@Autowired
	IdentityService identityService;

	@Autowired
	PlanWorkbookReader reader;

	/** Two categories, three problems, four tasks, all in the demo unit. */
	Long register(String title) {
		String logistics = "logisticsDepartment";
		return this.driver.register(new Feedback(title, "省委教育工委第四巡察组", "草稿测试学院党委",
				LocalDate.now().minusMonths(4), LocalDate.now().minusMonths(2), LocalDate.now().minusMonths(1),
				List.of("测试〔2026〕9号"), 3, "0731-00000000", List.of(
						new Feedback.Category("政治建设方面", List.of(
								new Feedback.ProblemItem("理论学习不深入", false, List.of(
										TestFeedback.task("理论学习中心组学习不规范", logistics, DemoAccounts.VICE_PRESIDENT_LOGISTICS),
										TestFeedback.task("学思用结合不深", logistics, DemoAccounts.VICE_PRESIDENT_LOGISTICS))),
								new Feedback.ProblemItem("意识形态工作不到位", false, List.of(
										TestFeedback.task("阵地管理不严", logistics, DemoAccounts.VICE_PRESIDENT_LOGISTICS))))),
						new Feedback.Category("全面从严治党方面", List.of(
								new Feedback.ProblemItem("财务管理漏洞", false, List.of(
										TestFeedback.task("未出台财务报账管理办法", "financeDepartment",
												DemoAccounts.VICE_PRESIDENT_FINANCE))))))))
			.getId();
	}

	static ReportNarrative with(ReportNarrative n, String organ, String number, boolean mark, LocalDate issuedOn,
			String nextSteps, ReportNarrative.ProblemNumbering numbering, boolean marks,
			Map<Long, ReportNarrative.Item> items) {
		return new ReportNarrative(organ, number, n.title(), mark, issuedOn, n.leadership(), n.workDone(), nextSteps,
				"学校巡察整改工作领导小组办公室", "0731-84033328", "长沙市岳麓区学府路1号", "410151", numbering, marks, items,
				n.signature());
	}

	@Test
	void shouldPrefillTheWordsSoThatAnUntouchedDraftReadsAsTheGeneratedReport() {
		Long id = register("草稿预填测试");

		ReportNarrative words = this.drafts.current(id, ReportKind.PUBLIC);

		assertThat(this.drafts.versions(id, ReportKind.PUBLIC)).isEmpty();
		assertThat(this.drafts.render(id, ReportKind.PUBLIC, words)).isEqualTo(this.reports.previewPublicReport(id));
		assertThat(ReportDocument.parse(this.drafts.render(id, ReportKind.SUBMITTED, this.drafts.current(id, ReportKind.SUBMITTED))))
			.isEqualTo(this.reports.rectificationReport(id));
		assertThat(words.title()).isEqualTo("草稿测试学院党委关于巡察整改进展情况的通报");
		assertThat(words.nextSteps()).startsWith("一是对尚未完成的4项细化任务");
		assertThat(words.contactTelephone()).isEqualTo("0731-00000000");
		assertThat(words.signature()).isEqualTo("草稿测试学院党委");
	}

	@Test
	void shouldSaveEveryEditAsAVersionWithTheUnitsHeadingNumberingAndItems() {
		Long id = register("草稿版本测试");
		this.driver.filePlan(id);
		RectificationTask first = this.driver.task(id, "1.1.1");
		this.driver.settle(first, "COMPLETED", "组织中心组专题学习12次，制定年度学习计划", Map.of());
		ReportNarrative prefilled = this.drafts.current(id, ReportKind.PUBLIC);

		ReportVersion v1 = this.drafts.save(id, ReportKind.PUBLIC, prefilled, DemoAccounts.RECTIFICATION_CLERK);
		ReportVersion v2 = this.drafts.save(id, ReportKind.PUBLIC,
				with(prefilled, "中共草稿测试学院委员会文件", "草稿党（2021）20号", true, LocalDate.of(2021, 6, 30),
						"一是持续巩固整改成果。\n二是建立长效机制。", ReportNarrative.ProblemNumbering.CONTINUOUS, true,
						Map.of(first.getId(), new ReportNarrative.Item("强化思想武装", null))),
				DemoAccounts.RECTIFICATION_CLERK);

		assertThat(v1.getNumber()).isEqualTo(1);
		assertThat(v2.getNumber()).isEqualTo(2);
		assertThat(this.drafts.versions(id, ReportKind.PUBLIC)).extracting(ReportVersion::getNumber).containsExactly(2, 1);
		assertThat(v1.getContent()).isEqualTo(this.drafts.render(id, ReportKind.PUBLIC, prefilled));
		List<String> lines = v2.getContent().lines().toList();
		// The heading above the title, exactly as the parser of the heading reads it.
		assertThat(lines.subList(0, 4)).containsExactly("中共草稿测试学院委员会文件", "草稿党（2021）20号", "（社会公开稿）",
				"草稿测试学院党委关于巡察整改进展情况的通报");
		// Problems running through the categories; items ①② with the office's short heading; what was done.
		assertThat(lines).contains("1.理论学习不深入", "2.意识形态工作不到位", "3.财务管理漏洞",
				"整改情况：①强化思想武装。针对“理论学习中心组学习不规范”细化任务，组织中心组专题学习12次，制定年度学习计划。",
				"②针对“学思用结合不深”细化任务，正在按整改落实方案推进，整改期限为" + WorkRecord.date(TestFeedback.DEADLINE) + "。",
				"一是持续巩固整改成果。", "二是建立长效机制。",
				"2021年6月30日");
		assertThat(v2.getContent()).contains("联系部门：学校巡察整改工作领导小组办公室；联系电话：0731-84033328；通讯地址：长沙市岳麓区学府路1号；邮政编码：410151。");
		// The data sections stay generated.
		assertThat(v2.getContent()).contains("巡察反馈的3个具体问题，已完成整改0个").contains("四、下一步整改工作安排");
		// Nothing is sent up yet: the preview reads the latest version.
		assertThat(this.reports.previewPublicReport(id)).isEqualTo(this.drafts.render(id, ReportKind.PUBLIC,
				this.drafts.narrativeOf(v2)));
		assertThat(this.drafts.requested(id, ReportKind.PUBLIC)).isEmpty();

		List<ReportDiff.Line> diff = this.drafts.compare(id, ReportKind.PUBLIC, 1, 2);
		assertThat(diff).contains(new ReportDiff.Line(ReportDiff.Change.ADDED, "草稿党（2021）20号"),
				new ReportDiff.Line(ReportDiff.Change.REMOVED, "1.财务管理漏洞"),
				new ReportDiff.Line(ReportDiff.Change.ADDED, "3.财务管理漏洞"),
				new ReportDiff.Line(ReportDiff.Change.SAME, "一、组织落实整改情况"));
	}

	@Test
	void shouldRefuseBadWordsWithAClearMessageAndStoreNothing() {
		Long id = register("草稿校验测试");
		ReportNarrative n = this.drafts.current(id, ReportKind.PUBLIC);

		assertRefused(id, with(n, null, "草稿党2021-20号", false, null, n.nextSteps(), null, false, Map.of()),
				"error.reportDraft.documentNumber");
		assertRefused(id, with(n, "中共草稿测试学院委员会", null, false, null, n.nextSteps(), null, false, Map.of()),
				"error.reportDraft.issuingOrgan");
		assertRefused(id, with(n, null, null, false, null, "  \n ", null, false, Map.of()), "error.reportDraft.nextSteps");
		assertRefused(id, with(n, null, null, false, null, "一、下一步工作", null, false, Map.of()),
				"error.reportDraft.sectionHeading");
		assertRefused(id, new ReportNarrative(null, null, null, false, null, " ", "", "一是。", null, null, null, null, null,
				false, Map.of(), null), "error.reportDraft.organisation");
		assertRefused(id, new ReportNarrative(null, null, null, false, null, "领导", "", "一是。", null, null, null, "41015",
				null, false, Map.of(), null), "error.reportDraft.postcode");
		assertThat(this.drafts.versions(id, ReportKind.PUBLIC)).isEmpty();
		// Both bracket styles of a document number are accepted.
		this.drafts.save(id, ReportKind.PUBLIC, with(n, null, "湘教党〔2021〕20号", false, null, n.nextSteps(), null, false,
				Map.of()), DemoAccounts.RECTIFICATION_CLERK);
		assertThat(this.drafts.versions(id, ReportKind.PUBLIC)).hasSize(1);
	}

	private void assertRefused(Long id, ReportNarrative words, String key) {
		assertThatThrownBy(() -> this.drafts.save(id, ReportKind.PUBLIC, words, DemoAccounts.RECTIFICATION_CLERK))
			.isInstanceOfSatisfying(RectiflowException.class, (ex) -> assertThat(ex.getMessageKey()).isEqualTo(key));
	}

	@Test
	void shouldLetTheOfficeEditInThePortalKeepingWhatWasTypedWhenRefused() throws Exception {
		Long id = register("草稿页面测试");
		String path = "/inspections/" + id + "/reports/public/draft";
		PortalSession office = new PortalSession(this.port);
		office.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		HttpResponse<String> page = office.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("编辑整改进展情况通报", "发文字号", "name=\"itemText.", "一、组织落实整改情况");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("issuingOrgan", "中共草稿测试学院委员会文件");
		form.put("documentNumber", "草稿党2021年20号");
		form.put("title", "关于巡察整改进展情况的通报");
		form.put("leadership", "（一）加强组织领导\n成立巡察整改工作领导小组，党委书记任组长。");
		form.put("workDone", "（一）召开专题会议\n9月8日党委会审议通过整改方案。");
		form.put("nextSteps", "一是巩固成果。");
		form.put("contactTelephone", "0731-84033328");
		form.put("problemNumbering", "CONTINUOUS");
		HttpResponse<String> refused = office.postForm(path, encode(form, office.csrfToken(path)));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("发文字号格式不正确：“草稿党2021年20号”", "湘教党〔2021〕20号")
			.contains("草稿党2021年20号", "成立巡察整改工作领导小组，党委书记任组长。", "9月8日党委会审议通过整改方案。");
		assertThat(this.drafts.versions(id, ReportKind.PUBLIC)).isEmpty();

		form.put("documentNumber", "草稿党（2021）20号");
		form.put("publicMark", "on");
		HttpResponse<String> saved = office.postForm(path, encode(form, office.csrfToken(path)));
		assertThat(saved.statusCode()).isEqualTo(302);
		form.put("nextSteps", "一是巩固成果。\n二是举一反三。");
		office.postForm(path, encode(form, office.csrfToken(path)));
		List<ReportVersion> versions = this.drafts.versions(id, ReportKind.PUBLIC);
		assertThat(versions).hasSize(2);
		assertThat(versions.get(1).getCreatedBy()).isEqualTo(DemoAccounts.RECTIFICATION_CLERK);
		assertThat(versions.get(1).getContent()).startsWith("中共草稿测试学院委员会文件\n草稿党（2021）20号\n（社会公开稿）\n关于巡察整改进展情况的通报\n")
			.contains("\n（一）加强组织领导\n成立巡察整改工作领导小组，党委书记任组长。\n（二）召开专题会议\n");

		HttpResponse<String> diff = office.get("/inspections/" + id + "/reports/public/versions?from=1&to=2");
		assertThat(diff.statusCode()).isEqualTo(200);
		assertThat(diff.body()).contains("第1版与第2版的差异", "<ins>二是举一反三。</ins>");
		assertThat(office.get(path).body()).contains("第1版", "第2版", "与上一版比较").doesNotContain("已报党委审批");

		HttpResponse<String> submitted = office.get("/inspections/" + id + "/reports/submitted/draft");
		assertThat(submitted.statusCode()).isEqualTo(200);
		assertThat(submitted.body()).contains("编辑整改情况报告", "按台账编号").doesNotContain("name=\"itemText.");
		// The Party committee reads the drafts and compares versions; only the office writes.
		PortalSession committee = new PortalSession(this.port);
		committee.login(DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
		assertThat(committee.get(path).statusCode()).isEqualTo(200);
		assertThat(committee.get("/inspections/" + id + "/reports/public/versions?from=1&to=2").statusCode()).isEqualTo(200);
		assertThat(committee.postForm(path, encode(form, committee.csrfToken(path))).statusCode()).isEqualTo(403);
		// A department's clerk reads no draft and saves none.
		PortalSession clerk = new PortalSession(this.port);
		clerk.login("logisticsDepartmentStaff", DemoAccounts.PASSWORD);
		assertThat(clerk.get(path).statusCode()).isEqualTo(403);
		assertThat(clerk.postForm(path, encode(form, clerk.csrfToken("/"))).statusCode()).isEqualTo(403);
		assertThat(this.drafts.versions(id, ReportKind.PUBLIC)).hasSize(2);
	}

	@Test
	void shouldKeepAnotherUnitsOfficeAwayFromTheDraftsVersionsAndRules() throws Exception {
		Long id = register("草稿隔离测试");
		InstitutionalRule rule = this.reports.addRule(id, null, "隔离测试制度", "CREATED", null, null);
		OwnUnit other = new OwnUnit(this.units, this.identityService, "draftIsolation");
		try {
			String otherOffice = other.person("Office", "乙整改办", Groups.RECTIFICATION_OFFICE);
			PortalSession session = new PortalSession(this.port);
			session.login(otherOffice, DemoAccounts.PASSWORD);
			String csrf = session.csrfToken("/");
			String base = "/inspections/" + id;
			for (String path : List.of(base + "/reports/public/draft", base + "/reports/submitted/draft",
					base + "/reports/public/versions?from=1&to=1", base + "/institutional-rules")) {
				assertThat(session.get(path).statusCode()).as(path).isIn(403, 404);
			}
			Map<String, String> form = new LinkedHashMap<>();
			form.put("leadership", "越权");
			form.put("nextSteps", "越权");
			form.put("title", "越权");
			for (String path : List.of(base + "/reports/public/draft", base + "/institutional-rules",
					base + "/institutional-rules/" + rule.getId())) {
				assertThat(session.postForm(path, encode(form, csrf)).statusCode()).as(path).isIn(403, 404);
			}
			assertThat(this.drafts.versions(id, ReportKind.PUBLIC)).isEmpty();
			assertThat(this.reports.rulesOf(id)).extracting(InstitutionalRule::getTitle).containsExactly("隔离测试制度");
		}
		finally {
			other.remove();
		}
	}

	@Test
	void shouldPrefillTheOrganisationWithWhenTheLeadershipChanged() {
		OwnUnit unit = new OwnUnit(this.units, this.identityService, "draftLeaders");
		try {
			String office = unit.person("Office", "丙整改办", Groups.RECTIFICATION_OFFICE);
			String leader = unit.person("Leader", "丙副校长", Groups.LEADERS);
			String successor = unit.person("Successor", "丙新副校长", Groups.LEADERS);
			String logistics = unit.department("后勤处");
			HttpUser http = new HttpUser(office, DemoAccounts.PASSWORD);
			JsonNode registered = http.post(url("/api/inspections"),
					TestFeedback.small("领导调整预填测试", unit.name, logistics, unit.department("财务处"))).getBody();
			Long id = registered.get("inspectionId").asLong();
			Map<String, Object> handover = new LinkedHashMap<>();
			handover.put("kind", "RESPONSIBLE_LEADER");
			handover.put("from", leader);
			handover.put("to", successor);
			handover.put("effectiveOn", LocalDate.now(this.clock).toString());
			handover.put("reason", "工作调整");
			assertThat(http.post(url("/api/units/" + unit.id + "/handovers"), handover).getStatusCode().value())
				.isEqualTo(201);

			String leadership = this.drafts.current(id, ReportKind.PUBLIC).leadership();

			assertThat(leadership).contains(WorkRecord.date(LocalDate.now(this.clock)) + "起，丙副校长负责的整改任务由丙新副校长接续负责（工作调整）");
			assertThat(this.reports.previewPublicReport(id)).contains("丙新副校长接续负责");
		}
		finally {
			unit.remove();
		}
	}

	/** A rule's day: after the test inspection's feedback (a month ago), not in the future. */
	private static final LocalDate RULE_DAY = LocalDate.now().minusDays(20);

	private static String chinese(LocalDate day) {
		return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void shouldKeepInstitutionalRulesWithTheirDocumentNumbersAndListThemInTheReport() throws Exception {
		Long id = register("制度文号测试");
		InstitutionalRule rule = this.reports.addRule(id, null, "财务报账管理办法", "CREATED", RULE_DAY,
				"草稿院发〔2023〕5号");
		assertThatThrownBy(() -> this.reports.addRule(id, null, "采购管理办法", "CREATED", null, "院发2023-5"))
			.isInstanceOfSatisfying(RectiflowException.class,
					(ex) -> assertThat(ex.getMessageKey()).isEqualTo("error.rule.documentNumber"));
		this.reports.updateRule(id, rule.getId(), null, "财务报账管理办法（修订）", "REVISED", RULE_DAY.plusDays(1),
				"草稿院发〔2023〕6号");

		assertThat(text(this.reports.rectificationReport(id)))
			.contains("（1）《财务报账管理办法（修订）》（修订，草稿院发〔2023〕6号，" + chinese(RULE_DAY.plusDays(1)) + "印发）");

		String path = "/inspections/" + id + "/institutional-rules";
		PortalSession office = new PortalSession(this.port);
		office.login(DemoAccounts.RECTIFICATION_CLERK, DemoAccounts.PASSWORD);
		// The rules page of an inspection that does not exist is not found, as every page of one.
		assertThat(office.get("/inspections/" + Long.MAX_VALUE + "/institutional-rules").statusCode()).isEqualTo(404);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "采购管理办法");
		form.put("documentNumber", "院发2023-5");
		form.put("issuedOn", RULE_DAY.plusDays(5).toString());
		form.put("action", "CREATED");
		form.put("taskCode", "1.1.1");
		HttpResponse<String> refused = office.postForm(path, encode(form, office.csrfToken(path)));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("制度的文号格式不正确：“院发2023-5”", "value=\"采购管理办法\"");
		form.put("documentNumber", "草稿院发〔2023〕7号");
		assertThat(office.postForm(path, encode(form, office.csrfToken(path))).statusCode()).isEqualTo(302);
		assertThat(this.reports.rulesOf(id)).extracting(InstitutionalRule::getDocumentNumber)
			.containsExactly("草稿院发〔2023〕6号", "草稿院发〔2023〕7号");
		assertThat(this.reports.rulesOf(id).get(1).getTaskId()).isEqualTo(this.driver.task(id, "1.1.1").getId());
		assertThat(office.get(path).body()).contains("《采购管理办法》", "草稿院发〔2023〕7号");
		// Another rule's address under this inspection: not found.
		assertThatThrownBy(() -> this.reports.rule(id + 1, rule.getId())).isInstanceOf(RectiflowException.NotFound.class);
	}

	@Test
	void shouldBringTheRulesInFromTheRuleSheetOfThePlanWorkbook() throws Exception {
		Long id = register("制度表导入测试");
		ByteArrayOutputStream template = new ByteArrayOutputStream();
		this.template.write(template, Locale.SIMPLIFIED_CHINESE);
		byte[] filled;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
			Sheet rules = workbook.getSheet("制度");
			assertThat(rules).as("the template's rule sheet").isNotNull();
			assertThat(rules.getRow(0).getCell(1).getStringCellValue()).isEqualTo("文号");
			row(rules, 1, "财务报账管理办法", "草稿院发〔2023〕5号", RULE_DAY.toString(), "制定", "1.2.1");
			row(rules, 2, "采购管理办法（修订）", "", chinese(RULE_DAY.plusDays(5)), "", "");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			filled = out.toByteArray();
		}

		assertThat(this.reports.importRules(id, this.reader.readRules(filled))).isEqualTo(2);
		assertThat(this.reports.importRules(id, this.reader.readRules(filled))).as("again: corrected, not doubled").isEqualTo(2);

		List<InstitutionalRule> rules = this.reports.rulesOf(id);
		assertThat(rules).extracting(InstitutionalRule::getTitle).containsExactly("财务报账管理办法", "采购管理办法（修订）");
		assertThat(rules.get(0).getDocumentNumber()).isEqualTo("草稿院发〔2023〕5号");
		assertThat(rules.get(0).getIssuedOn()).isEqualTo(RULE_DAY);
		assertThat(rules.get(0).getTaskId()).isEqualTo(this.driver.task(id, "1.2.1").getId());
		assertThat(rules.get(1).getAction()).isEqualTo("REVISED");
		assertThat(rules.get(1).getIssuedOn()).isEqualTo(RULE_DAY.plusDays(5));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
			row(workbook.getSheet("制度"), 3, "宿舍管理规定", "", "下个月", "废止", "");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			assertThatThrownBy(() -> this.reader.readRules(out.toByteArray()))
				.isInstanceOfSatisfying(PlanWorkbookException.class, (ex) -> assertThat(ex.getErrors())
					.extracting(WorkbookError::location, WorkbookError::key)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("制度!C4", "workbook.error.ruleDate")));
		}
	}

	private static void row(Sheet sheet, int r, String... cells) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < cells.length; c++) {
			row.createCell(c).setCellValue(cells[c]);
		}
	}

	@Test
	void shouldRecordTheEffectivenessAtCloseOffAndRefuseAGradeThatIsNone() {
		Long id = register("成效评估测试");
		this.driver.filePlan(id);
		RectificationTask first = this.driver.task(id, "1.1.1");
		RectificationTask second = this.driver.task(id, "1.1.2");

		this.driver.settle(first, "COMPLETED", "完成", Map.of(RectificationTaskProcess.VAR_EFFECTIVENESS_GRADE,
				"FAIRLY_GOOD", RectificationTaskProcess.VAR_EFFECTIVENESS_BASIS, "学生满意度测评达92%"));
		assertThatThrownBy(() -> this.driver.settle(second, "COMPLETED", "完成",
				Map.of(RectificationTaskProcess.VAR_EFFECTIVENESS_GRADE, "EXCELLENT",
						RectificationTaskProcess.VAR_EFFECTIVENESS_BASIS, "很好")))
			.satisfies((ex) -> assertThat(keyOf(ex)).isEqualTo("error.effectiveness.grade"));
		assertThatThrownBy(() -> this.driver.complete(RectificationTaskProcess.PROCESS_KEY, second.getId(),
				RectificationTaskProcess.USER_TASK_CLOSE_OFF, DemoAccounts.RECTIFICATION_CLERK,
				Map.of(RectificationTaskProcess.VAR_OUTCOME, "COMPLETED", RectificationTaskProcess.VAR_EFFECTIVENESS_GRADE,
						"GOOD")))
			.satisfies((ex) -> assertThat(keyOf(ex)).isEqualTo("error.effectiveness.basis"));

		String full = text(this.reports.rectificationReport(id));
		assertThat(full).contains("整改成效：较好（评估依据：学生满意度测评达92%）。")
			.contains("整改成效评估：较好1项，1项未评估。");
		assertThat(this.driver.task(id, "1.1.1").getEffectivenessGrade().word()).isEqualTo("较好");
		assertThat(this.driver.task(id, "1.1.2").isClosedOff()).isFalse();
	}

	/** The message key of the business rule that refused, however the engine wrapped it. */
	static String keyOf(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RectiflowException r) {
				return r.getMessageKey();
			}
		}
		return String.valueOf(ex);
	}

	static String text(ReportDocument doc) {
		return ReferenceCaseReportTests.text(doc);
	}

	static String encode(Map<String, String> form, String csrf) {
		return form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")) + "&_csrf=" + csrf;
	}

}

package org.rectiflow.plan;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestWorkbooks;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import page and its API through the whole application (real reader, importer and database): the template
 * download, a refused workbook listed by sheet, row and column in Chinese and English, an import and its repetition,
 * oversized and foreign files answered on the page, and only the rectification office let in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlanImportPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanWorkbookTemplate template;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlanWorkbookImporter importer;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ProcessDriver driver;

	static RequestPostProcessor office() {
		return SecurityMockMvcRequestPostProcessors.user("rectificationClerk")
			.authorities(new SimpleGrantedAuthority("GROUP_rectificationOffice"), new SimpleGrantedAuthority("UNIT_unit1"));
	}

	@Test
	void shouldOfferTheTemplateAndTheUploadFormToTheRectificationOffice() throws Exception {
		this.mvc.perform(get("/inspections/import").with(office()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("导入整改方案"), containsString("/inspections/import/template.xlsx"),
					containsString("enctype=\"multipart/form-data\""), containsString("不超过 5 MB、5000 行"))));
		this.mvc.perform(get("/").with(office())).andExpect(content().string(containsString("id=\"plan-import-link\"")));
		this.mvc.perform(get("/").with(SecurityMockMvcRequestPostProcessors.user("logisticsDepartmentStaff")))
			.andExpect(content().string(not(containsString("id=\"plan-import-link\""))));
	}

	@Test
	void shouldRefuseEveryoneElse() throws Exception {
		this.mvc.perform(get("/inspections/import").with(SecurityMockMvcRequestPostProcessors.user("logisticsDepartmentStaff")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/inspections/import").file("file", new byte[] { 1 })
				.with(SecurityMockMvcRequestPostProcessors.user("logisticsDepartmentStaff"))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldDownloadATemplateWithItsSheetsHeadingsAndDropDowns() throws Exception {
		MvcResult result = this.mvc.perform(get("/inspections/import/template.xlsx").with(office()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("巡察信息");
			assertThat(workbook.getSheetName(1)).isEqualTo("整改任务");
			assertThat(workbook.getSheetName(2)).isEqualTo("填写说明");
			XSSFSheet plan = workbook.getSheetAt(1);
			assertThat(plan.getRow(0).getCell(0).getStringCellValue()).isEqualTo("问题类别 *");
			assertThat(plan.getRow(0).getCell(10).getStringCellValue()).isEqualTo("任务类型");
			assertThat(plan.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
			assertThat(plan.getDataValidations()).hasSize(3);
			assertThat(workbook.getSheetAt(2).getRow(8).getCell(0).getStringCellValue()).isNotBlank();
		}
		MvcResult english = this.mvc.perform(get("/inspections/import/template.xlsx?lang=en").with(office())).andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetName(1)).isEqualTo("Plan");
			assertThat(workbook.getSheetAt(1).getRow(0).getCell(5).getStringCellValue()).isEqualTo("Responsible leader");
		}
	}

	@Test
	void shouldListTheErrorsOfARefusedWorkbookWhereExcelShowsThem() throws Exception {
		byte[] workbook = TestWorkbooks.fromTemplate(this.template, Locale.SIMPLIFIED_CHINESE)
			.standardInspection("导入页面测试：错误")
			.task("类别一", "1.1", "问题一", "任务一", "措施", "王校长", "保卫处", null, null, "2027-09-30", null)
			.task("类别一", "1.1", "问题一", "任务二", "措施", "吴副校长", "后勤处", null, null, "九月底", null)
			.bytes();

		this.mvc.perform(multipart("/inspections/import").file("file", workbook).with(office()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("未导入：发现 3 处错误"),
					containsString("以下责任领导在系统中不存在，导入不会新建人员：王校长"),
					containsString("以下部门在系统中不存在，导入不会新建部门：保卫处"), containsString("<td class=\"num\" data-label=\"行\">3</td>"),
					containsString("<td data-label=\"列\">J</td>"), containsString("“整改期限”不是日期：九月底"))));
		this.mvc.perform(multipart("/inspections/import").file("file", workbook).param("lang", "en").with(office()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Not imported: 3 errors found"),
					containsString("“Deadline” is not a date: 九月底"))));
	}

	@Test
	void shouldImportOnceAndSayNothingChangedTheSecondTime() throws Exception {
		byte[] workbook = TestWorkbooks.fromTemplate(this.template, Locale.SIMPLIFIED_CHINESE)
			.standardInspection("导入页面测试：两次")
			.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null, LocalDate.of(2027, 9, 30), null)
			.bytes();

		MvcResult first = this.mvc.perform(multipart("/inspections/import").file("file", workbook).with(office()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "已导入：1 个具体问题，1 项细化任务，整改方案进入起草阶段"))
			.andReturn();
		this.mvc.perform(multipart("/inspections/import").file("file", workbook).with(office()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", first.getResponse().getRedirectedUrl()))
			.andExpect(flash().attribute("message", containsString("本次未作任何改动")));
	}

	@Test
	void shouldImportThroughTheApiAndListEveryErrorInTheProblem() throws Exception {
		TestWorkbooks filled = TestWorkbooks.fromTemplate(this.template, Locale.SIMPLIFIED_CHINESE)
			.standardInspection("导入接口测试")
			.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null, LocalDate.of(2027, 9, 30), null);
		byte[] good = filled.bytes();
		this.mvc.perform(multipart("/api/inspections/import").file("file", good).with(office()).with(csrf().asHeader()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.alreadyImported").value(false))
			.andExpect(jsonPath("$.tasks").value(1));
		this.mvc.perform(multipart("/api/inspections/import").file("file", good).with(office()).with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alreadyImported").value(true));

		filled.task("类别一", "1.1", "问题一", "任务二", "措施", "钱副校长", "档案馆", null, null, "2027-09-30", null);
		this.mvc.perform(multipart("/api/inspections/import").file("file", filled.bytes()).with(office()).with(csrf().asHeader()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("整改方案表有 2 处错误，未导入"))
			.andExpect(jsonPath("$.errors[0].sheet").value("整改任务"))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("F"))
			.andExpect(jsonPath("$.errors[1].column").value("G"))
			.andExpect(jsonPath("$.unknownLeaders[0]").value("钱副校长"))
			.andExpect(jsonPath("$.unknownDepartments[0]").value("档案馆"));
		this.mvc
			.perform(multipart("/api/inspections/import").file("file", good)
				.with(SecurityMockMvcRequestPostProcessors.user("logisticsDepartmentStaff"))
				.with(csrf().asHeader()))
			.andExpect(status().isForbidden());
	}

	/**
	 * Two clerks upload the same workbook at the same moment: the first import is held open (not yet committed) while
	 * the second runs, so the second cannot see it, registers too and then collides on the content's hash; it is
	 * rolled back and sent to the first one's inspection. One inspection, one process.
	 */
	@Test
	void shouldRegisterOnceWhenTheSameWorkbookIsUploadedTwiceAtOnce() throws Exception {
		byte[] workbook = TestWorkbooks.fromTemplate(this.template, Locale.SIMPLIFIED_CHINESE)
			.standardInspection("导入页面测试：同时")
			.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null, LocalDate.of(2027, 9, 30), null)
			.bytes();
		long processes = this.runtimeService.createProcessInstanceQuery().count();
		CountDownLatch importedUncommitted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService clerks = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = clerks.submit(() -> new TransactionTemplate(this.transactions).execute((tx) -> {
				PlanWorkbookImporter.Outcome outcome = this.importer.importWorkbook(workbook, "a.xlsx", "rectificationClerk",
						Locale.SIMPLIFIED_CHINESE);
				importedUncommitted.countDown();
				try {
					commit.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return outcome.inspectionId();
			}));
			assertThat(importedUncommitted.await(30, TimeUnit.SECONDS)).isTrue();
			Future<MvcResult> second = clerks.submit(() -> this.mvc
				.perform(multipart("/inspections/import").file("file", workbook).with(office()).with(csrf()))
				.andReturn());
			Thread.sleep(300);
			commit.countDown();
			Long firstId = first.get(60, TimeUnit.SECONDS);
			MvcResult result = second.get(60, TimeUnit.SECONDS);
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/inspections/" + firstId);
		}
		finally {
			commit.countDown();
			clerks.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from inspection where title = ?", Long.class, "导入页面测试：同时"))
			.isEqualTo(1);
		assertThat(this.runtimeService.createProcessInstanceQuery().count()).isEqualTo(processes + 1);
	}

	@Test
	void shouldOfferThePlanBeingDraftedAsAWorkbookAndChangeNothingWhenItComesBackAsItWas() throws Exception {
		Long id = imported("导入页面测试：回传");
		List<Long> taskIds = taskIds(id);
		this.mvc.perform(get("/inspections/" + id).with(office()))
			.andExpect(content().string(allOf(containsString("id=\"plan-replace\""), containsString("/inspections/" + id + "/plan.xlsx"))));

		byte[] current = this.mvc.perform(get("/inspections/" + id + "/plan.xlsx").with(office()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(current))) {
			XSSFSheet plan = workbook.getSheetAt(1);
			assertThat(plan.getRow(2).getCell(3).getStringCellValue()).isEqualTo("=SUM(1)");
			assertThat(plan.getRow(2).getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(plan.getRow(1).getCell(4).getStringCellValue()).isEqualTo("1. 建立维修台账\n2. 限时办结");
			assertThat(plan.getRow(1).getCell(5).getStringCellValue()).isEqualTo("吴副校长");
		}
		this.mvc.perform(multipart("/inspections/" + id + "/plan").file("file", current).with(office()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "上传的表格与当前方案相同，未作任何改动"));

		assertThat(taskIds(id)).isEqualTo(taskIds);
	}

	@Test
	void shouldReplaceThePlanBeingDraftedWithTheReworkedWorkbook() throws Exception {
		Long id = imported("导入页面测试：改方案");
		// Flags the workbook has no column for, set through the API meanwhile.
		this.jdbc.update("update problem set previous_round = true where inspection_id = ? and code = '1.1'", id);
		this.jdbc.update("update rectification_task set non_public = true where inspection_id = ? and code = '1.1.2'", id);
		byte[] current = this.mvc.perform(get("/inspections/" + id + "/plan.xlsx").with(office())).andReturn().getResponse()
			.getContentAsByteArray();
		byte[] reworked;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(current))) {
			XSSFSheet plan = workbook.getSheetAt(1);
			plan.getRow(1).getCell(5).setCellValue("赵副校长");
			var row = plan.createRow(3);
			String[] cells = { "类别二", "2.1", "问题二", "任务三", "措施三", "周书记", "党政办公室", "", "", "2027-10-31", "" };
			for (int i = 0; i < cells.length; i++) {
				row.createCell(i).setCellValue(cells[i]);
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			workbook.write(out);
			reworked = out.toByteArray();
		}

		this.mvc.perform(multipart("/inspections/" + id + "/plan").file("file", reworked).with(office()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "整改方案已按上传的表格更新：2 个具体问题，3 项细化任务"));

		assertThat(this.jdbc.queryForList("select t.code || ' ' || t.responsible_leader from rectification_task t"
				+ " where t.inspection_id = ? order by t.code", String.class, id))
			.containsExactly("1.1.1 vicePresidentFinance", "1.1.2 vicePresidentLogistics", "2.1.1 secretary");
		assertThat(this.jdbc.queryForList("select t.code from rectification_task t where t.inspection_id = ? and t.non_public",
				String.class, id)).containsExactly("1.1.2");
		assertThat(this.jdbc.queryForList("select p.code from problem p where p.inspection_id = ? and p.previous_round",
				String.class, id)).containsExactly("1.1");
		String processId = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.singleResult()
			.getId();
		assertThat(this.runtimeService.getVariable(processId, RectificationProcess.VAR_TASK_COUNT)).isEqualTo(3);
		this.mvc.perform(multipart("/inspections/" + id + "/plan").file("file", reworked).with(office()).with(csrf()))
			.andExpect(flash().attribute("message", "上传的表格与当前方案相同，未作任何改动"));
	}

	@Test
	void shouldListTheErrorsOfAReworkedWorkbookAndRefuseOnceThePlanHasLeftDrafting() throws Exception {
		Long id = imported("导入页面测试：改错");
		byte[] wrong = TestWorkbooks.fromTemplate(this.template, Locale.SIMPLIFIED_CHINESE)
			.standardInspection("导入页面测试：改错")
			.task("类别一", "1.1", "问题一", "任务一", "措施", "王校长", "后勤处", null, null, "2027-09-30", null)
			.bytes();
		this.mvc.perform(multipart("/inspections/" + id + "/plan").file("file", wrong).with(office()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("更新整改方案：导入页面测试：改错"), containsString("未导入：发现 1 处错误"),
					containsString("action=\"/inspections/" + id + "/plan\""))));

		this.jdbc.update("update inspection set status = 'RECTIFYING' where id = ?", id);
		this.mvc.perform(multipart("/inspections/" + id + "/plan").file("file", wrong).with(office()).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/inspections/" + id).with(office()))
			.andExpect(content().string(not(containsString("id=\"plan-replace\""))));
	}

	/**
	 * Once the plan has left drafting (at the leaders' opinions, committee approval and filing, with the inspection
	 * still in planning) an upload is refused with the reason and changes nothing, the page offers no upload, and the
	 * API's task edits are refused alike; sent back to drafting by the committee, the upload is taken again.
	 */
	@Test
	void shouldRefuseAReuploadOnceThePlanHasLeftDraftingAndTakeItWhenItIsSentBack() throws Exception {
		Long id = imported("导入页面测试：已批准");
		byte[] reworked = reworked(id);
		List<String> plan = leaders(id);
		String key = RectificationProcess.PROCESS_KEY;
		this.driver.complete(key, id, RectificationProcess.USER_TASK_DRAFT_PLAN, DemoAccounts.RECTIFICATION_CLERK,
				java.util.Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "按照三个清单逐项细化整改任务"));
		for (var t : this.driver.open(key, id, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(t, t.getAssignee(), java.util.Map.of(RectificationProcess.VAR_OPINION, "同意"));
		}
		assertThat(this.driver.open(key, id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL)).hasSize(1);
		refusedAndUnchanged(id, reworked, plan);

		this.driver.complete(key, id, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				java.util.Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, RectificationProcess.APPROVE));
		assertThat(this.driver.open(key, id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE)).hasSize(1);
		refusedAndUnchanged(id, reworked, plan);

		// The inspection office returns the filing: the plan is drafted again, and the upload is taken.
		this.driver.complete(key, id, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE, DemoAccounts.INSPECTOR,
				java.util.Map.of(RectificationProcess.VAR_FILING_DECISION, RectificationProcess.RETURN,
						RectificationProcess.VAR_FILING_OPINION, "责任清单未明确到人"));
		this.mvc.perform(get("/inspections/" + id).with(office()))
			.andExpect(content().string(containsString("id=\"plan-replace\"")));
		this.mvc.perform(multipart("/inspections/" + id + "/plan").file("file", reworked).with(office()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "整改方案已按上传的表格更新：1 个具体问题，2 项细化任务"));
		assertThat(leaders(id)).containsExactly("1.1.1 vicePresidentFinance", "1.1.2 vicePresidentLogistics");
	}

	private void refusedAndUnchanged(Long id, byte[] reworked, List<String> plan) throws Exception {
		this.mvc.perform(multipart("/inspections/" + id + "/plan").file("file", reworked).with(office()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("整改方案已提交审议，不能再修改细化任务")));
		this.mvc.perform(get("/inspections/" + id).with(office()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"plan-replace\""))));
		Long taskId = this.jdbc.queryForObject(
				"select id from rectification_task where inspection_id = ? and code = '1.1.1'", Long.class, id);
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/tasks/" + taskId)
			.contentType("application/json")
			.content("{\"title\":\"任务一\",\"responsibleLeader\":\"secretary\",\"leadDepartment\":\"logisticsDepartment\","
					+ "\"deadline\":\"2026-09-30\",\"measures\":[\"措施\"]}")
			.with(office())
			.with(csrf().asHeader()))
			.andExpect(status().isConflict());
		assertThat(leaders(id)).isEqualTo(plan);
	}

	/** The plan as downloaded, with the first task's leader changed. */
	private byte[] reworked(Long id) throws Exception {
		byte[] current = this.mvc.perform(get("/inspections/" + id + "/plan.xlsx").with(office())).andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(current))) {
			workbook.getSheetAt(1).getRow(1).getCell(5).setCellValue("赵副校长");
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private List<String> leaders(Long id) {
		return this.jdbc.queryForList("select t.code || ' ' || t.responsible_leader from rectification_task t"
				+ " where t.inspection_id = ? order by t.code", String.class, id);
	}

	private Long imported(String title) throws Exception {
		byte[] workbook = TestWorkbooks.fromTemplate(this.template, Locale.SIMPLIFIED_CHINESE)
			.standardInspection(title)
			.task("类别一", "1.1", "问题一", "任务一", "1. 建立维修台账\n2. 限时办结", "吴副校长", "后勤处", "财务处", "张三",
					LocalDate.of(2027, 9, 30), "立行立改")
			.task("类别一", "1.1", "问题一", "=SUM(1)", "措施", "吴副校长", "后勤处", null, null, "2027-09-30", null)
			.bytes();
		String location = this.mvc.perform(multipart("/inspections/import").file("file", workbook).with(office()).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.valueOf(location.substring("/inspections/".length()));
	}

	private List<Long> taskIds(Long inspectionId) {
		return this.jdbc.queryForList("select id from rectification_task where inspection_id = ? order by id", Long.class,
				inspectionId);
	}

	@Test
	void shouldAnswerOversizedAndForeignFilesOnThePage() throws Exception {
		this.mvc.perform(multipart("/inspections/import").file("file", new byte[6 * 1024 * 1024]).with(office()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件过大（6.0 MB），导入表不能超过 5.0 MB")));
		this.mvc.perform(multipart("/inspections/import").file("file", "<html></html>".getBytes()).with(office()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不是 Excel 工作簿（.xlsx）")));
	}

}

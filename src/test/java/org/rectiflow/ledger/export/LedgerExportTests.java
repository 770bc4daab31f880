package org.rectiflow.ledger.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.TestWorkbooks;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.ledger.ProblemFilter;
import org.rectiflow.ledger.TaskListQuery;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskRepository;
import org.rectiflow.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The round trip on the real database: a plan workbook uploaded through the import page, outcomes recorded, then the
 * three lists downloaded and opened with POI: contents, the outcome and light colours, the frozen header, the
 * autofilter, the task list's filters honoured, and text that looks like a formula neutralised. Runs on H2 here and
 * on PostgreSQL in {@link LedgerExportPostgresTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerExportTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	static final String TITLE = "导出测试：往返";

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanWorkbookTemplate template;

	@Autowired
	LedgerWorkbooks workbooks;

	@Autowired
	RectificationTaskRepository tasks;

	Long id;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbcForDeadline;

	@BeforeAll
	void importAndSettle() throws Exception {
		byte[] upload = TestWorkbooks.fromTemplate(this.template, ZH)
			.standardInspection(TITLE)
			.task("全面从严治党推进不实", "1.1", "宿舍维修和食堂管理不到位", "宿舍日常维修不及时", "1. 建立维修台账\n2. 限时办结", "吴副校长",
					"后勤处", "资产管理处、财务处", "张三", LocalDate.of(2027, 9, 30), "集中整改")
			.task("全面从严治党推进不实", "1.1", "宿舍维修和食堂管理不到位", "=HYPERLINK(\"http://evil.example\",\"点此\")",
					"+cmd|' /C calc'!A0\n@SUM(1+1)", "吴副校长", "后勤处", null, "-张三", "2027-07-31", "立行立改")
			.task("全面从严治党推进不实", "1.2", "财务报账办法缺失", "未出台财务报账管理办法", "修订报账办法", "赵副校长", "财务处", null,
					"王五", "2026-12-31", "长期整改")
			.task("作风建设不扎实", "2.1", "会议文件过多", "精简文件", "压减发文数量", "周书记", "党政办公室", null, "孙七",
					"2027-08-31", null)
			.bytes();
		MvcResult imported = this.mvc
			.perform(multipart("/inspections/import").file("file", upload)
				.with(office())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/inspections/*"))
			.andReturn();
		this.id = Long.valueOf(imported.getResponse().getRedirectedUrl().substring("/inspections/".length()));
		// A deadline that has passed since the plan was imported (the import refuses one already past: issue 19).
		this.jdbcForDeadline.update("update rectification_task set deadline = ? where inspection_id = ? and code = '1.1.2'",
				java.sql.Date.valueOf(LocalDate.of(2026, 7, 31)), this.id);
		settle("1.1.1", TaskStatus.COMPLETED);
		settle("1.2.1", TaskStatus.LONG_TERM);
		settle("2.1.1", TaskStatus.BASICALLY_COMPLETED);
	}

	@Test
	void shouldExportTheTaskListAsImportedWithOutcomesColoured() throws IOException {
		try (XSSFWorkbook workbook = open(export((out) -> this.workbooks.tasks(this.id, TaskListQuery.all(), LedgerScope.ALL, ZH, out)))) {
			XSSFSheet sheet = workbook.getSheetAt(0);

			assertThat(sheet.getSheetName()).isEqualTo("任务清单");
			assertThat(texts(sheet.getRow(0))).containsExactly("编号", "问题类别", "问题编号", "具体问题", "细化任务", "整改措施", "任务类型",
					"责任领导", "牵头部门", "配合部门", "责任人", "整改期限", "整改结果", "进度", "已逾期", "佐证");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(texts(sheet.getRow(1))).containsExactly("1.1.1", "1. 全面从严治党推进不实", "1.1", "宿舍维修和食堂管理不到位",
					"宿舍日常维修不及时", "1. 建立维修台账\n2. 限时办结", "集中整改", "吴副校长", "后勤处", "资产管理处、财务处", "张三", "2027-09-30",
					"已完成", "已办结", "否", "0");
			assertThat(texts(sheet.getRow(3))).startsWith("1.2.1", "1. 全面从严治党推进不实", "1.2", "财务报账办法缺失", "未出台财务报账管理办法",
					"修订报账办法", "长期整改", "赵副校长", "财务处", "", "王五", "2026-12-31", "长期整改");
			assertThat(texts(sheet.getRow(4))).startsWith("2.1.1", "2. 作风建设不扎实", "2.1", "会议文件过多", "精简文件", "压减发文数量",
					"集中整改", "周书记", "党政办公室", "", "孙七", "2027-08-31", "基本完成");
			Cell deadline = sheet.getRow(1).getCell(11);
			assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 9, 30));
			assertThat(fill(sheet.getRow(1).getCell(12))).isEqualTo("E8F5E9");
			assertThat(font(sheet.getRow(1).getCell(12))).isEqualTo("2E7D32");
			assertThat(fill(sheet.getRow(2).getCell(12))).isEqualTo("ECEFF1");
			// 1.1.2 is open and its deadline (2026-07-31) has passed: a red light, flagged overdue.
			assertThat(texts(sheet.getRow(2)).subList(11, 15)).containsExactly("2026-07-31", "未完成", "已逾期", "是");
			assertThat(fill(sheet.getRow(2).getCell(13))).isEqualTo("FFEBEE");
			assertThat(fill(sheet.getRow(2).getCell(14))).isEqualTo("FFEBEE");
			assertThat(fill(sheet.getRow(1).getCell(13))).isEqualTo("ECEFF1");
			assertThat(fill(sheet.getRow(3).getCell(12))).isEqualTo("E3F2FD");
			assertThat(fill(sheet.getRow(4).getCell(12))).isEqualTo("FFF3E0");
			assertThat(fill(sheet.getRow(0).getCell(0))).isEqualTo("EEEEEE");
			assertThat(((XSSFCellStyle) sheet.getRow(0).getCell(0).getCellStyle()).getFont().getBold()).isTrue();
			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
			assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:P5");
			assertThat(workbook.getProperties().getCoreProperties().getTitle()).isEqualTo(TITLE);
		}
	}

	/**
	 * Opened and printed as offices do (issue 19): multi-line cells wrap and their rows are tall enough for every line;
	 * landscape A4, one page wide, the header row repeated on every page, the header frozen.
	 */
	@Test
	void shouldWrapMultiLineCellsAndPrintLandscapeOnePageWideWithTheHeaderOnEveryPage() throws IOException {
		for (byte[] bytes : List.of(export((out) -> this.workbooks.tasks(this.id, TaskListQuery.all(), LedgerScope.ALL, ZH, out)),
				export((out) -> this.workbooks.problems(this.id, new ProblemFilter(null, null, null), LedgerScope.ALL, ZH, out)),
				export((out) -> this.workbooks.responsibilities(this.id, LedgerQueries.ResponsibilityView.LEADER,
						LedgerScope.ALL, ZH, out)))) {
			try (XSSFWorkbook workbook = open(bytes)) {
				XSSFSheet sheet = workbook.getSheetAt(0);
				assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
				assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
				assertThat(sheet.getFitToPage()).isTrue();
				assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
				assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
				assertThat(sheet.getRepeatingRows()).hasToString(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1").toString());
				assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
				assertThat(sheet.getRow(0).getCell(0).getCellStyle().getWrapText()).isTrue();
				for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
					assertThat(sheet.getColumnWidth(c)).as("column " + c).isBetween(5 * 256, 48 * 256);
				}
			}
		}
		try (XSSFWorkbook workbook = open(export((out) -> this.workbooks.tasks(this.id, TaskListQuery.all(), LedgerScope.ALL, ZH, out)))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			Cell measures = sheet.getRow(1).getCell(5);
			assertThat(measures.getStringCellValue()).isEqualTo("1. 建立维修台账\n2. 限时办结");
			assertThat(measures.getCellStyle().getWrapText()).isTrue();
			assertThat(sheet.getRow(1).getHeightInPoints()).as("two lines").isGreaterThanOrEqualTo(2 * LedgerWorkbooks.LINE_HEIGHT);
			assertThat(sheet.getRow(4).getHeightInPoints()).as("one line").isLessThan(2 * LedgerWorkbooks.LINE_HEIGHT);
		}
		assertThat(LedgerWorkbooks.lines("1. 建立维修台账\n2. 限时办结", 48)).isEqualTo(2);
		assertThat(LedgerWorkbooks.lines("宿舍日常维修不及时".repeat(4), 36)).isEqualTo(3);
		assertThat(LedgerWorkbooks.lines("x".repeat(300), 10_000)).isEqualTo(1);
	}

	@Test
	void shouldNeutraliseTextThatExcelWouldTakeForAFormula() throws IOException {
		try (XSSFWorkbook workbook = open(export((out) -> this.workbooks.tasks(this.id, TaskListQuery.all(), LedgerScope.ALL, ZH, out)))) {
			Row row = workbook.getSheetAt(0).getRow(2);

			assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"点此\")");
			assertThat(row.getCell(5).getStringCellValue()).isEqualTo("1. +cmd|' /C calc'!A0\n2. @SUM(1+1)");
			assertThat(row.getCell(10).getStringCellValue()).isEqualTo("'-张三");
			for (Row r : workbook.getSheetAt(0)) {
				for (Cell c : r) {
					assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	@Test
	void shouldExportOnlyWhatTheTaskListsFiltersSelectInItsOrder() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/inspections/" + this.id + "/tasks.xlsx?department=logisticsDepartment&sort=code&dir=desc&page=3&size=1")
				.with(office()))
			.andExpect(status().isOk())
			.andExpect(content().contentType(LedgerExportController.XLSX))
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn();
		try (XSSFWorkbook workbook = open(result.getResponse().getContentAsByteArray())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1.1.2");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("1.1.1");
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:P3");
		}
	}

	@Test
	void shouldExportTheProblemListWithItsFiltersAndRolledUpOutcomes() throws Exception {
		MvcResult all = this.mvc.perform(get("/inspections/" + this.id + "/problems.xlsx").with(office()))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook workbook = open(all.getResponse().getContentAsByteArray())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("问题清单");
			assertThat(texts(sheet.getRow(1))).containsExactly("1.1", "1. 全面从严治党推进不实", "宿舍维修和食堂管理不到位", "否", "未完成", "2",
					"1", "0", "1", "0", "1");
			assertThat(texts(sheet.getRow(2))).containsExactly("1.2", "1. 全面从严治党推进不实", "财务报账办法缺失", "否", "长期整改", "1", "0",
					"0", "0", "1", "0");
			assertThat(texts(sheet.getRow(3)).get(4)).isEqualTo("基本完成");
			assertThat(fill(sheet.getRow(2).getCell(4))).isEqualTo("E3F2FD");
			assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K4");
		}
		try (XSSFWorkbook workbook = open(export((out) -> this.workbooks.problems(this.id,
				new ProblemFilter(null, TaskStatus.LONG_TERM, null), LedgerScope.ALL, ZH, out)))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("1.2");
		}
	}

	@Test
	void shouldExportTheResponsibilityListByDepartmentAndByLeaderInEnglishToo() throws Exception {
		MvcResult byLeader = this.mvc
			.perform(get("/inspections/" + this.id + "/responsibilities.xlsx?by=leader&lang=en").with(office()))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook workbook = open(byLeader.getResponse().getContentAsByteArray())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(texts(sheet.getRow(0))).startsWith("Responsible leader", "Lead departments");
			assertThat(texts(sheet.getRow(1))).containsExactly("吴副校长", "后勤处", "2", "1", "0", "1", "0", "1", "0");
		}
		try (XSSFWorkbook workbook = open(export((out) -> this.workbooks.responsibilities(this.id,
				LedgerQueries.ResponsibilityView.DEPARTMENT, LedgerScope.ALL, ZH, out)))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(texts(sheet.getRow(0))).startsWith("牵头部门", "责任领导", "任务数");
			assertThat(texts(sheet.getRow(1))).startsWith("后勤处", "吴副校长", "2");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I4");
		}
	}

	/** A department exports what its pages show it: the tasks it leads or cooperates on, nothing else. */
	@Test
	void shouldExportOnlyWhatThePersonMaySee() throws Exception {
		RequestPostProcessor finance = user("financeDepartmentStaff")
			.authorities(new SimpleGrantedAuthority("GROUP_financeDepartment"), new SimpleGrantedAuthority("UNIT_unit1"));
		MvcResult tasks = this.mvc.perform(get("/inspections/" + this.id + "/tasks.xlsx").with(finance))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook workbook = open(tasks.getResponse().getContentAsByteArray())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			// 1.2.1 is led by finance, 1.1.1 has finance among its cooperating departments.
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1.1.1");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("1.2.1");
		}
		MvcResult problems = this.mvc.perform(get("/inspections/" + this.id + "/problems.xlsx").with(finance)).andReturn();
		try (XSSFWorkbook workbook = open(problems.getResponse().getContentAsByteArray())) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
			assertThat(texts(workbook.getSheetAt(0).getRow(1)).subList(0, 6)).containsExactly("1.1", "1. 全面从严治党推进不实",
					"宿舍维修和食堂管理不到位", "否", "已完成", "1");
		}
		MvcResult responsibilities = this.mvc.perform(get("/inspections/" + this.id + "/responsibilities.xlsx").with(finance))
			.andReturn();
		try (XSSFWorkbook workbook = open(responsibilities.getResponse().getContentAsByteArray())) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(texts(sheet.getRow(1)).get(0)).isIn("后勤处", "财务处");
		}
	}

	static RequestPostProcessor office() {
		return user("rectificationClerk").authorities(new SimpleGrantedAuthority("GROUP_rectificationOffice"), new SimpleGrantedAuthority("UNIT_unit1"));
	}

	@Test
	void shouldAnswerAnUnknownInspectionWithTheErrorPage() throws Exception {
		this.mvc.perform(get("/inspections/999999/tasks.xlsx").with(office()))
			.andExpect(status().isNotFound());
	}

	interface Export {

		void to(ByteArrayOutputStream out) throws IOException;

	}

	static byte[] export(Export export) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.to(out);
		return out.toByteArray();
	}

	static XSSFWorkbook open(byte[] bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	static List<String> texts(Row row) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			Cell cell = row.getCell(i);
			if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
				texts.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
			}
			else {
				texts.add((cell == null) ? "" : formatter.formatCellValue(cell));
			}
		}
		return texts;
	}

	static String fill(Cell cell) {
		return ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor().getARGBHex().substring(2);
	}

	static String font(Cell cell) {
		return ((XSSFCellStyle) cell.getCellStyle()).getFont().getXSSFColor().getARGBHex().substring(2);
	}

	private void settle(String code, TaskStatus outcome) {
		RectificationTask task = this.tasks.findByInspectionIdAndCode(this.id, code).orElseThrow();
		task.recordOutcome(outcome, Instant.now());
		this.tasks.save(task);
	}

}

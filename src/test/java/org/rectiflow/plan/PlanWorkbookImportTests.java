package org.rectiflow.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.rectiflow.TestWorkbooks;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.plan.importing.PlanWorkbookException;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.ledger.Ledger;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.task.TaskKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Importing the plan workbook on the real database and engine: the template filled in and read back into the
 * ledger, every kind of error with its sheet, row and column (and nothing imported), idempotency, unknown leaders and
 * departments listed but never created, and the file-level guards (size, format, zip bombs).
 */
@SpringBootTest
@ActiveProfiles("test")
class PlanWorkbookImportTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Autowired
	PlanWorkbookImporter importer;

	@Autowired
	PlanWorkbookTemplate template;

	@Autowired
	LedgerService ledgers;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	static TestWorkbooks filled(PlanWorkbookTemplate template, String title, Locale locale) {
		return TestWorkbooks.fromTemplate(template, locale)
			.standardInspection(title)
			.task("全面从严治党推进不实", "1.1", "宿舍维修和食堂管理不到位", "宿舍日常维修不及时", "1. 建立维修台账\n2. 限时办结",
					"吴副校长", "后勤处", "资产管理处、财务处", "张三", LocalDate.of(2027, 9, 30), "集中整改")
			.task("全面从严治党推进不实", "1.1", "宿舍维修和食堂管理不到位", "食堂特色档口无准入规则", "①制定档口准入办法",
					DemoAccounts.VICE_PRESIDENT_LOGISTICS, "logisticsDepartment", null, null, "2027-07-31", "立行立改")
			.task("全面从严治党推进不实", "2", "财务报账办法缺失", "未出台财务报账管理办法", "一是修订报账办法\n二是组织培训", "赵副校长",
					"财务处", null, "王五", "2026年12月31日", "长期整改")
			.task("作风建设不扎实", "2.1", "会议文件过多", null, null, null, null, null, null, null, null);
	}

	@Test
	void shouldRegisterTheFeedbackAndPlanOfAFilledInTemplate() {
		PlanWorkbookImporter.Outcome outcome = this.importer.importWorkbook(
				filled(this.template, "导入测试：往返", ZH).bytes(), "plan.xlsx", "rectificationClerk", ZH);

		assertThat(outcome.alreadyImported()).isFalse();
		assertThat(outcome.problems()).isEqualTo(3);
		assertThat(outcome.tasks()).isEqualTo(3);
		Ledger ledger = this.ledgers.ledger(outcome.inspectionId());
		assertThat(ledger.title()).isEqualTo("导入测试：往返");
		assertThat(ledger.unitName()).isEqualTo("导入测试学院党委");
		assertThat(ledger.status()).isEqualTo(InspectionStatus.PLANNING);
		assertThat(ledger.categories()).extracting(Ledger.CategoryEntry::seq, Ledger.CategoryEntry::title)
			.containsExactly(tuple(1, "全面从严治党推进不实"), tuple(2, "作风建设不扎实"));
		assertThat(ledger.problems()).extracting(Ledger.ProblemEntry::code, Ledger.ProblemEntry::title)
			.containsExactly(tuple("1.1", "宿舍维修和食堂管理不到位"), tuple("1.2", "财务报账办法缺失"), tuple("2.1", "会议文件过多"));
		assertThat(ledger.tasks()).extracting(Ledger.TaskEntry::code, Ledger.TaskEntry::title, Ledger.TaskEntry::kind,
				Ledger.TaskEntry::responsibleLeader, Ledger.TaskEntry::leadDepartment,
				Ledger.TaskEntry::cooperatingDepartments, Ledger.TaskEntry::responsiblePerson, Ledger.TaskEntry::deadline,
				Ledger.TaskEntry::measures)
			.containsExactly(
					tuple("1.1.1", "宿舍日常维修不及时", TaskKind.CONCENTRATED, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
							"logisticsDepartment", List.of("assetDepartment", "financeDepartment"), "张三",
							LocalDate.of(2027, 9, 30), List.of("建立维修台账", "限时办结")),
					tuple("1.1.2", "食堂特色档口无准入规则", TaskKind.IMMEDIATE, DemoAccounts.VICE_PRESIDENT_LOGISTICS,
							"logisticsDepartment", List.of(), null, LocalDate.of(2027, 7, 31), List.of("制定档口准入办法")),
					tuple("1.2.1", "未出台财务报账管理办法", TaskKind.LONG_TERM, DemoAccounts.VICE_PRESIDENT_FINANCE,
							"financeDepartment", List.of(), "王五", LocalDate.of(2026, 12, 31), List.of("修订报账办法", "组织培训")));
		assertThat(processes(outcome.inspectionId())).isEqualTo(1);
		Long inspections = this.jdbc.queryForObject("select count(*) from inspection where title = ?", Long.class,
				"导入测试：往返");
		assertThat(inspections).isEqualTo(1);
	}

	@Test
	void shouldChangeNothingWhenTheSameContentIsImportedAgainInWhateverForm() {
		byte[] chinese = filled(this.template, "导入测试：幂等", ZH).bytes();
		PlanWorkbookImporter.Outcome first = this.importer.importWorkbook(chinese, "a.xlsx", "rectificationClerk", ZH);
		long rows = rows();

		PlanWorkbookImporter.Outcome again = this.importer.importWorkbook(chinese, "a.xlsx", "rectificationClerk", ZH);
		// The same content in the English template, the leader given by account: still the same plan.
		TestWorkbooks english = filled(this.template, "导入测试：幂等", Locale.ENGLISH);
		english.planSheet().getRow(1).getCell(5).setCellValue(DemoAccounts.VICE_PRESIDENT_LOGISTICS);
		english.planSheet().getRow(1).getCell(10).setCellValue("Concentrated");
		PlanWorkbookImporter.Outcome translated = this.importer.importWorkbook(english.bytes(), "b.xlsx",
				"rectificationClerk", Locale.ENGLISH);

		assertThat(again.alreadyImported()).isTrue();
		assertThat(again.inspectionId()).isEqualTo(first.inspectionId());
		assertThat(translated.alreadyImported()).isTrue();
		assertThat(translated.inspectionId()).isEqualTo(first.inspectionId());
		assertThat(rows()).isEqualTo(rows);
		assertThat(processes(first.inspectionId())).isEqualTo(1);
	}

	@Test
	void shouldImportAChangedWorkbookAsANewInspection() {
		PlanWorkbookImporter.Outcome first = this.importer.importWorkbook(filled(this.template, "导入测试：修改", ZH).bytes(),
				"a.xlsx", "rectificationClerk", ZH);
		TestWorkbooks changed = filled(this.template, "导入测试：修改", ZH);
		changed.planSheet().getRow(1).getCell(8).setCellValue("李四");

		PlanWorkbookImporter.Outcome second = this.importer.importWorkbook(changed.bytes(), "a.xlsx",
				"rectificationClerk", ZH);

		assertThat(second.alreadyImported()).isFalse();
		assertThat(second.inspectionId()).isNotEqualTo(first.inspectionId());
	}

	@Test
	void shouldReportEveryErrorWithSheetRowAndColumnAndImportNothing() {
		TestWorkbooks workbook = TestWorkbooks.fromTemplate(this.template, ZH)
			.inspection("巡察名称", "导入测试：错误")
			.inspection("巡察组", "")
			.inspection("被巡察单位", "错误测试学院")
			.inspection("巡察进驻日期", LocalDate.of(2026, 5, 1))
			.inspection("巡察结束日期", LocalDate.of(2026, 4, 1))
			.inspection("反馈日期", "六月十日")
			.inspection("集中整改期", 48)
			.inspection("联系电话", "1".repeat(101));
		workbook
			// row 2: fine
			.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null, "2027-09-30", null)
			// row 3: the same task again, an unknown kind
			.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null, "2027-09-30", "马上改")
			// row 4: same number, other text; unknown leader; unknown lead and cooperating departments
			.task("类别一", "1.1", "问题一（改）", "任务二", "措施", "王校长", "保卫处", "后勤处、档案馆", null, "2027-09-30", null)
			// row 5: a number out of order; a date that is not one
			.task("类别一", "1.3", "问题二", "任务三", "措施", "吴副校长", "后勤处", null, null, "九月底", null)
			// row 6: a number that cannot be read; missing measures, leader, department and deadline
			.task("类别一", "第三", "问题三", "任务四", null, null, null, null, null, null, null)
			// row 7: missing category and problem; a task too long
			.task(null, "1.4", null, "长".repeat(2001), "措施", "吴副校长", "后勤处", null, null, "2027-09-30", null)
			// row 8: task details without a task
			.task("类别一", "1.4", "问题五", null, "措施", null, null, null, null, null, null);

		PlanWorkbookException refused = refused(workbook.bytes());

		assertThat(refused.getErrors()).extracting(WorkbookError::sheet, WorkbookError::row, WorkbookError::column,
				WorkbookError::key)
			.containsExactly(tuple("巡察信息", 3, "B", "workbook.error.required"),
					tuple("巡察信息", 7, "B", "workbook.error.date"),
					tuple("巡察信息", 9, "B", "workbook.error.months"),
					tuple("巡察信息", 10, "B", "workbook.error.tooLong"),
					tuple("巡察信息", 6, "B", "workbook.error.dateOrder"),
					tuple("整改任务", 3, "D", "workbook.error.duplicateTask"),
					tuple("整改任务", 3, "K", "workbook.error.kind"),
					tuple("整改任务", 4, "C", "workbook.error.problemConflict"),
					tuple("整改任务", 4, "F", "workbook.error.unknownLeader"),
					tuple("整改任务", 4, "G", "workbook.error.unknownDepartment"),
					tuple("整改任务", 4, "H", "workbook.error.unknownDepartment"),
					tuple("整改任务", 5, "B", "workbook.error.problemNumber"),
					tuple("整改任务", 5, "J", "workbook.error.date"),
					tuple("整改任务", 6, "B", "workbook.error.problemNumberFormat"),
					tuple("整改任务", 6, "E", "workbook.error.required"),
					tuple("整改任务", 6, "F", "workbook.error.required"),
					tuple("整改任务", 6, "G", "workbook.error.required"),
					tuple("整改任务", 6, "J", "workbook.error.required"),
					tuple("整改任务", 7, "D", "workbook.error.tooLong"),
					tuple("整改任务", 7, "A", "workbook.error.required"),
					tuple("整改任务", 7, "C", "workbook.error.required"),
					tuple("整改任务", 8, "D", "workbook.error.required"));
		assertThat(refused.getUnknownLeaders()).containsExactly("王校长");
		assertThat(refused.getUnknownDepartments()).containsExactly("保卫处", "档案馆");
		assertThat(this.jdbc.queryForObject("select count(*) from inspection where title = ?", Long.class, "导入测试：错误"))
			.isZero();
	}

	@Test
	void shouldSayWhatIsWrongInChineseAndInEnglish() {
		TestWorkbooks workbook = TestWorkbooks.fromTemplate(this.template, ZH).standardInspection("导入测试：消息")
			.task("类别一", "1.1", "问题一", "任务一", "措施", "王校长", "后勤处", null, null, "2027-09-30", null);
		WorkbookError error = refused(workbook.bytes()).getErrors().get(0);

		assertThat(error.location()).isEqualTo("整改任务!F2");
		assertThat(this.messages(error, ZH)).isEqualTo("系统中没有责任领导“王校长”（应为校领导班子成员的姓名或账号，见“填写说明”表）");
		assertThat(this.messages(error, Locale.ENGLISH))
			.isEqualTo("There is no responsible leader “王校长” (a member of the leadership by name or account, see the Guide sheet)");
	}

	@Test
	void shouldListUnknownLeadersAndDepartmentsWithoutCreatingThem() {
		long users = this.identityService.createUserQuery().count();
		long groups = this.identityService.createGroupQuery().count();
		TestWorkbooks workbook = TestWorkbooks.fromTemplate(this.template, ZH).standardInspection("导入测试：未知")
			.task("类别一", "1.1", "问题一", "任务一", "措施", "王校长", "保卫处", "档案馆、后勤处", null, "2027-09-30", null)
			.task("类别一", "1.1", "问题一", "任务二", "措施", "钱副校长", "保卫处", null, null, "2027-09-30", null)
			.task("类别一", "1.1", "问题一", "任务三", "措施", "王校长", "后勤处", null, null, "2027-09-30", null);

		PlanWorkbookException refused = refused(workbook.bytes());

		assertThat(refused.getUnknownLeaders()).containsExactly("王校长", "钱副校长");
		assertThat(refused.getUnknownDepartments()).containsExactly("保卫处", "档案馆");
		assertThat(this.identityService.createUserQuery().count()).isEqualTo(users);
		assertThat(this.identityService.createGroupQuery().count()).isEqualTo(groups);
	}

	/** A name two leaders share must be given as an account; and no deadline may come before the feedback. */
	@Test
	void shouldAskForTheAccountOfASharedNameAndRefuseDeadlinesBeforeTheFeedback() {
		User namesake = this.identityService.newUser("namesakeLogistics");
		namesake.setLastName("吴");
		namesake.setFirstName("副校长");
		this.identityService.saveUser(namesake);
		this.identityService.createMembership("namesakeLogistics", Groups.LEADERS);
		try {
			TestWorkbooks workbook = TestWorkbooks.fromTemplate(this.template, ZH).standardInspection("导入测试：重名")
				.task("类别一", "1.1", "问题一", "任务一", "措施", "吴副校长", "后勤处", null, null, "2026-05-01", null)
				.task("类别一", "1.1", "问题一", "任务二", "措施", "namesakeLogistics", "后勤处", null, null, "2027-09-30", null);

			PlanWorkbookException refused = refused(workbook.bytes());

			assertThat(refused.getErrors()).extracting(WorkbookError::sheet, WorkbookError::row, WorkbookError::column,
					WorkbookError::key)
				.containsExactly(tuple("整改任务", 2, "F", "workbook.error.ambiguousLeader"),
						tuple("整改任务", 2, "J", "workbook.error.deadlineBeforeFeedback"));
			assertThat(messages(refused.getErrors().get(0), ZH))
				.isEqualTo("责任领导“吴副校长”有重名，请改填账号：namesakeLogistics、vicePresidentLogistics");
			assertThat(messages(refused.getErrors().get(1), ZH)).isEqualTo("整改期限 2026-05-01 早于反馈日期 2026-06-10");
			assertThat(refused.getUnknownLeaders()).isEmpty();
		}
		finally {
			this.identityService.deleteUser("namesakeLogistics");
		}
	}

	@Test
	void shouldReportMissingSheetsColumnsFieldsAndRows() throws IOException {
		TestWorkbooks workbook = TestWorkbooks.fromTemplate(this.template, ZH).standardInspection("导入测试：缺列");
		workbook.inspectionSheet().removeRow(workbook.inspectionSheet().getRow(6));
		Row header = workbook.planSheet().getRow(0);
		header.getCell(5).setCellValue("分管领导");
		workbook.workbook().removeSheetAt(2);
		assertThat(refused(workbook.bytes()).getErrors())
			.extracting(WorkbookError::sheet, WorkbookError::row, WorkbookError::column, WorkbookError::key)
			.containsExactly(tuple("巡察信息", null, null, "workbook.error.fieldMissing"),
					tuple("整改任务", 1, null, "workbook.error.columnMissing"));

		TestWorkbooks empty = TestWorkbooks.fromTemplate(this.template, ZH).standardInspection("导入测试：空");
		assertThat(refused(empty.bytes()).getErrors()).extracting(WorkbookError::sheet, WorkbookError::row,
				WorkbookError::key)
			.containsExactly(tuple("整改任务", 2, "workbook.error.noRows"));

		try (XSSFWorkbook noPlan = new XSSFWorkbook()) {
			noPlan.createSheet("巡察信息");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			noPlan.write(out);
			assertThat(refused(out.toByteArray()).getErrors()).extracting(WorkbookError::sheet, WorkbookError::key)
				.contains(tuple("整改任务", "workbook.error.sheetMissing"));
		}
	}

	@Test
	void shouldRefuseMoreRowsThanTheLimit() {
		TestWorkbooks workbook = TestWorkbooks.fromTemplate(this.template, ZH).standardInspection("导入测试：行数");
		for (int i = 1; i <= 5001; i++) {
			workbook.task("类别一", "1." + (1 + (i - 1) / 100), "问题" + (1 + (i - 1) / 100), "任务" + i, "措施", "吴副校长",
					"后勤处", null, null, "2027-09-30", null);
		}
		assertThat(refused(workbook.bytes()).getErrors()).extracting(WorkbookError::row, WorkbookError::key)
			.containsExactly(tuple(5002, "workbook.error.tooManyRows"));
	}

	@Test
	void shouldRefuseFilesThatAreNoPlanWorkbookBeforeOpeningThem() throws IOException {
		assertThat(fileError(new byte[0])).isEqualTo("workbook.error.empty");
		assertThat(fileError("类别,问题\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("workbook.error.notXlsx");
		byte[] ole2 = new byte[512];
		ole2[0] = (byte) 0xD0;
		ole2[1] = (byte) 0xCF;
		ole2[2] = (byte) 0x11;
		ole2[3] = (byte) 0xE0;
		assertThat(fileError(ole2)).isEqualTo("workbook.error.oldFormat");
		byte[] large = new byte[6 * 1024 * 1024];
		large[0] = 'P';
		large[1] = 'K';
		large[2] = 3;
		large[3] = 4;
		assertThat(fileError(large)).isEqualTo("workbook.error.tooLarge");
		assertThat(fileError(zip("hello.txt", "not a workbook".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("workbook.error.unreadable");
	}

	/** 200 MB of zeros in a 200 KB zip: refused while counting, long before POI or the heap see it. */
	@Test
	void shouldRefuseAZipBombByItsInflatedSize() throws IOException {
		byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[200 * 1024 * 1024]);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThat(fileError(bomb)).isEqualTo("workbook.error.bomb");
	}

	/** Under the size cap but inflating over a hundredfold: POI's own ratio check (ZipSecureFile) refuses it. */
	@Test
	void shouldRefuseAWorkbookThatInflatesSuspiciouslyMuch() throws IOException {
		byte[] valid = filled(this.template, "导入测试：膨胀", ZH).bytes();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(valid));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(e.getName()));
				zip.write(in.readAllBytes());
				if (e.getName().equals("docProps/core.xml")) {
					byte[] padding = new byte[10 * 1024 * 1024];
					Arrays.fill(padding, (byte) ' ');
					zip.write(padding);
				}
				zip.closeEntry();
			}
		}
		assertThat(fileError(out.toByteArray())).isEqualTo("workbook.error.bomb");
	}

	private String fileError(byte[] bytes) {
		List<WorkbookError> errors = refused(bytes).getErrors();
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).sheet()).isNull();
		return errors.get(0).key();
	}

	private PlanWorkbookException refused(byte[] bytes) {
		long rows = rows();
		PlanWorkbookException refused = assertThatExceptionOfType(PlanWorkbookException.class)
			.isThrownBy(() -> this.importer.importWorkbook(bytes, "x.xlsx", "rectificationClerk", ZH))
			.actual();
		assertThat(rows()).isEqualTo(rows);
		return refused;
	}

	private static byte[] zip(String name, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	@Autowired
	org.springframework.context.MessageSource messageSource;

	private String messages(WorkbookError error, Locale locale) {
		return this.messageSource.getMessage(error, locale);
	}

	private long rows() {
		return this.jdbc.queryForObject("select (select count(*) from inspection) + (select count(*) from problem)"
				+ " + (select count(*) from rectification_task) + (select count(*) from measure)"
				+ " + (select count(*) from plan_import)", Long.class)
				+ this.runtimeService.createProcessInstanceQuery().count();
	}

	private long processes(Long inspectionId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.count();
	}

}

package org.rectiflow.ledger.export;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.ledger.TaskListQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger of 20,000 tasks exports without holding it: the database hands the tasks over in batches of
 * {@link LedgerQueries#EXPORT_BATCH}, the workbook keeps only SXSSF's window of {@link LedgerWorkbooks#WINDOW} rows
 * in memory while the rest is flushed, and the file written holds every row (counted with POI's streaming reader,
 * since opening it whole would itself take the memory this avoids). Time and heap are logged, not asserted: they
 * depend on the machine. Runs on H2 here and on PostgreSQL (a real cursor) in
 * {@link LedgerExportStreamingPostgresTests}.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerExportStreamingTests {

	static final int CATEGORIES = 10;

	/** 20 gives 20,000 tasks; {@code -DlargeExport.problemsPerCategory=100} measures 100,000. */
	static final int PROBLEMS_PER_CATEGORY = Integer.getInteger("largeExport.problemsPerCategory", 20);

	static final int TASKS_PER_PROBLEM = 100;

	static final int TASKS = CATEGORIES * PROBLEMS_PER_CATEGORY * TASKS_PER_PROBLEM;

	private static final Logger logger = LoggerFactory.getLogger(LedgerExportStreamingTests.class);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LedgerQueries queries;

	@Autowired
	LedgerWorkbooks workbooks;

	Long id;

	@BeforeAll
	void seedALargeLedger() {
		long started = System.nanoTime();
		String title = "导出测试：大台账 " + Instant.now();
		this.jdbc.update("insert into inspection (title, inspecting_body, unit_name, status, created_at) values (?, ?, ?, ?, ?)",
				title, "省委第四巡察组", "大台账学院党委", "RECTIFYING", Timestamp.from(Instant.now()));
		this.id = this.jdbc.queryForObject("select id from inspection where title = ?", Long.class, title);
		for (int c = 1; c <= CATEGORIES; c++) {
			this.jdbc.update("insert into problem_category (inspection_id, seq, title) values (?, ?, ?)", this.id, c,
					"第" + c + "类问题");
			Long categoryId = this.jdbc.queryForObject(
					"select id from problem_category where inspection_id = ? and seq = ?", Long.class, this.id, c);
			for (int p = 1; p <= PROBLEMS_PER_CATEGORY; p++) {
				String problemCode = c + "." + p;
				this.jdbc.update("insert into problem (inspection_id, category_id, seq, code, title) values (?, ?, ?, ?, ?)",
						this.id, categoryId, p, problemCode, "具体问题 " + problemCode);
				Long problemId = this.jdbc.queryForObject("select id from problem where inspection_id = ? and code = ?",
						Long.class, this.id, problemCode);
				List<Object[]> tasks = new ArrayList<>();
				for (int t = 1; t <= TASKS_PER_PROBLEM; t++) {
					tasks.add(new Object[] { this.id, problemId, t, problemCode + "." + t,
							"细化任务 " + problemCode + "." + t + "：" + "落实整改要求".repeat(5),
							(t % 4 == 0) ? "LONG_TERM" : "CONCENTRATED", "vicePresidentLogistics", "logisticsDepartment",
							"assetDepartment,financeDepartment", "张三", Date.valueOf(LocalDate.of(2027, 1 + t % 12, 1)),
							(t % 3 == 0) ? "COMPLETED" : "NOT_COMPLETED", t % 3 == 0 });
				}
				this.jdbc.batchUpdate("insert into rectification_task (inspection_id, problem_id, seq, code, title, kind,"
						+ " responsible_leader, lead_department, cooperating_departments, responsible_person, deadline, status,"
						+ " closed_off) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tasks);
			}
		}
		this.jdbc.update("insert into measure (task_id, seq, content) select t.id, 1, concat('建立台账，逐项销号：', t.code)"
				+ " from rectification_task t where t.inspection_id = ?", this.id);
		this.jdbc.update("insert into measure (task_id, seq, content) select t.id, 2, '完善制度，长效常治'"
				+ " from rectification_task t where t.inspection_id = ?", this.id);
		logger.info("Seeded {} tasks and {} measures in {} ms", TASKS, 2 * TASKS, (System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	void dropTheLargeLedger() {
		// The in-memory database is shared by every test class of the run: leave it as small as it was.
		this.jdbc.update("delete from measure where task_id in (select id from rectification_task where inspection_id = ?)", this.id);
		this.jdbc.update("delete from rectification_task where inspection_id = ?", this.id);
		this.jdbc.update("delete from problem where inspection_id = ?", this.id);
		this.jdbc.update("delete from problem_category where inspection_id = ?", this.id);
		this.jdbc.update("delete from inspection where id = ?", this.id);
	}

	@Test
	void shouldHandTheTasksOverInBatchesInTheListsOrder() {
		List<Integer> sizes = new ArrayList<>();
		List<String> ends = new ArrayList<>();
		this.queries.forEachTask(this.id, TaskListQuery.all(), LedgerScope.ALL, LedgerQueries.EXPORT_BATCH, (batch) -> {
			sizes.add(batch.size());
			if (ends.isEmpty()) {
				ends.add(batch.get(0).row().code());
				assertThat(batch.get(0).measures()).containsExactly("建立台账，逐项销号：1.1.1", "完善制度，长效常治");
				assertThat(batch.get(0).cooperatingDepartmentNames()).containsExactly("资产管理处", "财务处");
				assertThat(batch.get(0).row().leaderName()).isEqualTo("吴副校长");
			}
			ends.add(batch.get(batch.size() - 1).row().code());
		});

		assertThat(sizes).hasSize(TASKS / LedgerQueries.EXPORT_BATCH).allMatch((s) -> s == LedgerQueries.EXPORT_BATCH);
		assertThat(ends.get(0)).isEqualTo("1.1.1");
		assertThat(ends.get(ends.size() - 1)).isEqualTo(CATEGORIES + "." + PROBLEMS_PER_CATEGORY + "." + TASKS_PER_PROBLEM);
	}

	@Test
	void shouldKeepOnlySxssfsWindowOfRowsInMemoryAndWriteEveryRow(@TempDir Path dir) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(baseline);
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		long started = System.nanoTime();
		Path file = dir.resolve("tasks.xlsx");
		SXSSFWorkbook workbook = new SXSSFWorkbook(LedgerWorkbooks.WINDOW);
		try {
			workbook.setCompressTempFiles(true);
			this.workbooks.fillTasks(workbook, this.id, TaskListQuery.all(), LedgerScope.ALL, Locale.SIMPLIFIED_CHINESE);
			SXSSFSheet sheet = workbook.getSheetAt(0);
			int inMemory = 0;
			for (Row row : sheet) {
				inMemory++;
			}
			assertThat(inMemory).isLessThanOrEqualTo(LedgerWorkbooks.WINDOW);
			assertThat((Object) sheet.getRow(0)).as("the header went to the temporary file long ago").isNull();
			assertThat(sheet.getLastFlushedRowNum()).isGreaterThanOrEqualTo(TASKS - LedgerWorkbooks.WINDOW);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		finally {
			workbook.close();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		sampling.set(false);
		sampler.join();
		logger.info("Exported {} tasks in {} ms to {} KB; heap {} MB before, peak {} MB (+{} MB), max heap {} MB", TASKS, millis,
				Files.size(file) / 1024, baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20,
				Runtime.getRuntime().maxMemory() >> 20);

		RowCounter counter = count(file);
		assertThat(counter.rows).isEqualTo(TASKS + 1);
		assertThat(counter.lastCode).isEqualTo(CATEGORIES + "." + PROBLEMS_PER_CATEGORY + "." + TASKS_PER_PROBLEM);
	}

	/** Reads the written sheet with POI's event API, a row at a time, as a check that never loads it whole. */
	private static RowCounter count(Path file) throws Exception {
		RowCounter counter = new RowCounter();
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, counter, false));
			try (InputStream sheet = reader.getSheetsData().next()) {
				parser.parse(new InputSource(sheet));
			}
		}
		return counter;
	}

	static final class RowCounter implements XSSFSheetXMLHandler.SheetContentsHandler {

		int rows;

		String lastCode;

		@Override
		public void startRow(int rowNum) {
			this.rows++;
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			if (reference.startsWith("A") && Character.isDigit(reference.charAt(1))) {
				this.lastCode = formattedValue;
			}
		}

	}

}

package org.rectiflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.ledger.ProblemFilter;
import org.rectiflow.ledger.TaskListQuery;
import org.rectiflow.ledger.export.LedgerWorkbooks;
import org.rectiflow.plan.FeedbackImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports and the ledger's workbooks opened by a real office suite, LibreOffice (Debian's
 * {@code libreoffice-writer-nogui} and {@code libreoffice-calc-nogui}), headless, the closest here to the WPS and Word
 * offices use: each {@code .docx} converted to PDF comes out at about as many pages as our own PDF of the same report
 * (within 20 %; a table of six equal columns made 13 pages of 4) with every heading; each {@code .xlsx} converted to
 * CSV holds every cell's text. On a developer's machine without {@code soffice} these are skipped with a reason; in CI
 * (where {@code CI} is set) they fail instead, as the browser tests do without Chromium.
 */
@Tag("office")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeSuiteTests {

	static final String SOFFICE = System.getProperty("soffice.binary", "/usr/bin/soffice");

	@Autowired
	ProcessDriver driver;

	@Autowired
	FeedbackImporter importer;

	@Autowired
	ReportService reports;

	@Autowired
	ReportFormats formats;

	@Autowired
	LedgerWorkbooks workbooks;

	Long id;

	Path dir;

	@BeforeAll
	void setUp() throws IOException {
		requireSoffice();
		String seed = ReportFormatsTests.referenceText();
		this.id = this.driver.register(this.importer.fromReport(seed)).getId();
		this.dir = Files.createDirectories(Path.of("target", "office", String.valueOf(System.nanoTime())));
	}

	static void requireSoffice() {
		boolean present = Files.isExecutable(Path.of(SOFFICE));
		if (!present && System.getenv("CI") != null) {
			throw new IllegalStateException("CI needs " + SOFFICE
					+ " (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui; .ci/run installs them)");
		}
		Assumptions.assumeTrue(present, "LibreOffice (soffice) is not installed: office-suite tests skipped");
	}

	@Test
	void shouldOpenThePublishedReportsDocxAtAboutThePagesOfOurPdf() throws Exception {
		// The reference case's public report as published (its own text), with a masthead as an office writes it.
		ReportDocument published = ReportDocument.parse(ReportTypographyTests.MASTHEAD + ReportFormatsTests.referenceText());
		compare("public-report", published);
	}

	@Test
	void shouldOpenTheReportToTheInspectionOfficeWithItsTaskTableAtAboutThePagesOfOurPdf() throws Exception {
		ReportDocument full = this.reports.rectificationReport(this.id);
		assertThat(full.blocks()).anySatisfy((b) -> assertThat(b.kind()).isEqualTo(ReportDocument.Kind.TABLE));
		compare("rectification-report", full);
	}

	@Test
	void shouldOpenThePreviewOfThePublicReportGeneratedFromTheLedger() throws Exception {
		compare("public-report-generated", this.reports.publicReport(this.id));
	}

	private void compare(String name, ReportDocument document) throws Exception {
		byte[] ours = this.formats.pdf(document);
		Path docx = this.dir.resolve(name + ".docx");
		Files.write(docx, this.formats.docx(document));
		Files.write(this.dir.resolve(name + "-ours.pdf"), ours);
		Path converted = convert(docx, "pdf", "pdf");
		try (PDDocument ourPdf = Loader.loadPDF(ours); PDDocument theirs = Loader.loadPDF(converted.toFile())) {
			int ourPages = ourPdf.getNumberOfPages();
			int theirPages = theirs.getNumberOfPages();
			System.out.printf("%s: our PDF %d pages, LibreOffice's of the .docx %d%n", name, ourPages, theirPages);
			assertThat((double) theirPages).as("LibreOffice's pages against our %d", ourPages)
				.isBetween(ourPages * 0.8, ourPages * 1.2);
			// Without the page numbers ("— 2 —") where a paragraph runs on to the next page, and compared without
			// punctuation: LibreOffice compresses a comma at the end of a line into the margin, where PDFBox's
			// text extraction loses some.
			String text = words(new PDFTextStripper().getText(theirs).replaceAll("—\\s*\\d+\\s*—", ""));
			assertThat(text).contains(words(document.title()));
			for (ReportDocument.Block b : document.blocks()) {
				if (b.kind() != ReportDocument.Kind.TABLE) {
					assertThat(text).as("LibreOffice's text").contains(words(b.text()));
				}
				else {
					for (List<String> row : b.rows()) {
						for (String cell : row) {
							assertThat(text).as("LibreOffice's table").contains(words(cell));
						}
					}
				}
			}
			assertThat(new PDFTextStripper().getText(theirs)).contains("— 1 —");
		}
	}

	/** The text without white space and punctuation. */
	private static String words(String text) {
		return text.replaceAll("[\\s\\p{P}]+", "");
	}

	@Test
	void shouldOpenEveryLedgerWorkbookWithEveryCellsText() throws Exception {
		List<Path> files = new ArrayList<>();
		files.add(write("tasks", (out) -> this.workbooks.tasks(this.id, TaskListQuery.all(), LedgerScope.ALL,
				Locale.SIMPLIFIED_CHINESE, out)));
		files.add(write("problems", (out) -> this.workbooks.problems(this.id, new ProblemFilter(null, null, null),
				LedgerScope.ALL, Locale.SIMPLIFIED_CHINESE, out)));
		files.add(write("responsibilities", (out) -> this.workbooks.responsibilities(this.id,
				LedgerQueries.ResponsibilityView.DEPARTMENT, LedgerScope.ALL, Locale.SIMPLIFIED_CHINESE, out)));
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		for (Path xlsx : files) {
			// UTF-8 (76), comma-separated (44), double quotes (34), the cells as shown.
			Path csv = convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv");
			String converted = Files.readString(csv, StandardCharsets.UTF_8);
			int cells = 0;
			try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
				XSSFSheet sheet = workbook.getSheetAt(0);
				for (Row row : sheet) {
					for (Cell cell : row) {
						String text = formatter.formatCellValue(cell);
						if (!text.isEmpty()) {
							cells++;
							assertThat(converted).as(xlsx.getFileName() + " " + cell.getAddress())
								.contains(text.replace("\"", "\"\""));
						}
					}
				}
			}
			System.out.printf("%s: %d cells, all in LibreOffice's CSV%n", xlsx.getFileName(), cells);
			assertThat(cells).isGreaterThan(20);
		}
	}

	private interface Export {

		void to(ByteArrayOutputStream out) throws IOException;

	}

	private Path write(String name, Export export) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.to(out);
		return Files.write(this.dir.resolve(name + ".xlsx"), out.toByteArray());
	}

	/** Converts with {@code soffice --headless --convert-to}, in a profile of its own, and returns the new file. */
	private Path convert(Path file, String filter, String extension) throws Exception {
		Path out = Files.createDirectories(this.dir.resolve("converted"));
		Path profile = this.dir.resolve("profile").toAbsolutePath();
		Process soffice = new ProcessBuilder(SOFFICE, "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--norestore", "--nolockcheck", "--convert-to", filter, "--outdir", out.toString(), file.toString())
			.redirectErrorStream(true)
			.start();
		String log;
		try (InputStream in = soffice.getInputStream()) {
			log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(soffice.waitFor(3, TimeUnit.MINUTES)).as("soffice finished: " + log).isTrue();
		assertThat(soffice.exitValue()).as(log).isZero();
		String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
		Path converted = out.resolve(base + "." + extension);
		assertThat(converted).as(log).exists();
		return converted;
	}

}

package org.rectiflow.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file formats on the reference case's own text (the published Hunan report read back into blocks): the PDF
 * carries the text in Chinese, every character drawn with a real glyph of the embedded fonts (no boxes) and copied
 * back as itself, each kind of block in its face, and the {@code .docx} opens in POI with the same text and its
 * layout.
 */
class ReportFormatsTests {

	static final String SERIF = "NotoSerifSC-Regular";

	static final String SANS = "NotoSansSC-Regular";

	static final String KAI = "MaShanZheng-Regular";

	/** The fonts, parsed once for every test here as once per node in the application. */
	static final ReportFonts FONTS = new ReportFonts();

	final ReportFormats formats = new ReportFormats(FONTS);

	static ReportDocument reference() throws IOException {
		return ReportDocument.parse(referenceText());
	}

	static String referenceText() throws IOException {
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void shouldReadTheLayoutOfAReportFromItsText() throws IOException {
		ReportDocument doc = reference();

		assertThat(doc.title()).isEqualTo("中共湖南机电职业技术学院委员会关于巡察整改进展情况的通报");
		assertThat(doc.texts(ReportDocument.Kind.HEADING)).containsExactly("一、组织落实整改情况", "二、集中整改期内已完成的整改事项",
				"三、对长期整改任务采取的重要举措和取得的阶段性成效", "四、下一步整改工作安排");
		assertThat(doc.texts(ReportDocument.Kind.SUBHEADING)).hasSize(8).startsWith("（一）扛牢责任抓整改");
		assertThat(doc.texts(ReportDocument.Kind.ITEM)).hasSize(13).startsWith("1.政治建设存在明显差距");
		assertThat(doc.texts(ReportDocument.Kind.SIGNATURE)).containsExactly("中共湖南机电职业技术学院委员会");
	}

	@Test
	void shouldEmbedTheShippedFontsAndDrawEveryCharacterWithARealGlyph() throws IOException {
		byte[] pdf = this.formats.pdf(reference());
		keep("reference-text.pdf", pdf);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			GlyphCheckingStripper stripper = new GlyphCheckingStripper();
			// Lines wrap anywhere in Chinese: compare without the breaks.
			String text = stripper.getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("整改", "中共湖南机电职业技术学院委员会关于巡察整改进展情况的通报", "二、集中整改期内已完成的整改事项",
					"联系电话（传真）：0731-84033328");
			assertThat(stripper.missing).as("characters drawn as boxes").isEmpty();
			assertThat(stripper.fonts).isNotEmpty().allSatisfy((font) -> {
				assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
				assertThat(font.getName()).as("a subset").matches("[A-Z]{6}\\+.+");
			});
			assertThat(stripper.fonts).extracting((font) -> baseName(font.getName()))
				.containsOnly(SERIF, SANS, KAI)
				.contains(SERIF, SANS, KAI);
			assertThat(document.getNumberOfPages()).isGreaterThan(5);
		}
	}

	@Test
	void shouldSetEachKindOfBlockInItsFace() throws IOException {
		try (PDDocument document = Loader.loadPDF(this.formats.pdf(reference()))) {
			GlyphCheckingStripper stripper = new GlyphCheckingStripper();
			stripper.getText(document);

			// The title's first line (it takes two).
			String title = stripper.fontOf("中共湖南机电职业技术学院委员会关于");
			String body = stripper.fontOf("根据省委教育工委统一部署");
			assertThat(baseName(title)).as("the title in Song").isEqualTo(SERIF);
			assertThat(baseName(body)).as("the body in FangSong (Noto Serif SC)").isEqualTo(SERIF);
			assertThat(title).as("the title is a face of its own").isNotEqualTo(body);
			assertThat(baseName(stripper.fontOf("一、组织落实整改情况"))).as("一、 headings in Hei").isEqualTo(SANS);
			assertThat(baseName(stripper.fontOf("扛牢责任抓整改"))).as("（一） headings in Kai").isEqualTo(KAI);
		}
	}

	/**
	 * Every character of the reference report outside ASCII, set as body text: each one is drawn by the body face
	 * itself (no fallback), with a real glyph, and copied out of the PDF as the same character (not, say, the radical
	 * ⼈ for 人, which shares its glyph).
	 */
	@Test
	void shouldDrawEveryCharacterOfTheReferenceCaseInTheBodyFace() throws IOException {
		Set<Integer> codePoints = new LinkedHashSet<>();
		referenceText().codePoints().filter((c) -> c > 0x7F && !Character.isWhitespace(c)).forEach(codePoints::add);
		StringBuilder characters = new StringBuilder();
		codePoints.forEach(characters::appendCodePoint);
		ReportDocument doc = new ReportDocument("Reference characters",
				List.of(new ReportDocument.Block(ReportDocument.Kind.PARAGRAPH, characters.toString(), List.of())));

		try (PDDocument document = Loader.loadPDF(this.formats.pdf(doc))) {
			GlyphCheckingStripper stripper = new GlyphCheckingStripper();
			// Without the page numbers ("— 2 —") between the pages.
			String text = stripper.getText(document).replaceAll("—\\s*\\d+\\s*—", "").replaceAll("\\s+", "");

			assertThat(codePoints).hasSizeGreaterThan(800);
			assertThat(text).contains(characters);
			assertThat(stripper.missing).as("characters drawn as boxes").isEmpty();
			assertThat(codePoints).allSatisfy((c) -> assertThat(stripper.fontsByCharacter.get(new String(Character.toChars(c))))
				.as(new String(Character.toChars(c)))
				.isNotEmpty()
				.allSatisfy((font) -> assertThat(baseName(font)).isEqualTo(SERIF)));
		}
	}

	/** Layouts side by side share the parsed fonts: each PDF is whole and has its own text. */
	@Test
	void shouldLayOutSideBySideWithTheSharedFonts() throws Exception {
		int layouts = 4;
		ReportFormats formats = new ReportFormats(FONTS, layouts);
		ReportDocument reference = reference();
		ExecutorService pool = Executors.newFixedThreadPool(layouts);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<byte[]>> pdfs = new ArrayList<>();
		for (int i = 0; i < layouts; i++) {
			ReportDocument doc = new ReportDocument("第" + i + "份" + reference.title(), reference.blocks());
			pdfs.add(pool.submit(() -> {
				start.await();
				return formats.pdf(doc);
			}));
		}
		start.countDown();
		for (int i = 0; i < layouts; i++) {
			try (PDDocument document = Loader.loadPDF(pdfs.get(i).get(2, TimeUnit.MINUTES))) {
				GlyphCheckingStripper stripper = new GlyphCheckingStripper();
				assertThat(stripper.getText(document).replaceAll("\\s+", "")).contains("第" + i + "份中共湖南")
					.contains("二、集中整改期内已完成的整改事项", "联系电话（传真）：0731-84033328");
				assertThat(stripper.missing).isEmpty();
			}
		}
		pool.shutdown();
		assertThat(formats.mostInLayout()).isGreaterThan(1);
	}

	/** A font's name without the subset tag. */
	static String baseName(String name) {
		return name.substring(name.indexOf('+') + 1);
	}

	@Test
	void shouldDrawTheRareCharactersOfPeoplesNames() throws IOException {
		ReportDocument doc = ReportDocument.parse("关于巡察整改情况的报告\n责任人：张堃、李喆、王珺、赵赟、刘玥、钱镕、孙犇、周垚、吴昇。\n");

		try (PDDocument document = Loader.loadPDF(this.formats.pdf(doc))) {
			GlyphCheckingStripper stripper = new GlyphCheckingStripper();
			assertThat(stripper.getText(document).replaceAll("\\s+", ""))
				.contains("责任人：张堃、李喆、王珺、赵赟、刘玥、钱镕、孙犇、周垚、吴昇。");
			assertThat(stripper.missing).isEmpty();
		}
	}

	@Test
	void shouldWriteADocxWithTheTextAndTheLayout() throws IOException {
		byte[] docx = this.formats.docx(reference());
		keep("reference-text.docx", docx);

		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<XWPFParagraph> paragraphs = document.getParagraphs();
			assertThat(paragraphs.get(0).getText()).isEqualTo("中共湖南机电职业技术学院委员会关于巡察整改进展情况的通报");
			// The faces are the styles' (word/styles.xml), named as every Chinese Windows and WPS has them.
			assertThat(ReportTypographyTests.eastAsiaFont(document, paragraphs.get(0))).isEqualTo("宋体");
			assertThat(paragraphs).filteredOn((p) -> p.getText().equals("一、组织落实整改情况"))
				.singleElement()
				.satisfies((p) -> assertThat(ReportTypographyTests.eastAsiaFont(document, p)).isEqualTo("黑体"));
			assertThat(paragraphs).filteredOn((p) -> p.getText().equals("（一）扛牢责任抓整改"))
				.singleElement()
				.satisfies((p) -> assertThat(ReportTypographyTests.eastAsiaFont(document, p)).isEqualTo("楷体"));
			assertThat(paragraphs).extracting(XWPFParagraph::getText)
				.contains("一、组织落实整改情况", "1.政治建设存在明显差距", "整改结果：基本完成", "中共湖南机电职业技术学院委员会");
			// Odd and even pages: the page number at the outer side.
			assertThat(document.getFooterList()).hasSize(2);
		}
	}

	@Test
	void shouldLayOutTheSameTextOnceHoweverOftenItIsAskedFor() throws IOException {
		ReportFormats formats = new ReportFormats(FONTS);
		ReportDocument published = reference();

		byte[] first = formats.pdf(published);
		// The same frozen text, read again for the next request: an equal document, not the same object.
		byte[] again = formats.pdf(reference());
		byte[] other = formats.pdf(new ReportDocument(published.title() + "（修订）", published.blocks()));

		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(formats.laidOut()).isEqualTo(2);
	}

	@Test
	void shouldLayOutAtMostTwoPdfsAtOnce() throws Exception {
		ReportFormats formats = new ReportFormats(FONTS);
		int requests = 6;
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<byte[]>> pdfs = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			ReportDocument doc = small("并发请求 " + i);
			pdfs.add(pool.submit(() -> {
				start.await();
				return formats.pdf(doc);
			}));
		}
		start.countDown();
		for (Future<byte[]> pdf : pdfs) {
			assertThat(new String(pdf.get(60, TimeUnit.SECONDS), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		}
		pool.shutdown();

		assertThat(formats.laidOut()).isEqualTo(requests);
		assertThat(formats.mostInLayout()).isBetween(1, ReportFormats.CONCURRENT_PDF_LAYOUTS);
	}

	@Test
	void shouldForgetTheLeastRecentlyAskedForBeyondWhatItKeeps() {
		ReportFormats formats = new ReportFormats(FONTS);
		for (int i = 0; i <= ReportFormats.KEPT_PDFS; i++) {
			formats.pdf(small("报告 " + i));
		}
		int laidOut = formats.laidOut();

		formats.pdf(small("报告 " + ReportFormats.KEPT_PDFS));
		assertThat(formats.laidOut()).as("the latest is still kept").isEqualTo(laidOut);
		formats.pdf(small("报告 0"));
		assertThat(formats.laidOut()).as("the first was forgotten").isEqualTo(laidOut + 1);
	}

	private static ReportDocument small(String title) {
		return new ReportDocument(title,
				List.of(new ReportDocument.Block(ReportDocument.Kind.PARAGRAPH, "整改工作有序推进。", List.of())));
	}

	/** Leaves the file under target/reports/ for a person to look at, as the browser tests leave screenshots. */
	static void keep(String name, byte[] content) throws IOException {
		Path dir = Path.of("target", "reports");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), content);
	}

	/**
	 * Keeps every font used, every character whose code maps to no glyph (the .notdef box) in the font, and the fonts
	 * each piece of text and each character was drawn with.
	 */
	static class GlyphCheckingStripper extends PDFTextStripper {

		final List<PDFont> fonts = new ArrayList<>();

		final List<String> missing = new ArrayList<>();

		final Map<String, Set<String>> fontsByText = new LinkedHashMap<>();

		final Map<String, Set<String>> fontsByCharacter = new LinkedHashMap<>();

		/** The one font the piece of text that contains this was drawn with. */
		String fontOf(String text) {
			List<Set<String>> drawn = this.fontsByText.entrySet()
				.stream()
				.filter((e) -> e.getKey().replaceAll("\\s+", "").contains(text))
				.map(Map.Entry::getValue)
				.toList();
			assertThat(drawn).as(text).isNotEmpty().allSatisfy((fonts) -> assertThat(fonts).hasSize(1));
			return drawn.get(0).iterator().next();
		}

		@Override
		protected void writeString(String text, List<TextPosition> positions) throws IOException {
			Set<String> names = this.fontsByText.computeIfAbsent(text, (t) -> new LinkedHashSet<>());
			for (TextPosition p : positions) {
				PDFont font = p.getFont();
				names.add(font.getName());
				this.fontsByCharacter.computeIfAbsent(p.getUnicode(), (u) -> new LinkedHashSet<>()).add(font.getName());
				if (!this.fonts.contains(font)) {
					this.fonts.add(font);
				}
				if (font instanceof PDType0Font type0) {
					for (int code : p.getCharacterCodes()) {
						if (type0.codeToGID(code) == 0) {
							this.missing.add(p.getUnicode());
						}
					}
				}
			}
			super.writeString(text, positions);
		}

	}

}

package org.rectiflow.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The typography of GB/T 9704-2012 in the PDF and the {@code .docx}, on the reference case's published report: A4 with
 * margins of 37, 35, 28 and 26 mm; the title in Song at 22 pt, the body in FangSong (Noto Serif SC) at 16 pt on 22
 * lines (of 27 characters in the PDF, 28 on the .docx's grid); 一、 headings in Hei and （一） headings in Kai; "— 1 —" at the outer side; the masthead (红头);
 * the PDF's outline, language and tags, and table heads repeated on each page; the {@code .docx}'s styles part, its
 * heading styles with outline levels, the table grid sized by content, the page-number field and the page set-up.
 */
class ReportTypographyTests {

	static final double MM = 72 / 25.4;

	static final String MASTHEAD = """
			中共湖南机电职业技术学院委员会文件
			湘机电院党〔2024〕3号
			（社会公开稿）
			""";

	final ReportFormats formats = new ReportFormats(ReportFormatsTests.FONTS);

	// ---- the masthead (红头) in the text

	@Test
	void shouldReadTheMastheadAboveTheTitle() throws IOException {
		ReportDocument doc = ReportDocument.parse(MASTHEAD + ReportFormatsTests.referenceText());

		assertThat(doc.masthead()).extracting(ReportDocument.Block::kind)
			.containsExactly(ReportDocument.Kind.ISSUER, ReportDocument.Kind.DOC_NUMBER, ReportDocument.Kind.MARK);
		assertThat(doc.mastheadText(ReportDocument.Kind.ISSUER)).isEqualTo("中共湖南机电职业技术学院委员会文件");
		assertThat(doc.mastheadText(ReportDocument.Kind.DOC_NUMBER)).isEqualTo("湘机电院党〔2024〕3号");
		assertThat(doc.mark()).isEqualTo("（社会公开稿）");
		assertThat(doc.title()).isEqualTo("中共湖南机电职业技术学院委员会关于巡察整改进展情况的通报");
		assertThat(doc.blocks()).isEqualTo(ReportFormatsTests.reference().blocks());
	}

	@Test
	void shouldTakeEachMastheadLineOnlyInItsPlaceAndOrder() {
		ReportDocument numberOnly = ReportDocument.parse("湘教工委（2021）20号\n关于巡察整改情况的报告\n正文。");
		assertThat(numberOnly.masthead()).extracting(ReportDocument.Block::kind).containsExactly(ReportDocument.Kind.DOC_NUMBER);
		assertThat(numberOnly.title()).isEqualTo("关于巡察整改情况的报告");

		ReportDocument ascii = ReportDocument.parse("某某委员会文件\n某委(2021)7号\n社会公开稿\n标题\n正文。");
		assertThat(ascii.masthead()).hasSize(3);
		assertThat(ascii.title()).isEqualTo("标题");

		// Out of order: the mark before the number ends the masthead, the number is then the title.
		ReportDocument outOfOrder = ReportDocument.parse("（社会公开稿）\n湘教工委（2021）20号\n标题");
		assertThat(outOfOrder.masthead()).extracting(ReportDocument.Block::kind).containsExactly(ReportDocument.Kind.MARK);
		assertThat(outOfOrder.title()).isEqualTo("湘教工委（2021）20号");

		// A lone line is the title, whatever it looks like; a report without a masthead reads as before.
		assertThat(ReportDocument.parse("某某委员会文件").title()).isEqualTo("某某委员会文件");
		assertThat(ReportDocument.parse("某某委员会文件").masthead()).isEmpty();
		assertThat(ReportDocument.parse("关于巡察整改进展情况的通报\n一、组织落实整改情况").masthead()).isEmpty();
		assertThat(ReportDocument.parse("（社会公开稿）摘要\n正文").masthead()).isEmpty();
	}

	// ---- PDF

	@Test
	void shouldSetThePdfOnA4WithTheStandardMarginsAndTheFacesAndSizesOfEachLevel() throws IOException {
		byte[] pdf = this.formats.pdf(ReportDocument.parse(MASTHEAD + ReportFormatsTests.referenceText()));
		ReportFormatsTests.keep("reference-text-masthead.pdf", pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
				assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
			}
			Positions positions = Positions.of(document);

			Glyphs title = positions.line("中共湖南机电职业技术学院委员会关于");
			assertThat(title.font()).isEqualTo(ReportFormatsTests.SERIF);
			assertThat(title.size()).isCloseTo(22, within(0.1));
			Glyphs issuer = positions.line("中共湖南机电职业技术学院委员会文件");
			assertThat(issuer.font()).isEqualTo(ReportFormatsTests.SERIF);
			assertThat(issuer.size()).as("the issuing organ's line, large, on one line").isBetween(24.0, 42.0);
			Glyphs number = positions.line("湘机电院党〔2024〕3号");
			assertThat(number.size()).isCloseTo(16, within(0.1));
			assertThat(issuer.top()).isLessThan(number.top());
			assertThat(number.top()).isLessThan(title.top());
			assertThat(positions.line("（社会公开稿）").font()).isEqualTo(ReportFormatsTests.KAI);
			assertThat(positions.line("（社会公开稿）").top()).isGreaterThan(title.top());

			Glyphs heading = positions.line("一、组织落实整改情况");
			assertThat(heading.font()).as("一、 in Hei").isEqualTo(ReportFormatsTests.SANS);
			assertThat(heading.size()).isCloseTo(16, within(0.1));
			Glyphs subheading = positions.line("（一）扛牢责任抓整改");
			assertThat(subheading.font()).as("（一） in Kai").isEqualTo(ReportFormatsTests.KAI);
			assertThat(subheading.size()).isCloseTo(16, within(0.1));
			Glyphs body = positions.line("根据省委教育工委统一部署");
			assertThat(body.font()).as("the body in FangSong's stand-in").isEqualTo(ReportFormatsTests.SERIF);
			assertThat(body.size()).isCloseTo(16, within(0.1));
			// The first line is indented two characters from the left margin (28 mm).
			assertThat(body.left()).isCloseTo(28 * MM + 32, within(2.0));

			// Every glyph of the text lies within the text block: 37 mm from the top, 35 mm from the bottom,
			// 28 mm from the left, 26 mm from the right; only the page numbers below it.
			for (Glyphs line : positions.lines) {
				if (line.text().matches("— \\d+ —")) {
					continue;
				}
				assertThat(line.top()).as(line.text()).isGreaterThanOrEqualTo(37 * MM - 1);
				assertThat(line.bottom()).as(line.text()).isLessThanOrEqualTo(297 * MM - 35 * MM + 1);
				assertThat(line.left()).as(line.text()).isGreaterThanOrEqualTo(28 * MM - 1);
				assertThat(line.right()).as(line.text()).isLessThanOrEqualTo(210 * MM - 26 * MM + 1);
			}
		}
	}

	@Test
	void shouldSetTheBodyOn22LinesAPageAndNumberThePagesAtTheOuterSide() throws IOException {
		// No punctuation, which may not begin a line and would move a character to the next one.
		String paragraph = "整改工作扎实推进各项任务按期完成长效机制逐步健全".repeat(45) + "。";
		ReportDocument doc = ReportDocument.parse("关于巡察整改情况的报告\n" + (paragraph + "\n").repeat(3));
		byte[] pdf = this.formats.pdf(doc);
		ReportFormatsTests.keep("body-lines.pdf", pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(2);
			Positions positions = Positions.of(document);
			// Page 2 is body text only: 22 lines, and each full line holds 28 characters.
			List<Glyphs> page2 = positions.onPage(2).stream().filter((l) -> !l.text().matches("— \\d+ —")).toList();
			assertThat(page2).hasSize(22);
			// Full lines of 27 characters of 16 pt (GB/T 9704's 28 need a compression openhtmltopdf cannot set; the
			// .docx has 28), justified to the right margin.
			List<Glyphs> full = page2.stream().filter((line) -> line.right() > 210 * MM - 26 * MM - 2 && line.left() < 28 * MM + 2).toList();
			assertThat(full).hasSizeGreaterThan(15).allSatisfy((line) -> assertThat(line.text()).hasSize(27));
			assertThat(page2.get(1).top() - page2.get(0).top()).isCloseTo(28, within(0.2));

			Glyphs one = positions.onPage(1).stream().filter((l) -> l.text().equals("— 1 —")).findFirst().orElseThrow();
			Glyphs two = positions.onPage(2).stream().filter((l) -> l.text().equals("— 2 —")).findFirst().orElseThrow();
			// 四号, 14 pt (pdftotext's box says 14; PDFBox reads 13 off the margin box's text matrix).
			assertThat(one.size()).as("四号").isCloseTo(14, within(1.0));
			assertThat(one.font()).isEqualTo(ReportFormatsTests.SERIF);
			// 7 mm under the text block; one character in from the outer edge: right on odd pages, left on even.
			assertThat(one.top()).isBetween(297 * MM - 35 * MM + 7 * MM - 3, 297 * MM - 35 * MM + 7 * MM + 16);
			assertThat(one.right()).isCloseTo(210 * MM - 26 * MM - 14, within(3.0));
			assertThat(two.left()).isCloseTo(28 * MM + 14, within(3.0));
		}
	}

	@Test
	void shouldGiveThePdfAnOutlineALanguageAndTags() throws IOException {
		try (PDDocument document = Loader.loadPDF(this.formats.pdf(ReportFormatsTests.reference()))) {
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			assertThat(catalog.getLanguage()).isEqualTo("zh-CN");
			assertThat(catalog.getMarkInfo()).isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).isTrue();
			assertThat(document.getDocumentInformation().getTitle())
				.isEqualTo("中共湖南机电职业技术学院委员会关于巡察整改进展情况的通报");

			PDOutlineItem title = catalog.getDocumentOutline().getFirstChild();
			assertThat(title.getTitle()).isEqualTo("中共湖南机电职业技术学院委员会关于巡察整改进展情况的通报");
			assertThat(title.getNextSibling()).isNull();
			List<String> headings = new ArrayList<>();
			title.children().forEach((h) -> headings.add(h.getTitle()));
			assertThat(headings).containsExactly("一、组织落实整改情况", "二、集中整改期内已完成的整改事项",
					"三、对长期整改任务采取的重要举措和取得的阶段性成效", "四、下一步整改工作安排");
			List<String> first = new ArrayList<>();
			title.getFirstChild().children().forEach((s) -> first.add(s.getTitle()));
			assertThat(first).containsExactly("（一）扛牢责任抓整改", "（二）科学谋划抓整改", "（三）跟进督办抓整改", "（四）标本兼治抓整改");
			assertThat(title.getFirstChild().findDestinationPage(document)).isEqualTo(document.getPage(0));

			List<String> types = new ArrayList<>();
			structureTypes(catalog.getStructureTreeRoot(), types);
			assertThat(types).contains("H1", "H2", "H3", "P");
			assertThat(Collections.frequency(types, "H2")).isEqualTo(4);
			assertThat(Collections.frequency(types, "H3")).isEqualTo(8);
		}
	}

	@Test
	void shouldRepeatATablesHeaderOnEveryPageItSpans() throws IOException {
		StringBuilder text = new StringBuilder("关于巡察整改情况的报告\n任务清单如下。\n编号\t细化任务\t责任领导\t牵头部门\t整改期限\t整改结果\n");
		for (int i = 1; i <= 80; i++) {
			text.append("1.1.").append(i).append("\t针对问题第").append(i).append("项，修订完善相关制度并组织全体干部职工集中学习，确保落实到位")
				.append("\t张三\t党委办公室\t2023-11-30\t完成\n");
		}
		ReportDocument doc = ReportDocument.parse(text.toString());
		try (PDDocument document = Loader.loadPDF(this.formats.pdf(doc))) {
			assertThat(document.getNumberOfPages()).isGreaterThan(2);
			Positions positions = Positions.of(document);
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				List<Glyphs> heads = positions.onPage(page).stream().filter((l) -> l.text().contains("细化任务")).toList();
				assertThat(heads).as("the header on page " + page).hasSize(1);
				assertThat(heads.get(0).font()).isEqualTo(ReportFormatsTests.SANS);
			}
			List<String> types = new ArrayList<>();
			structureTypes(document.getDocumentCatalog().getStructureTreeRoot(), types);
			assertThat(types).contains("Table", "TH", "TD");
			// The task column, by far the longest text, is the widest: not six equal columns.
			Glyphs code = positions.line("1.1.1");
			Glyphs task = positions.line("针对问题第1项");
			Glyphs leader = positions.onPage(1).stream().filter((l) -> l.text().equals("张三")).findFirst().orElseThrow();
			assertThat(leader.left() - task.left()).isGreaterThan(0.4 * 156 * MM);
			assertThat(task.left() - code.left()).isLessThan(0.15 * 156 * MM);
		}
	}

	@Test
	void shouldSizeColumnsByTheirContent() {
		List<List<String>> rows = List.of(List.of("编号", "细化任务", "责任领导", "牵头部门", "整改期限", "整改结果"),
				List.of("1.1.1", "针对“政治理论学习有空白”，党委理论学习中心组在9月份组织集中学习，重温重要讲话精神，严格落实第一议题制度", "张三",
						"党委宣传统战部", "2023-11-30", "完成"));
		double[] shares = ReportFormats.columnShares(rows, 6, 36);
		assertThat(shares[1]).isGreaterThan(0.4);
		for (int c = 0; c < 6; c++) {
			assertThat(shares[c]).as("column " + c).isGreaterThan(0.05);
		}
		assertThat(java.util.Arrays.stream(shares).sum()).isCloseTo(1, within(1e-9));
		// "2023-11-30" stays on one line.
		assertThat(shares[4] * 36).isGreaterThanOrEqualTo(10 * 0.55 - 1e-9);
	}

	// ---- .docx

	@Test
	void shouldWriteTheDocxWithHeadingStylesAnOutlineAndTheStandardPage() throws IOException {
		byte[] docx = this.formats.docx(ReportDocument.parse(MASTHEAD + ReportFormatsTests.referenceText()));
		ReportFormatsTests.keep("reference-text-masthead.docx", docx);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(document.getStyles()).as("word/styles.xml").isNotNull();
			assertThat(document.getPackage().getPartsByName(java.util.regex.Pattern.compile("/word/styles.xml")))
				.hasSize(1);
			Map<String, String> outline = new TreeMap<>();
			for (String id : List.of(DocxStyles.TITLE, DocxStyles.HEADING_1, DocxStyles.HEADING_2)) {
				XWPFStyle style = document.getStyles().getStyle(id);
				assertThat(style).as(id).isNotNull();
				outline.put(style.getName(), style.getCTStyle().getPPr().getOutlineLvl().getVal().toString());
			}
			assertThat(outline).containsEntry("Title", "0").containsEntry("heading 1", "1").containsEntry("heading 2", "2");

			List<XWPFParagraph> paragraphs = document.getParagraphs();
			XWPFParagraph issuer = paragraph(paragraphs, "中共湖南机电职业技术学院委员会文件");
			assertThat(issuer.getStyleID()).isEqualTo(DocxStyles.ISSUER);
			assertThat(eastAsiaFont(document, issuer)).isEqualTo("宋体");
			assertThat(document.getStyles().getStyle(DocxStyles.ISSUER).getCTStyle().getRPr().getColorArray(0).xgetVal()
				.getStringValue()).isEqualTo("FF0000");
			XWPFParagraph number = paragraph(paragraphs, "湘机电院党〔2024〕3号");
			assertThat(number.getCTPPr().getPBdr().getBottom().xgetColor().getStringValue()).as("the red rule").isEqualTo("FF0000");
			assertThat(paragraph(paragraphs, "（社会公开稿）").getStyleID()).isEqualTo(DocxStyles.MARK);

			XWPFParagraph title = paragraph(paragraphs, "中共湖南机电职业技术学院委员会关于巡察整改进展情况的通报");
			assertThat(title.getStyleID()).isEqualTo(DocxStyles.TITLE);
			assertThat(eastAsiaFont(document, title)).isEqualTo("宋体");
			assertThat(size(document, title)).isEqualTo(44);
			XWPFParagraph heading = paragraph(paragraphs, "一、组织落实整改情况");
			assertThat(heading.getStyleID()).isEqualTo(DocxStyles.HEADING_1);
			assertThat(eastAsiaFont(document, heading)).isEqualTo("黑体");
			XWPFParagraph subheading = paragraph(paragraphs, "（一）扛牢责任抓整改");
			assertThat(subheading.getStyleID()).isEqualTo(DocxStyles.HEADING_2);
			assertThat(eastAsiaFont(document, subheading)).isEqualTo("楷体");
			XWPFParagraph body = paragraphs.stream().filter((p) -> p.getText().startsWith("根据省委教育工委")).findFirst().orElseThrow();
			assertThat(body.getStyleID()).isIn(null, DocxStyles.BODY);
			assertThat(eastAsiaFont(document, body)).isEqualTo("仿宋");
			assertThat(size(document, body)).isEqualTo(32);
			assertThat(paragraphs).filteredOn((p) -> DocxStyles.HEADING_1.equals(p.getStyleID())).hasSize(4);
			assertThat(paragraphs).filteredOn((p) -> DocxStyles.HEADING_2.equals(p.getStyleID())).hasSize(8);
			assertThat(document.getStyles().getStyle(DocxStyles.HEADING_1).getCTStyle().getRPr().getRFontsArray(0).getAscii())
				.isEqualTo("Times New Roman");

			CTSectPr section = document.getDocument().getBody().getSectPr();
			assertThat(section.getPgSz().getW()).hasToString("11906");
			assertThat(section.getPgSz().getH()).hasToString("16838");
			CTPageMar margins = section.getPgMar();
			assertThat(twipsToMm(margins.getTop())).isCloseTo(37, within(0.1));
			assertThat(twipsToMm(margins.getBottom())).isCloseTo(35, within(0.1));
			assertThat(twipsToMm(margins.getLeft())).isCloseTo(28, within(0.1));
			assertThat(twipsToMm(margins.getRight())).isCloseTo(26, within(0.1));
			assertThat(section.getDocGrid().getLinePitch()).hasToString("579");
			assertThat(document.getStyles().getCtStyles().getDocDefaults().getPPrDefault().getPPr().getSpacing().getLine())
				.hasToString("579");

			assertThat(document.getEvenAndOddHeadings()).isTrue();
			assertThat(document.getFooterList()).hasSize(2).allSatisfy((footer) -> {
				String xml = footer._getHdrFtr().xmlText();
				assertThat(footer.getText().strip()).isEqualTo("— 1 —");
				assertThat(xml).contains("fldCharType=\"begin\"", " PAGE ", "fldCharType=\"end\"");
				assertThat(eastAsiaFont(document, footer.getParagraphs().get(0))).isEqualTo("宋体");
				assertThat(size(document, footer.getParagraphs().get(0))).isEqualTo(28);
			});
		}
	}

	@Test
	void shouldGiveTheDocxTableAGridWithWidthsByContent() throws IOException {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("编号", "细化任务", "责任领导", "牵头部门", "整改期限", "整改结果"));
		for (int i = 1; i <= 10; i++) {
			rows.add(List.of("1.1." + i, "针对问题第" + i + "项，修订完善相关制度并组织全体干部职工集中学习，确保落实到位", "张三", "党委办公室",
					"2023-11-30", "完成"));
		}
		ReportDocument doc = new ReportDocument("关于巡察整改情况的报告",
				List.of(new ReportDocument.Block(ReportDocument.Kind.TABLE, "", rows)));
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(this.formats.docx(doc)))) {
			XWPFTable table = document.getTables().get(0);
			var grid = table.getCTTbl().getTblGrid();
			assertThat(grid).as("w:tblGrid").isNotNull();
			assertThat(grid.sizeOfGridColArray()).isEqualTo(6);
			List<Integer> widths = new ArrayList<>();
			for (var col : grid.getGridColList()) {
				widths.add(Integer.parseInt(col.getW().toString()));
			}
			assertThat(widths.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ReportFormats.TEXT_WIDTH_TWIPS);
			assertThat(widths.get(1)).as("the task column").isEqualTo(Collections.max(widths)).isGreaterThan(3 * widths.get(0));
			assertThat(table.getCTTbl().getTblPr().getTblLayout().getType()).hasToString("fixed");
			assertThat(table.getStyleID()).isEqualTo(DocxStyles.TABLE);
			assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			assertThat(table.getRow(1).getCell(1).getCTTc().getTcPr().getTcW().getW()).hasToString(widths.get(1).toString());
			assertThat(eastAsiaFont(document, table.getRow(0).getCell(0).getParagraphs().get(0))).isEqualTo("黑体");
			assertThat(eastAsiaFont(document, table.getRow(1).getCell(1).getParagraphs().get(0))).isEqualTo("仿宋");
		}
	}

	// ---- helpers

	private static XWPFParagraph paragraph(List<XWPFParagraph> paragraphs, String text) {
		return paragraphs.stream().filter((p) -> p.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text));
	}

	private static double twipsToMm(Object twips) {
		return Double.parseDouble(twips.toString()) / 20 / MM;
	}

	/** The East Asian font a paragraph's text is set in: its run's own, else its style's, its bases', the defaults'. */
	static String eastAsiaFont(XWPFDocument document, XWPFParagraph p) {
		String own = p.getRuns().isEmpty() ? null : p.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia);
		if (own != null) {
			return own;
		}
		String id = (p.getStyleID() != null) ? p.getStyleID() : "Normal";
		while (id != null) {
			XWPFStyle style = document.getStyles().getStyle(id);
			if (style.getCTStyle().isSetRPr() && style.getCTStyle().getRPr().sizeOfRFontsArray() > 0
					&& style.getCTStyle().getRPr().getRFontsArray(0).getEastAsia() != null) {
				return style.getCTStyle().getRPr().getRFontsArray(0).getEastAsia();
			}
			id = style.getBasisStyleID();
		}
		return document.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0).getEastAsia();
	}

	/** The size in half-points a paragraph's text is set in, by its style and its bases. */
	static int size(XWPFDocument document, XWPFParagraph p) {
		String id = (p.getStyleID() != null) ? p.getStyleID() : "Normal";
		while (id != null) {
			XWPFStyle style = document.getStyles().getStyle(id);
			if (style.getCTStyle().isSetRPr() && style.getCTStyle().getRPr().sizeOfSzArray() > 0) {
				return Integer.parseInt(style.getCTStyle().getRPr().getSzArray(0).getVal().toString());
			}
			id = style.getBasisStyleID();
		}
		throw new AssertionError("no size");
	}

	static void structureTypes(PDStructureNode node, List<String> types) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				types.add(element.getStructureType());
				structureTypes(element, types);
			}
		}
	}

	/** A line of text as drawn: its glyphs' font, size and box (top-down coordinates, points). */
	record Glyphs(int page, String text, String font, double size, double left, double right, double top, double bottom) {
	}

	/** Every line of every page, as PDFBox reads them. */
	static final class Positions extends PDFTextStripper {

		final List<Glyphs> lines = new ArrayList<>();

		private int page;

		static Positions of(PDDocument document) throws IOException {
			Positions positions = new Positions();
			positions.setSortByPosition(true);
			for (int p = 1; p <= document.getNumberOfPages(); p++) {
				positions.page = p;
				positions.setStartPage(p);
				positions.setEndPage(p);
				positions.getText(document);
			}
			return positions;
		}

		Positions() throws IOException {
		}

		List<Glyphs> onPage(int page) {
			return this.lines.stream().filter((l) -> l.page() == page).toList();
		}

		/** The line that holds this text, without the breaks. */
		Glyphs line(String text) {
			return this.lines.stream()
				.filter((l) -> l.text().replaceAll("\\s+", "").contains(text.replaceAll("\\s+", "")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no line holds " + text));
		}

		@Override
		protected void writeString(String text, List<TextPosition> positions) throws IOException {
			TextPosition first = positions.get(0);
			TextPosition last = positions.get(positions.size() - 1);
			double top = positions.stream().mapToDouble((p) -> p.getYDirAdj() - p.getFontSizeInPt() * 0.88).min().orElseThrow();
			double bottom = positions.stream().mapToDouble((p) -> p.getYDirAdj() + p.getFontSizeInPt() * 0.12).max().orElseThrow();
			this.lines.add(new Glyphs(this.page, text, ReportFormatsTests.baseName(first.getFont().getName()),
					first.getFontSizeInPt(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), top, bottom));
			super.writeString(text, positions);
		}

	}

}

package org.rectiflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.rectiflow.report.ReportFonts.Face;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A report as a file, set as official documents are (GB/T 9704-2012, 党政机关公文格式): A4 with margins of 37 mm top,
 * 35 mm bottom, 28 mm left and 26 mm right; the title in a Song display face at 22 pt (二号); the body in FangSong at
 * 16 pt (三号), 22 lines a page (28.95 pt apart in the .docx, 28 pt in the PDF) of 27 characters; 一、 headings in Hei and （一） headings in Kai,
 * both 16 pt; the page number "— 1 —" in 14 pt (四号) Song at the outer side of each page. A masthead (版头) above the
 * title, when the report has one: the issuing organ's line in red, the document number and a red rule.
 * <p>
 * As {@code .docx} (Apache POI) for offices to edit in Word or WPS: a styles part with a style per level (the title,
 * "heading 1" for 一、 and "heading 2" for （一）, each with its outline level, so the navigation pane shows the
 * outline), fonts named as every Chinese Windows and WPS has them (宋体, 仿宋, 黑体, 楷体; named, not embedded), tables
 * with their grid and column widths sized by their content, the page number as a PAGE field between dashes in odd and
 * even footers. As PDF (openhtmltopdf on PDFBox) for reading and printing, in the same faces ({@link ReportFonts}:
 * fonts that ship in the jar, embedded as subsets), so it shows the same on every machine; tagged (PDF/UA structure
 * from the markup: headings, paragraphs, tables), in zh-CN, with an outline of the headings, and each table's header
 * row repeated on every page the table spans.
 */
@Component
class ReportFormats {

	/** Red of the masthead (发文机关标志 and the rule under the document number). */
	static final String RED = "FF0000";

	/** The text block between the margins: 156 mm, in points. */
	static final double TEXT_WIDTH_PT = 156 / 25.4 * 72;

	/** Table text: 10.5 pt (五号), on lines 15 pt apart. */
	static final double TABLE_FONT_PT = 10.5;

	/** The largest the issuing organ's line is set; a long one is set smaller to stay on one line. */
	static final double ISSUER_MAX_PT = 42;

	/**
	 * The faces by their {@link Face} families; each falls back, character by character, to FangSong (Noto Serif SC),
	 * which has every hanzi of U+4E00–U+9FA5. A body line holds 27 characters of 16 pt: GB/T 9704's 28 need
	 * them 0.21 pt closer (what Word's character grid does, and LibreOffice gets wrong), and openhtmltopdf rounds letter-spacing to whole CSS pixels
	 * (0.75 pt), which would make 29. Lines are 28 pt apart: openhtmltopdf sets a page's first line about 8 pt under the top
	 * of the text block, and at GB/T 9704's 28.95 pt only 21 lines would fit; at 28 pt there are 22; like Word with widow control off, a page is filled to its last line. The page number sits 7 mm below the
	 * text block, one character in from its outer edge: right on odd pages, left on even ones.
	 */
	private static final String CSS = """
			@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
			@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: 'Song', 'FangSong'; font-size: 14pt;
			  vertical-align: top; padding-top: 7mm; padding-right: 14pt; } }
			@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: 'Song', 'FangSong'; font-size: 14pt;
			  vertical-align: top; padding-top: 7mm; padding-left: 14pt; } }
			body { font-family: 'FangSong', 'Hei'; font-size: 16pt; line-height: 28pt; color: #000;
			  margin: 0; orphans: 1; widows: 1; }
			h1 { font-family: 'Song', 'FangSong'; font-size: 22pt; font-weight: normal; text-align: center; line-height: 35pt;
			  margin: 0 0 28.9pt 0; }
			h2 { font-family: 'Hei', 'FangSong'; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
			h3 { font-family: 'Kai', 'FangSong'; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
			p { margin: 0; text-indent: 2em; text-align: justify; }
			p.signature, p.date { text-align: right; text-indent: 0; padding-right: 4em; }
			p.signature { margin-top: 57.8pt; }
			div.issuer { font-family: 'Song', 'FangSong'; color: #FF0000; text-align: center; line-height: 1.2;
			  margin: 35mm 0 0 0; }
			div.doc-number { text-align: center; margin-top: 57.8pt; }
			div.rule { border-bottom: 1.5pt solid #FF0000; margin: 4mm 0 57.8pt 0; height: 0; }
			h1.marked { margin-bottom: 0; }
			div.mark { font-family: 'Kai', 'FangSong'; text-align: center; margin: 0 0 28.9pt 0; }
			table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 10.5pt; line-height: 15pt;
			  margin: 4pt 0; -fs-table-paginate: paginate; }
			th, td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
			th { font-family: 'Hei', 'FangSong'; font-weight: normal; background: #eee; text-align: center; }
			""";

	/** The cells' padding in the PDF, left and right together, in points. */
	private static final double CELL_PADDING_PT = 6;

	/**
	 * How many PDFs are laid out at once; the next waits its turn. The fonts are parsed once per node now, but a layout
	 * still takes about 50 MB of heap at its peak and a core while it runs (docs/PERFORMANCE.md, "PDF layout and the
	 * report fonts"): unbounded, a burst of requests on the public address would take 50 MB each of the recommended
	 * 512 MB heap, and more layouts than the two cores do not finish sooner.
	 */
	static final int CONCURRENT_PDF_LAYOUTS = 2;

	/**
	 * How many laid-out PDFs are kept, and how many bytes at most: a report that has not changed is served again
	 * without a new layout. The reference case's report is about 0.35 MB.
	 */
	static final int KEPT_PDFS = 32;

	static final long KEPT_BYTES = 16L << 20;

	private final ReportFonts fonts;

	private final Semaphore layouts;

	/** The PDFs of the latest reports, by their text: the same text makes the same file. */
	private final Map<ReportDocument, byte[]> kept = new LinkedHashMap<>(KEPT_PDFS, 0.75f, true);

	private long keptBytes;

	private final AtomicInteger laidOut = new AtomicInteger();

	private final AtomicInteger inLayout = new AtomicInteger();

	private final AtomicInteger mostInLayout = new AtomicInteger();

	@Autowired
	ReportFormats(ReportFonts fonts) {
		this(fonts, CONCURRENT_PDF_LAYOUTS);
	}

	/** With another limit on layouts at once (for the layout benchmark). */
	ReportFormats(ReportFonts fonts, int concurrentLayouts) {
		this.fonts = fonts;
		this.layouts = new Semaphore(concurrentLayouts, true);
	}

	/**
	 * The report as a PDF: the file kept from an earlier request for the same text, or else a new layout, at most
	 * {@value #CONCURRENT_PDF_LAYOUTS} at a time. A published public report is frozen text, so however often its
	 * address is asked for, it is laid out once.
	 */
	byte[] pdf(ReportDocument document) {
		byte[] pdf = kept(document);
		if (pdf != null) {
			return pdf;
		}
		try {
			this.layouts.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to lay out a PDF", ex);
		}
		try {
			pdf = kept(document);
			if (pdf == null) {
				this.mostInLayout.accumulateAndGet(this.inLayout.incrementAndGet(), Math::max);
				try {
					pdf = layOut(document);
				}
				finally {
					this.inLayout.decrementAndGet();
				}
				this.laidOut.incrementAndGet();
				keep(document, pdf);
			}
			return pdf;
		}
		finally {
			this.layouts.release();
		}
	}

	private byte[] kept(ReportDocument document) {
		synchronized (this.kept) {
			return this.kept.get(document);
		}
	}

	/** Keeps the file, dropping the least recently asked for beyond {@link #KEPT_PDFS} or {@link #KEPT_BYTES}. */
	private void keep(ReportDocument document, byte[] pdf) {
		synchronized (this.kept) {
			byte[] before = this.kept.put(document, pdf);
			this.keptBytes += pdf.length - ((before != null) ? before.length : 0);
			var eldest = this.kept.entrySet().iterator();
			while ((this.kept.size() > KEPT_PDFS || this.keptBytes > KEPT_BYTES) && eldest.hasNext()) {
				this.keptBytes -= eldest.next().getValue().length;
				eldest.remove();
			}
		}
	}

	/** How many PDFs were laid out, and the most laid out at the same moment (for the tests). */
	int laidOut() {
		return this.laidOut.get();
	}

	int mostInLayout() {
		return this.mostInLayout.get();
	}

	private byte[] layOut(ReportDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			// Tagged: a structure tree from the markup (H1-H3, P, Table/TH/TD), the document's language from the
			// html element's lang, its title from the title element, and the fonts embedded.
			builder.usePdfUaAccessibility(true);
			// The renderer saves and closes the document; each face is embedded only if the text uses it.
			PDDocument pdf = new PDDocument();
			builder.usePDDocument(pdf);
			for (Face face : Face.values()) {
				builder.useFont(new PDFontSupplier(null) {
					@Override
					public PDFont supply() {
						return ReportFormats.this.fonts.embed(pdf, face);
					}
				}, face.family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			}
			builder.withHtmlContent(xhtml(document), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The report as XHTML for the PDF renderer: only our markup, every text escaped. The head's bookmarks become the
	 * PDF's outline: the title, its 一、 headings and their （一） headings.
	 */
	static String xhtml(ReportDocument document) {
		StringBuilder body = new StringBuilder(16_384);
		StringBuilder outline = new StringBuilder(1_024);
		outline.append("<bookmarks><bookmark name=\"").append(escape(document.title())).append("\" href=\"#title\">");
		masthead(body, document);
		boolean marked = document.mastheadText(ReportDocument.Kind.MARK) != null;
		body.append("<h1 id=\"title\"").append(marked ? " class=\"marked\">" : ">").append(escape(document.title()))
			.append("</h1>");
		if (marked) {
			element(body, "div", "mark", document.mastheadText(ReportDocument.Kind.MARK));
		}
		boolean inHeading = false;
		List<ReportDocument.Block> blocks = document.blocks();
		for (int i = 0; i < blocks.size(); i++) {
			ReportDocument.Block b = blocks.get(i);
			switch (b.kind()) {
				case HEADING -> {
					outline.append(inHeading ? "</bookmark>" : "").append("<bookmark name=\"").append(escape(b.text()))
						.append("\" href=\"#b").append(i).append("\">");
					inHeading = true;
					body.append("<h2 id=\"b").append(i).append("\">").append(escape(b.text())).append("</h2>");
				}
				case SUBHEADING -> {
					outline.append("<bookmark name=\"").append(escape(b.text())).append("\" href=\"#b").append(i)
						.append("\"/>");
					body.append("<h3 id=\"b").append(i).append("\">").append(escape(b.text())).append("</h3>");
				}
				case ITEM -> element(body, "p", "item", b.text());
				case SIGNATURE -> element(body, "p", "signature", b.text());
				case DATE -> element(body, "p", "date", b.text());
				case TABLE -> table(body, b.rows());
				default -> element(body, "p", null, b.text());
			}
		}
		outline.append(inHeading ? "</bookmark>" : "").append("</bookmark></bookmarks>");
		return new StringBuilder(body.length() + outline.length() + 4_096)
			.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
			.append(escape(document.title()))
			.append("</title><style>")
			.append(CSS)
			.append("</style>")
			.append(outline)
			.append("</head><body>")
			.append(body)
			.append("</body></html>")
			.toString();
	}

	/** The issuing organ's line in red, the document number, and the red rule under the last of them. */
	private static void masthead(StringBuilder html, ReportDocument document) {
		String issuer = document.mastheadText(ReportDocument.Kind.ISSUER);
		String number = document.mastheadText(ReportDocument.Kind.DOC_NUMBER);
		if (issuer != null) {
			html.append("<div class=\"issuer\" style=\"font-size: ").append(issuerSize(issuer)).append("pt\">")
				.append(escape(issuer)).append("</div>");
		}
		if (number != null) {
			element(html, "div", "doc-number", number);
		}
		if (issuer != null || number != null) {
			html.append("<div class=\"rule\"></div>");
		}
	}

	/** The issuing organ's line as large as it can be on one line of the text block, at most 42 pt. */
	static double issuerSize(String issuer) {
		double fits = TEXT_WIDTH_PT / Math.max(1, displayWidth(issuer));
		return Math.floor(Math.min(ISSUER_MAX_PT, fits) * 2) / 2;
	}

	/** A table: its first row the header, repeated on each page the table spans; columns sized by their content. */
	private static void table(StringBuilder html, List<List<String>> rows) {
		int columns = rows.stream().mapToInt(List::size).max().orElse(1);
		double[] shares = columnShares(rows, columns, (TEXT_WIDTH_PT - columns * CELL_PADDING_PT) / TABLE_FONT_PT);
		html.append("<table><thead><tr>");
		for (int c = 0; c < columns; c++) {
			double width = shares[c] * (TEXT_WIDTH_PT - columns * CELL_PADDING_PT - 1);
			html.append("<th style=\"width: ").append(String.format(Locale.ROOT, "%.1f", width)).append("pt\">")
				.append(escape(cell(rows.get(0), c)))
				.append("</th>");
		}
		html.append("</tr></thead><tbody>");
		for (int r = 1; r < rows.size(); r++) {
			html.append("<tr>");
			for (int c = 0; c < columns; c++) {
				element(html, "td", null, cell(rows.get(r), c));
			}
			html.append("</tr>");
		}
		html.append("</tbody></table>");
	}

	private static String cell(List<String> row, int column) {
		return (column < row.size()) ? row.get(column) : "";
	}

	/**
	 * Each column's share of a table's width, by its content, as a browser's automatic table layout does it: a column
	 * gets at least its minimum (its header up to four characters, its cells up to four characters, a code or a date
	 * unbroken), and the rest of the line is shared in proportion to how much more each column's longest cell needs.
	 * Widths are in characters of the table's font; {@code available} is the line's.
	 */
	static double[] columnShares(List<List<String>> rows, int columns, double available) {
		double[] natural = new double[columns];
		double[] least = new double[columns];
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < columns; c++) {
				String text = cell(rows.get(r), c);
				double width = displayWidth(text);
				natural[c] = Math.max(natural[c], width);
				least[c] = Math.max(least[c], Math.max(Math.min(width, 4), Math.min(longestWord(text), 8)));
			}
		}
		double sumLeast = 0;
		double sumExtra = 0;
		for (int c = 0; c < columns; c++) {
			least[c] = Math.max(least[c], 1.5);
			natural[c] = Math.max(natural[c], least[c]);
			sumLeast += least[c];
			sumExtra += natural[c] - least[c];
		}
		double[] widths = new double[columns];
		double total = 0;
		for (int c = 0; c < columns; c++) {
			if (sumLeast + sumExtra <= available || sumLeast >= available || sumExtra == 0) {
				widths[c] = (sumLeast + sumExtra <= available) ? natural[c] : least[c];
			}
			else {
				widths[c] = least[c] + (natural[c] - least[c]) * (available - sumLeast) / sumExtra;
			}
			total += widths[c];
		}
		for (int c = 0; c < columns; c++) {
			widths[c] /= total;
		}
		return widths;
	}

	/** The width of a text in characters of its size: a hanzi or full-width sign 1, a Latin letter or digit about half. */
	static double displayWidth(String text) {
		return text.codePoints().mapToDouble(ReportFormats::width).sum();
	}

	private static double width(int codePoint) {
		return (codePoint >= 0x2E80 || (codePoint >= 0x2010 && codePoint <= 0x206F)) ? 1 : 0.55;
	}

	/** The widest run of Latin letters, digits and signs, which a line does not break: "1.1.1", "2023-11-30". */
	private static double longestWord(String text) {
		double longest = 0;
		double run = 0;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			run = (ch < 0x2E80 && !Character.isWhitespace(ch)) ? run + width(ch) : 0;
			longest = Math.max(longest, run);
		}
		return longest;
	}

	private static void element(StringBuilder html, String name, String cssClass, String text) {
		html.append('<').append(name);
		if (cssClass != null) {
			html.append(" class=\"").append(cssClass).append('"');
		}
		html.append('>').append(escape(text)).append("</").append(name).append('>');
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscapeDecimal(text, "UTF-8");
	}

	/** Twips (1/20 pt) of the text block's width: 210 mm less 28 mm and 26 mm. */
	static final int TEXT_WIDTH_TWIPS = 11906 - 1587 - 1474;

	byte[] docx(ReportDocument document) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			DocxStyles.apply(doc);
			pageSetup(doc);
			docxMasthead(doc, document);
			paragraph(doc, DocxStyles.TITLE, document.title());
			String mark = document.mastheadText(ReportDocument.Kind.MARK);
			if (mark != null) {
				paragraph(doc, DocxStyles.MARK, mark);
			}
			for (ReportDocument.Block b : document.blocks()) {
				switch (b.kind()) {
					case HEADING -> paragraph(doc, DocxStyles.HEADING_1, b.text());
					case SUBHEADING -> paragraph(doc, DocxStyles.HEADING_2, b.text());
					case ITEM -> paragraph(doc, DocxStyles.ITEM, b.text());
					case SIGNATURE -> paragraph(doc, DocxStyles.SIGNATURE, b.text());
					case DATE -> paragraph(doc, DocxStyles.DATE, b.text());
					case TABLE -> table(doc, b.rows());
					default -> paragraph(doc, DocxStyles.BODY, b.text());
				}
			}
			pageNumbers(doc);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The issuing organ's line (its size fitted to one line) and the document number, the red rule under the last. */
	private static void docxMasthead(XWPFDocument doc, ReportDocument document) {
		String issuer = document.mastheadText(ReportDocument.Kind.ISSUER);
		String number = document.mastheadText(ReportDocument.Kind.DOC_NUMBER);
		XWPFParagraph last = null;
		if (issuer != null) {
			last = paragraph(doc, DocxStyles.ISSUER, issuer);
			double size = issuerSize(issuer);
			last.getRuns().get(0).setFontSize(size);
			last.setSpacingBetween(Math.ceil(size * 1.25), LineSpacingRule.EXACT);
		}
		if (number != null) {
			last = paragraph(doc, DocxStyles.DOC_NUMBER, number);
		}
		if (last != null) {
			DocxStyles.redRule(last);
		}
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setStyle(style);
		p.createRun().setText(text);
		return p;
	}

	/** A table on its grid: column widths by content, the header row repeated on every page, fixed layout. */
	private static void table(XWPFDocument doc, List<List<String>> rows) {
		int columns = rows.stream().mapToInt(List::size).max().orElse(1);
		double[] shares = columnShares(rows, columns, TEXT_WIDTH_TWIPS / 20.0 / TABLE_FONT_PT - columns * 0.6);
		int[] widths = new int[columns];
		int used = 0;
		for (int c = 0; c < columns; c++) {
			widths[c] = (c == columns - 1) ? TEXT_WIDTH_TWIPS - used : (int) Math.round(shares[c] * TEXT_WIDTH_TWIPS);
			used += widths[c];
		}
		XWPFTable table = doc.createTable(rows.size(), columns);
		table.setStyleID(DocxStyles.TABLE);
		DocxStyles.grid(table, widths);
		for (int r = 0; r < rows.size(); r++) {
			XWPFTableRow row = table.getRow(r);
			if (r == 0) {
				row.setRepeatHeader(true);
			}
			for (int c = 0; c < columns; c++) {
				XWPFTableCell cell = row.getCell(c);
				DocxStyles.cellWidth(cell, widths[c]);
				XWPFParagraph p = cell.getParagraphs().get(0);
				p.setStyle((r == 0) ? DocxStyles.TABLE_HEADING : DocxStyles.TABLE_TEXT);
				p.createRun().setText(cell(rows.get(r), c));
			}
		}
	}

	/** A4, margins 37/35/28/26 mm (GB/T 9704), 22 lines of 28 characters. */
	private static void pageSetup(XWPFDocument doc) {
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(2098));
		margins.setBottom(BigInteger.valueOf(1984));
		margins.setLeft(BigInteger.valueOf(1587));
		margins.setRight(BigInteger.valueOf(1474));
		margins.setHeader(BigInteger.valueOf(851));
		// The page number's dashes 7 mm under the text block: the footer's bottom 23 mm above the page's edge.
		margins.setFooter(BigInteger.valueOf(1304));
		margins.setGutter(BigInteger.ZERO);
		DocxStyles.grid(section);
	}

	/** "— 1 —" (a PAGE field between dashes), 4号 Song, one character in from the outer edge: right on odd pages. */
	private static void pageNumbers(XWPFDocument doc) {
		doc.setEvenAndOddHeadings(true);
		pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
	}

	private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
		XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
		p.setStyle(DocxStyles.FOOTER);
		p.setAlignment(side);
		if (side == ParagraphAlignment.RIGHT) {
			p.setIndentationRight(280);
		}
		else {
			p.setIndentationLeft(280);
		}
		p.createRun().setText("— ");
		p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		CTText instruction = p.createRun().getCTR().addNewInstrText();
		instruction.setStringValue(" PAGE ");
		instruction.setSpace(SpaceAttribute.Space.PRESERVE);
		p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		p.createRun().setText("1");
		p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
		p.createRun().setText(" —");
	}

}

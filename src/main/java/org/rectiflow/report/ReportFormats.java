package org.rectiflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.rectiflow.report.ReportFonts.Face;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A report as a file: {@code .docx} (Apache POI) laid out as official documents are — 仿宋 body, 黑体 and 楷体
 * headings, A4 with the usual margins, page numbers — for offices to edit in Word or WPS; and PDF (openhtmltopdf on
 * PDFBox) for reading and printing, in the same faces ({@link ReportFonts}: fonts that ship in the jar, embedded as
 * subsets), so the PDF shows the same on every machine and never depends on the server's fonts.
 */
@Component
class ReportFormats {

	/**
	 * The faces by their {@link Face} families: title Song, body FangSong, 一、 headings and table heads Hei, （一）
	 * headings Kai; each falls back, character by character, to FangSong (Noto Serif SC), which has every hanzi of
	 * U+4E00–U+9FA5.
	 */
	private static final String CSS = """
			@page { size: A4; margin: 30mm 24mm 28mm 26mm;
			  @bottom-center { content: "— " counter(page) " —"; font-family: 'FangSong'; font-size: 10pt; } }
			body { font-family: 'FangSong', 'Hei'; font-size: 12pt; line-height: 1.8; color: #000; }
			h1 { font-family: 'Song', 'FangSong'; font-size: 19pt; font-weight: normal; text-align: center; line-height: 1.5;
			  margin: 0 0 14pt 0; }
			h2 { font-family: 'Hei', 'FangSong'; font-size: 13.5pt; font-weight: normal; margin: 8pt 0 2pt 0; text-indent: 2em; }
			h3 { font-family: 'Kai', 'FangSong'; font-size: 12.5pt; font-weight: normal; margin: 4pt 0 0 0; text-indent: 2em; }
			p { margin: 0; text-indent: 2em; text-align: justify; }
			p.item { margin-top: 4pt; }
			p.signature, p.date { text-align: right; text-indent: 0; padding-right: 2em; }
			p.signature { margin-top: 18pt; }
			table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 9pt; line-height: 1.4; margin-top: 4pt;
			  -fs-table-paginate: paginate; }
			th, td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }
			th { font-family: 'Hei', 'FangSong'; font-weight: normal; background: #eee; }
			""";

	/**
	 * Column widths (mm; with the cells' padding they fill the 160 mm between the margins) of the task table: code,
	 * task, leader, department, deadline, outcome. The PDF renderer does not honour percentages here.
	 */
	private static final int[] TASK_TABLE_WIDTHS = { 12, 66, 17, 20, 19, 11 };

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

	/** The report as XHTML for the PDF renderer: only our markup, every text escaped. */
	static String xhtml(ReportDocument document) {
		StringBuilder html = new StringBuilder(16_384);
		html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
			.append(escape(document.title()))
			.append("</title><style>")
			.append(CSS)
			.append("</style></head><body><h1>")
			.append(escape(document.title()))
			.append("</h1>");
		for (ReportDocument.Block b : document.blocks()) {
			switch (b.kind()) {
				case HEADING -> element(html, "h2", null, b.text());
				case SUBHEADING -> element(html, "h3", null, b.text());
				case ITEM -> element(html, "p", "item", b.text());
				case PARAGRAPH -> element(html, "p", null, b.text());
				case SIGNATURE -> element(html, "p", "signature", b.text());
				case DATE -> element(html, "p", "date", b.text());
				case TABLE -> {
					html.append("<table>");
					boolean taskTable = !b.rows().isEmpty() && b.rows().get(0).size() == TASK_TABLE_WIDTHS.length;
					for (int i = 0; i < b.rows().size(); i++) {
						html.append("<tr>");
						List<String> row = b.rows().get(i);
						for (int c = 0; c < row.size(); c++) {
							if (i == 0) {
								html.append((taskTable) ? "<th style=\"width: " + TASK_TABLE_WIDTHS[c] + "mm\">" : "<th>")
									.append(escape(row.get(c)))
									.append("</th>");
							}
							else {
								element(html, "td", null, row.get(c));
							}
						}
						html.append("</tr>");
					}
					html.append("</table>");
				}
			}
		}
		return html.append("</body></html>").toString();
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

	byte[] docx(ReportDocument document) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			pageSetup(doc);
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			title.setSpacingAfter(240);
			run(title, document.title(), Face.SONG.docxFont, 22, false);
			for (ReportDocument.Block b : document.blocks()) {
				switch (b.kind()) {
					case HEADING -> run(body(doc), b.text(), Face.HEI.docxFont, 16, false);
					case SUBHEADING -> run(body(doc), b.text(), Face.KAI.docxFont, 16, false);
					case ITEM -> run(body(doc), b.text(), Face.FANGSONG.docxFont, 16, true);
					case PARAGRAPH -> run(body(doc), b.text(), Face.FANGSONG.docxFont, 16, false);
					case SIGNATURE, DATE -> {
						XWPFParagraph p = doc.createParagraph();
						p.setAlignment(ParagraphAlignment.RIGHT);
						p.setIndentationRight(640);
						if (b.kind() == ReportDocument.Kind.SIGNATURE) {
							p.setSpacingBefore(480);
						}
						run(p, b.text(), Face.FANGSONG.docxFont, 16, false);
					}
					case TABLE -> table(doc, b.rows());
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

	/** A body paragraph: first line indented two characters, lines 28 pt apart, as official documents set them. */
	private static XWPFParagraph body(XWPFDocument doc) {
		XWPFParagraph p = doc.createParagraph();
		p.setIndentationFirstLine(640);
		p.setSpacingBetween(28, LineSpacingRule.EXACT);
		p.setAlignment(ParagraphAlignment.BOTH);
		return p;
	}

	private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
		run.setFontSize(size);
		run.setBold(bold);
	}

	private static void table(XWPFDocument doc, List<List<String>> rows) {
		int columns = rows.stream().mapToInt(List::size).max().orElse(1);
		XWPFTable table = doc.createTable(rows.size(), columns);
		table.setWidth("100%");
		for (int r = 0; r < rows.size(); r++) {
			XWPFTableRow row = table.getRow(r);
			if (r == 0) {
				row.setRepeatHeader(true);
			}
			for (int c = 0; c < columns; c++) {
				String text = (c < rows.get(r).size()) ? rows.get(r).get(c) : "";
				XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
				run(p, text, (r == 0) ? Face.HEI.docxFont : Face.FANGSONG.docxFont, 10, false);
			}
		}
	}

	/** A4, margins 37/35/28/26 mm (GB/T 9704). */
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
		margins.setFooter(BigInteger.valueOf(992));
	}

	private static void pageNumbers(XWPFDocument doc) {
		XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		p.getCTP().addNewFldSimple().setInstr("PAGE");
	}

}

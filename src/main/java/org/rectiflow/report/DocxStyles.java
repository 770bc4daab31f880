package org.rectiflow.report;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.rectiflow.report.ReportFonts.Face;

/**
 * The {@code .docx}'s styles part ({@code word/styles.xml}): one paragraph style per level of a report, so that Word and
 * WPS show the outline in their navigation pane (the title at outline level 1, 一、 as "heading 1" at 2, （一） as
 * "heading 2" at 3) and an office restyles a level in one place. Fonts are named as every Chinese Windows and WPS has
 * them, for East Asian text ({@code w:eastAsia}), with Times New Roman for Latin letters and digits: 宋体 for the title,
 * the issuing organ's line and the page numbers, 仿宋 for the body, 黑体 for 一、 headings and table heads, 楷体 for
 * （一） headings and the 社会公开稿 mark ({@link Face#docxFont}). Lines are 28.95 pt apart (579 twips) on the section's
 * grid of 22 lines (GB/T 9704-2012); table text is 10.5 pt off the grid.
 */
final class DocxStyles {

	static final String BODY = "Normal";

	static final String TITLE = "Title";

	static final String HEADING_1 = "Heading1";

	static final String HEADING_2 = "Heading2";

	static final String ITEM = "ReportItem";

	static final String ISSUER = "ReportIssuer";

	static final String DOC_NUMBER = "ReportDocNumber";

	static final String MARK = "ReportMark";

	static final String SIGNATURE = "ReportSignature";

	static final String DATE = "ReportDate";

	static final String TABLE = "ReportTable";

	static final String TABLE_TEXT = "ReportTableText";

	static final String TABLE_HEADING = "ReportTableHeading";

	static final String FOOTER = "Footer";

	/** Body line pitch in twips: 225 mm of text block over 22 lines. */
	static final int LINE = 579;

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private DocxStyles() {
	}

	private static String fonts(Face face) {
		return "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" + face.docxFont
				+ "\" w:cs=\"Times New Roman\"/>";
	}

	private static String paragraphStyle(String id, String name, String basedOn, String pPr, String rPr) {
		return "<w:style w:type=\"paragraph\" w:customStyle=\"" + (id.startsWith("Report") ? 1 : 0) + "\" w:styleId=\""
				+ id + "\"><w:name w:val=\"" + name + "\"/>" + ((basedOn != null) ? "<w:basedOn w:val=\"" + basedOn + "\"/>" : "")
				+ "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>" + pPr + "</w:pPr><w:rPr>" + rPr + "</w:rPr></w:style>";
	}

	static String stylesXml() {
		String noIndent = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
		return "<w:styles xmlns:w=\"" + W + "\"><w:docDefaults><w:rPrDefault><w:rPr>" + fonts(Face.FANGSONG)
				+ "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
				+ "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
				+ "<w:pPrDefault><w:pPr><w:spacing w:line=\"" + LINE + "\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/>"
				+ "</w:pPr></w:pPrDefault></w:docDefaults>"
				+ "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
				+ "<w:pPr><w:widowControl w:val=\"0\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>"
				+ "<w:rPr>" + fonts(Face.FANGSONG) + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
				+ "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
				+ "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
				+ "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
				+ "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
				+ "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
				+ "</w:tblCellMar></w:tblPr></w:style>"
				+ paragraphStyle(TITLE, "Title", BODY, "<w:keepNext/><w:spacing w:after=\"" + LINE
						+ "\" w:line=\"700\" w:lineRule=\"exact\"/>" + noIndent + "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
						fonts(Face.SONG) + "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>")
				+ paragraphStyle(HEADING_1, "heading 1", BODY, "<w:keepNext/><w:outlineLvl w:val=\"1\"/>", fonts(Face.HEI))
				+ paragraphStyle(HEADING_2, "heading 2", BODY, "<w:keepNext/><w:outlineLvl w:val=\"2\"/>", fonts(Face.KAI))
				+ paragraphStyle(ITEM, "Report item", BODY, "", "<w:b/><w:bCs/>")
				+ paragraphStyle(ISSUER, "Report issuing organ", BODY,
						"<w:spacing w:before=\"1984\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
						fonts(Face.SONG) + "<w:color w:val=\"" + ReportFormats.RED + "\"/>")
				+ paragraphStyle(DOC_NUMBER, "Report document number", BODY,
						"<w:spacing w:before=\"" + 2 * LINE + "\"/>" + noIndent + "<w:jc w:val=\"center\"/>", "")
				+ paragraphStyle(MARK, "Report public mark", BODY,
						"<w:spacing w:after=\"" + LINE + "\"/>" + noIndent + "<w:jc w:val=\"center\"/>", fonts(Face.KAI))
				+ paragraphStyle(SIGNATURE, "Report signature", BODY, "<w:spacing w:before=\"" + 2 * LINE + "\"/>"
						+ "<w:ind w:right=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>", "")
				+ paragraphStyle(DATE, "Report date", BODY,
						"<w:ind w:right=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>", "")
				+ paragraphStyle(TABLE_TEXT, "Report table text", BODY,
						"<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"300\" w:lineRule=\"exact\"/>" + noIndent
								+ "<w:jc w:val=\"left\"/>",
						"<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>")
				+ paragraphStyle(TABLE_HEADING, "Report table heading", TABLE_TEXT, "<w:keepNext/><w:jc w:val=\"center\"/>",
						fonts(Face.HEI))
				+ paragraphStyle(FOOTER, "footer", BODY,
						"<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent,
						fonts(Face.SONG) + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
				+ "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"" + TABLE + "\"><w:name w:val=\"Report table\"/>"
				+ "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>" + border("top") + border("left")
				+ border("bottom") + border("right") + border("insideH") + border("insideV") + "</w:tblBorders>"
				+ "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
				+ "</w:tblPr></w:style></w:styles>";
	}

	private static String border(String side) {
		return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
	}

	/** Gives the document its styles part. */
	static void apply(XWPFDocument doc) {
		try {
			doc.createStyles().setStyles(StylesDocument.Factory.parse(stylesXml()).getStyles());
		}
		catch (XmlException ex) {
			throw new IllegalStateException("The report's styles do not parse", ex);
		}
	}

	/** The red rule 4 mm (11 pt) under the masthead's last line, as wide as the text block. */
	static void redRule(XWPFParagraph p) {
		CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
		CTBorder bottom = pPr.addNewPBdr().addNewBottom();
		bottom.setVal(STBorder.SINGLE);
		bottom.setSz(BigInteger.valueOf(12));
		bottom.setSpace(BigInteger.valueOf(11));
		bottom.setColor(ReportFormats.RED);
		p.setSpacingAfter(2 * LINE);
	}

	/**
	 * The section's grid: 22 lines (579 twips) on the text block. Not a character grid ({@code linesAndChars} with
	 * {@code charSpace} −849 would draw 28 characters of 16 pt a line, as GB/T 9704 counts them): LibreOffice lays
	 * such a grid out at about 17 characters a line and 1.7 times the pages, so lines hold 27 characters, as the PDF's.
	 */
	static void grid(CTSectPr section) {
		CTDocGrid grid = section.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(LINE));
	}

	/** The table's grid ({@code w:tblGrid}, which the format requires) with the columns' widths, fixed layout. */
	static void grid(XWPFTable table, int[] widths) {
		CTTblPr tblPr = table.getCTTbl().getTblPr();
		CTTblWidth width = tblPr.isSetTblW() ? tblPr.getTblW() : tblPr.addNewTblW();
		width.setType(STTblWidth.DXA);
		width.setW(BigInteger.valueOf(ReportFormats.TEXT_WIDTH_TWIPS));
		(tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
		if (tblPr.isSetTblBorders()) {
			tblPr.unsetTblBorders();
		}
		CTTblGrid grid = table.getCTTbl().getTblGrid();
		if (grid == null) {
			grid = table.getCTTbl().addNewTblGrid();
		}
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int w : widths) {
			grid.addNewGridCol().setW(BigInteger.valueOf(w));
		}
	}

	static void cellWidth(XWPFTableCell cell, int width) {
		CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
		CTTblWidth w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
		w.setType(STTblWidth.DXA);
		w.setW(BigInteger.valueOf(width));
	}

}

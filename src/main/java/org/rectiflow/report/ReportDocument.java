package org.rectiflow.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report as the formats lay it out: a title, then headings, numbered items, paragraphs, tables and the signature.
 * A report is kept (and frozen on publication) as its text, one block a line, in the layout official reports use;
 * this reads the layout back from the text, so the HTML preview, the {@code .docx} and the PDF all show one text
 * and a published report never changes when the ledger does.
 * <p>
 * Above the title a report may carry its masthead (版头, GB/T 9704-2012), each line optional, in this order: the
 * issuing organ's line ending in "文件" ({@link Kind#ISSUER}), the document number such as "湘教工委（2021）20号"
 * ({@link Kind#DOC_NUMBER}) and the mark "（社会公开稿）" ({@link Kind#MARK}). The first line that is none of these, in
 * that order, is the title; a report without them reads exactly as before.
 */
public record ReportDocument(String title, List<Block> blocks, List<Block> masthead) {

	public ReportDocument {
		masthead = List.copyOf(masthead);
	}

	/** A report without a masthead. */
	public ReportDocument(String title, List<Block> blocks) {
		this(title, blocks, List.of());
	}

	/** What a line of a report is. */
	public enum Kind {

		/** "一、组织落实整改情况" */
		HEADING,
		/** "（一）反馈问题：…" */
		SUBHEADING,
		/** "1.政治建设存在明显差距" */
		ITEM,
		PARAGRAPH,
		/** Lines holding tabs: one row each, the first row the header. */
		TABLE,
		/** The issuing body under the text. */
		SIGNATURE,
		/** The date under the signature. */
		DATE,
		/** Masthead: the issuing organ's line, "中共××委员会文件", in red above the title. */
		ISSUER,
		/** Masthead: the document number (文号), "湘教工委（2021）20号", above the red rule. */
		DOC_NUMBER,
		/** Masthead: "（社会公开稿）", the mark of a report published to the public. */
		MARK

	}

	public record Block(Kind kind, String text, List<List<String>> rows) {

		public boolean is(String kind) {
			return this.kind.name().equals(kind);
		}

	}

	private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");

	private static final Pattern SUBHEADING = Pattern.compile("^（[一二三四五六七八九十]+）.*");

	private static final Pattern ITEM = Pattern.compile("^\\d{1,2}(?:[.．]\\d{1,2})*[.．]\\s*[^\\d\\s].*");

	private static final Pattern DATE = Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日$");

	/** "湘教工委（2021）20号", "湘教工委〔2021〕20号", "…(2021)20号". */
	private static final Pattern DOC_NUMBER = Pattern.compile("^.*[（〔(]\\d{4}[）〕)]\\d+号$");

	private static final Pattern MARK = Pattern.compile("^(?:（社会公开稿）|社会公开稿)$");

	public static ReportDocument parse(String text) {
		List<String> lines = (text == null) ? List.of()
				: text.replace("\r", "").lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
		List<Block> masthead = new ArrayList<>();
		int start = masthead(lines, masthead);
		if (lines.size() <= start) {
			return new ReportDocument("", List.of(), masthead);
		}
		int end = lines.size();
		String date = null;
		String signature = null;
		if (end > start + 1 && DATE.matcher(lines.get(end - 1)).matches()) {
			date = lines.get(--end);
		}
		if (end > start + 1 && lines.get(end - 1).length() <= 60 && !lines.get(end - 1).contains("。")
				&& !lines.get(end - 1).contains("\t")) {
			signature = lines.get(--end);
		}
		List<Block> blocks = new ArrayList<>();
		List<List<String>> rows = null;
		for (String line : lines.subList(start + 1, end)) {
			if (line.contains("\t")) {
				if (rows == null) {
					rows = new ArrayList<>();
					blocks.add(new Block(Kind.TABLE, "", rows));
				}
				rows.add(Arrays.stream(line.split("\t", -1)).map(String::strip).toList());
				continue;
			}
			rows = null;
			blocks.add(new Block(kindOf(line), line, List.of()));
		}
		if (signature != null) {
			blocks.add(new Block(Kind.SIGNATURE, signature, List.of()));
		}
		if (date != null) {
			blocks.add(new Block(Kind.DATE, date, List.of()));
		}
		return new ReportDocument(lines.get(start), List.copyOf(blocks), masthead);
	}

	/**
	 * Reads the masthead lines at the top, in their order, into {@code masthead}; returns the index of the title. A
	 * line is taken only while a title still follows it.
	 */
	private static int masthead(List<String> lines, List<Block> masthead) {
		int i = 0;
		if (i + 1 < lines.size() && lines.get(i).endsWith("文件") && !lines.get(i).contains("\t")) {
			masthead.add(new Block(Kind.ISSUER, lines.get(i++), List.of()));
		}
		if (i + 1 < lines.size() && DOC_NUMBER.matcher(lines.get(i)).matches()) {
			masthead.add(new Block(Kind.DOC_NUMBER, lines.get(i++), List.of()));
		}
		if (i + 1 < lines.size() && MARK.matcher(lines.get(i)).matches()) {
			masthead.add(new Block(Kind.MARK, lines.get(i++), List.of()));
		}
		return i;
	}

	/** The 社会公开稿 mark, or null (shown under the title). */
	public String mark() {
		return mastheadText(Kind.MARK);
	}

	/** Whether the red rule is drawn: under the document number, or the issuing organ's line without one. */
	public boolean ruled() {
		return mastheadText(Kind.ISSUER) != null || mastheadText(Kind.DOC_NUMBER) != null;
	}

	/** The masthead line of a kind, or null. */
	public String mastheadText(Kind kind) {
		return this.masthead.stream().filter((b) -> b.kind() == kind).map(Block::text).findFirst().orElse(null);
	}

	private static Kind kindOf(String line) {
		if (HEADING.matcher(line).matches()) {
			return Kind.HEADING;
		}
		if (SUBHEADING.matcher(line).matches()) {
			return Kind.SUBHEADING;
		}
		if (ITEM.matcher(line).matches()) {
			return Kind.ITEM;
		}
		return Kind.PARAGRAPH;
	}

	/** The blocks of a kind, e.g. every heading, in order. */
	public List<String> texts(Kind kind) {
		return this.blocks.stream().filter((b) -> b.kind() == kind).map(Block::text).toList();
	}

}

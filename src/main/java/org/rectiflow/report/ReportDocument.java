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
 */
public record ReportDocument(String title, List<Block> blocks) {

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
		DATE

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

	public static ReportDocument parse(String text) {
		List<String> lines = (text == null) ? List.of()
				: text.replace("\r", "").lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
		if (lines.isEmpty()) {
			return new ReportDocument("", List.of());
		}
		int end = lines.size();
		String date = null;
		String signature = null;
		if (end > 1 && DATE.matcher(lines.get(end - 1)).matches()) {
			date = lines.get(--end);
		}
		if (end > 1 && lines.get(end - 1).length() <= 60 && !lines.get(end - 1).contains("。")
				&& !lines.get(end - 1).contains("\t")) {
			signature = lines.get(--end);
		}
		List<Block> blocks = new ArrayList<>();
		List<List<String>> rows = null;
		for (String line : lines.subList(1, end)) {
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
		return new ReportDocument(lines.get(0), List.copyOf(blocks));
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

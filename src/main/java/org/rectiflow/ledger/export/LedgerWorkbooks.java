package org.rectiflow.ledger.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.handover.Handovers;
import org.rectiflow.ledger.LedgerQueries;
import org.rectiflow.ledger.LedgerScope;
import org.rectiflow.ledger.OutcomeCounts;
import org.rectiflow.ledger.ProblemFilter;
import org.rectiflow.ledger.TaskListQuery;
import org.rectiflow.system.SpreadsheetCells;
import org.rectiflow.task.TaskStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The three lists of the ledger as Excel workbooks, as offices pass them on and print them: one sheet, the header
 * frozen with the code column, an autofilter over every column, outcomes and lights in the portal's colours. Each
 * holds what the person's {@link LedgerScope} lets the page show, never more.
 * <p>
 * Printed and opened as offices do (issue 19): text cells wrap and each row is as tall as its longest cell's lines
 * (a task's measures, "1. …\n2. …", show whole, not their first line); each sheet prints landscape on A4, fitted to
 * one page wide, its header row repeated on every page and the page number in the footer.
 * <p>
 * Written with POI's streaming SXSSF: only the last {@link #WINDOW} rows stay in memory, the rest go to a compressed
 * temporary file, and the task list is read from the database in batches ({@link LedgerQueries#forEachTask}), so an
 * inspection of tens of thousands of tasks exports in the memory of a few hundred. Every text cell is neutralised
 * against formula injection ({@link SpreadsheetCells#neutralised}).
 */
@Component
public class LedgerWorkbooks {

	/** Rows SXSSF keeps in memory before flushing them to its temporary file. */
	static final int WINDOW = 100;

	private static final byte[] HEADER = rgb(0xEEEEEE);

	/** The height of a line of 11 pt text in a row, points; Excel's default row is 15. */
	static final float LINE_HEIGHT = 15f;

	/** The tallest a row is made (Excel's limit is 409 pt); a longer cell scrolls in the cell's editor. */
	static final float MAX_ROW_HEIGHT = 409f;

	private static final Map<TaskStatus, byte[][]> OUTCOME_COLOURS = new EnumMap<>(Map.of(
			TaskStatus.COMPLETED, new byte[][] { rgb(0xE8F5E9), rgb(0x2E7D32) },
			TaskStatus.BASICALLY_COMPLETED, new byte[][] { rgb(0xFFF3E0), rgb(0xEF6C00) },
			TaskStatus.NOT_COMPLETED, new byte[][] { rgb(0xECEFF1), rgb(0x455A64) },
			TaskStatus.LONG_TERM, new byte[][] { rgb(0xE3F2FD), rgb(0x1565C0) }));

	private static final Map<TrafficLight, byte[][]> LIGHT_COLOURS = new EnumMap<>(Map.of(
			TrafficLight.GREEN, new byte[][] { rgb(0xE8F5E9), rgb(0x2E7D32) },
			TrafficLight.YELLOW, new byte[][] { rgb(0xFFF8E1), rgb(0xF57F17) },
			TrafficLight.RED, new byte[][] { rgb(0xFFEBEE), rgb(0xB71C1C) },
			TrafficLight.NONE, new byte[][] { rgb(0xECEFF1), rgb(0x607D8B) }));

	private final LedgerQueries queries;

	private final MessageSource messages;

	private final Handovers handovers;

	LedgerWorkbooks(LedgerQueries queries, MessageSource messages, Handovers handovers) {
		this.queries = queries;
		this.messages = messages;
		this.handovers = handovers;
	}

	/** The problem list (问题清单) as the page shows it with these filters. */
	public void problems(Long inspectionId, ProblemFilter filter, LedgerScope scope, Locale locale, OutputStream out)
			throws IOException {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		LedgerQueries.ProblemList list = this.queries.problems(inspectionId, scope);
		write(out, heading, locale, (workbook) -> {
			Sheets sheets = new Sheets(workbook, locale);
			SXSSFSheet sheet = sheets.sheet("ledger.problemList",
					List.of("ledger.code", "ledger.lists.category", "ledger.problem", "ledger.lists.previousRound",
							"ledger.outcome", "ledger.taskCount", "outcome.COMPLETED", "outcome.BASICALLY_COMPLETED",
							"outcome.NOT_COMPLETED", "outcome.LONG_TERM", "ledger.overdue"),
					new int[] { 8, 24, 48, 10, 12, 8, 8, 8, 8, 8, 8 });
			int r = 1;
			for (LedgerQueries.ProblemRow p : list.rows()) {
				if (!filter.matches(p)) {
					continue;
				}
				Row row = sheet.createRow(r++);
				sheets.text(row, 0, p.code());
				sheets.text(row, 1, p.categorySeq() + ". " + p.categoryTitle());
				sheets.text(row, 2, p.title());
				sheets.text(row, 3, sheets.yesNo(p.previousRound()));
				sheets.outcome(row, 4, p.outcome());
				counts(sheets, row, 5, p.counts());
				sheets.number(row, 10, p.overdue());
			}
			sheets.finish(sheet, r - 1, 11);
			handoverSheet(sheets, inspectionId, visibleTasks(inspectionId, scope));
		});
	}

	/** The task list (任务清单) with the filters and order of the page, every page of it. */
	public void tasks(Long inspectionId, TaskListQuery query, LedgerScope scope, Locale locale, OutputStream out)
			throws IOException {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		write(out, heading, locale, (workbook) -> fillTasks(workbook, inspectionId, query, scope, locale));
	}

	/** Writes the task sheet into {@code workbook}; the large-export test looks at the workbook's window after it. */
	void fillTasks(SXSSFWorkbook workbook, Long inspectionId, TaskListQuery query, LedgerScope scope, Locale locale) {
		Sheets sheets = new Sheets(workbook, locale);
		SXSSFSheet sheet = sheets.sheet("ledger.taskList",
				List.of("ledger.code", "ledger.lists.category", "ledger.export.problemCode", "ledger.problem",
						"ledger.task", "ledger.export.measures", "ledger.lists.kind", "ledger.leader",
						"ledger.leadDepartment", "ledger.export.cooperating", "ledger.lists.responsiblePerson",
						"ledger.deadline", "ledger.outcome", "ledger.lists.light", "ledger.overdue", "ledger.evidence"),
				new int[] { 9, 20, 8, 30, 36, 48, 10, 12, 14, 16, 10, 12, 10, 10, 8, 6 });
		int[] next = { 1 };
		Set<Long> exported = new HashSet<>();
		this.queries.forEachTask(inspectionId, query, scope, LedgerQueries.EXPORT_BATCH, (batch) -> {
			for (LedgerQueries.ExportTask task : batch) {
				LedgerQueries.TaskRow t = task.row();
				exported.add(t.id());
				Row row = sheet.createRow(next[0]++);
				sheets.text(row, 0, t.code());
				sheets.text(row, 1, task.categorySeq() + ". " + task.categoryTitle());
				sheets.text(row, 2, t.problemCode());
				sheets.text(row, 3, t.problemTitle());
				sheets.text(row, 4, t.title());
				sheets.text(row, 5, numbered(task.measures()));
				sheets.text(row, 6, sheets.label("kind." + t.kind()));
				sheets.text(row, 7, t.leaderName());
				sheets.text(row, 8, t.leadDepartmentName());
				sheets.text(row, 9, String.join("、", task.cooperatingDepartmentNames()));
				sheets.text(row, 10, t.responsiblePerson());
				sheets.date(row, 11, t.deadline());
				sheets.outcome(row, 12, t.status());
				sheets.light(row, 13, t.light());
				sheets.overdue(row, 14, t.overdue());
				sheets.number(row, 15, t.evidenceCount());
			}
		});
		sheets.finish(sheet, next[0] - 1, 16);
		handoverSheet(sheets, inspectionId, exported);
	}

	/** The responsibility list (责任清单), by lead department or by responsible leader. */
	public void responsibilities(Long inspectionId, LedgerQueries.ResponsibilityView view, LedgerScope scope,
			Locale locale, OutputStream out) throws IOException {
		LedgerQueries.Heading heading = this.queries.heading(inspectionId);
		List<LedgerQueries.ResponsibilityRow> rows = this.queries.responsibilities(inspectionId, view, scope);
		boolean byDepartment = view == LedgerQueries.ResponsibilityView.DEPARTMENT;
		write(out, heading, locale, (workbook) -> {
			Sheets sheets = new Sheets(workbook, locale);
			SXSSFSheet sheet = sheets.sheet("ledger.responsibilityList",
					List.of(byDepartment ? "ledger.leadDepartment" : "ledger.leader",
							byDepartment ? "ledger.export.partnersOfDepartment" : "ledger.export.partnersOfLeader",
							"ledger.taskCount", "outcome.COMPLETED", "outcome.BASICALLY_COMPLETED", "outcome.NOT_COMPLETED",
							"outcome.LONG_TERM", "ledger.overdue", "ledger.lists.dueSoon"),
					new int[] { 16, 30, 8, 8, 8, 8, 8, 8, 8 });
			int r = 1;
			for (LedgerQueries.ResponsibilityRow line : rows) {
				Row row = sheet.createRow(r++);
				sheets.text(row, 0, (line.key() != null) ? line.name() : sheets.label("ledger.lists.unassigned"));
				sheets.text(row, 1, String.join("、", line.partners()));
				counts(sheets, row, 2, line.counts());
				sheets.number(row, 7, line.overdue());
				sheets.number(row, 8, line.dueSoon());
			}
			sheets.finish(sheet, r - 1, 9);
			handoverSheet(sheets, inspectionId, visibleTasks(inspectionId, scope));
		});
	}

	/** The ids of the tasks the person's scope shows. */
	private Set<Long> visibleTasks(Long inspectionId, LedgerScope scope) {
		Set<Long> ids = new HashSet<>();
		this.queries.forEachTask(inspectionId, TaskListQuery.all(), scope, LedgerQueries.EXPORT_BATCH,
				(batch) -> batch.forEach((task) -> ids.add(task.row().id())));
		return ids;
	}

	/**
	 * A second sheet, "工作交接", when any of the exported tasks changed hands (issue 18): every handover of each, oldest
	 * first, with "自 X 月 X 日起由 … 负责（原 …）" and the predecessor kept. Workbooks without one stay as they were.
	 */
	private void handoverSheet(Sheets sheets, Long inspectionId, Set<Long> tasks) {
		List<Handovers.TaskHandover> rows = this.handovers.ofInspection(inspectionId)
			.entrySet()
			.stream()
			.filter((e) -> tasks.contains(e.getKey()))
			.flatMap((e) -> e.getValue().stream())
			.toList();
		if (rows.isEmpty()) {
			return;
		}
		SXSSFSheet sheet = sheets.sheet("handover.export.sheet", List.of("ledger.code", "ledger.task",
				"handover.export.role", "handover.from", "handover.to", "handover.effectiveOn", "handover.export.note"),
				new int[] { 9, 36, 12, 12, 12, 12, 36 });
		int r = 1;
		for (Handovers.TaskHandover h : rows) {
			Row row = sheet.createRow(r++);
			sheets.text(row, 0, h.taskCode());
			sheets.text(row, 1, h.taskTitle());
			sheets.text(row, 2, sheets.label(h.leader() ? "ledger.leader" : "ledger.lists.responsiblePerson"));
			sheets.text(row, 3, h.fromName());
			sheets.text(row, 4, h.toName());
			sheets.date(row, 5, h.effectiveOn());
			sheets.text(row, 6, this.messages.getMessage("handover.note", new Object[] { h.effectiveOn().getMonthValue(),
					h.effectiveOn().getDayOfMonth(), h.toName(), h.fromName() }, sheets.locale));
		}
		sheets.finish(sheet, r - 1, 7);
	}

	private static void counts(Sheets sheets, Row row, int first, OutcomeCounts counts) {
		sheets.number(row, first, counts.total());
		sheets.number(row, first + 1, counts.completed());
		sheets.number(row, first + 2, counts.basicallyCompleted());
		sheets.number(row, first + 3, counts.notCompleted());
		sheets.number(row, first + 4, counts.longTerm());
	}

	/** "1. …\n2. …" as the plan numbers its measures; a single measure unnumbered. */
	static String numbered(List<String> measures) {
		if (measures.size() == 1) {
			return measures.get(0);
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < measures.size(); i++) {
			text.append((i > 0) ? "\n" : "").append(i + 1).append(". ").append(measures.get(i));
		}
		return text.toString();
	}

	private interface Filler {

		void fill(SXSSFWorkbook workbook);

	}

	private static void write(OutputStream out, LedgerQueries.Heading heading, Locale locale, Filler filler)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try {
			workbook.setCompressTempFiles(true);
			workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(heading.title());
			filler.fill(workbook);
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	/**
	 * How many lines a wrapped text takes in a column this many characters wide (Excel's unit, the width of "0"): each
	 * of its lines, a hanzi counted as two characters, wraps at the column's width less a character of padding.
	 */
	static int lines(String text, double columnWidth) {
		double width = Math.max(1, columnWidth - 1);
		int lines = 0;
		for (String line : text.split("\n", -1)) {
			double chars = line.codePoints().mapToDouble((c) -> (c >= 0x2E80 || (c >= 0x2010 && c <= 0x206F)) ? 2 : 1).sum();
			lines += Math.max(1, (int) Math.ceil(chars / width));
		}
		return lines;
	}

	private static byte[] rgb(int rgb) {
		return new byte[] { (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb };
	}

	/** One workbook's styles (a workbook holds a few dozen, never one per cell) and its labels. */
	private final class Sheets {

		private final SXSSFWorkbook workbook;

		private final Locale locale;

		private final XSSFCellStyle header;

		private final XSSFCellStyle text;

		private final XSSFCellStyle date;

		private final XSSFCellStyle number;

		private final Map<TaskStatus, XSSFCellStyle> outcomes = new EnumMap<>(TaskStatus.class);

		private final Map<TrafficLight, XSSFCellStyle> lights = new EnumMap<>(TrafficLight.class);

		Sheets(SXSSFWorkbook workbook, Locale locale) {
			this.workbook = workbook;
			this.locale = locale;
			XSSFFont bold = (XSSFFont) workbook.createFont();
			bold.setBold(true);
			this.header = style();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(new XSSFColor(HEADER, null));
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.header.setWrapText(true);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.text = style();
			this.text.setWrapText(true);
			this.date = style();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			this.number = style();
			OUTCOME_COLOURS.forEach((status, colours) -> this.outcomes.put(status, coloured(colours)));
			LIGHT_COLOURS.forEach((light, colours) -> this.lights.put(light, coloured(colours)));
		}

		private XSSFCellStyle style() {
			XSSFCellStyle style = (XSSFCellStyle) this.workbook.createCellStyle();
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}

		private XSSFCellStyle coloured(byte[][] colours) {
			XSSFCellStyle style = style();
			style.setFillForegroundColor(new XSSFColor(colours[0], null));
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			XSSFFont font = (XSSFFont) this.workbook.createFont();
			font.setColor(new XSSFColor(colours[1], null));
			style.setFont(font);
			return style;
		}

		String label(String key) {
			return LedgerWorkbooks.this.messages.getMessage(key, null, key, this.locale);
		}

		String yesNo(boolean yes) {
			return label(yes ? "ledger.export.yes" : "ledger.export.no");
		}

		SXSSFSheet sheet(String nameKey, List<String> headingKeys, int[] widths) {
			SXSSFSheet sheet = this.workbook.createSheet(label(nameKey));
			Row header = sheet.createRow(0);
			for (int i = 0; i < headingKeys.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(label(headingKeys.get(i)));
				cell.setCellStyle(this.header);
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			sheet.createFreezePane(1, 1);
			printSetup(sheet);
			return sheet;
		}

		/** Landscape A4, one page wide (as many tall as it takes), the header row on every page, page numbers. */
		private void printSetup(SXSSFSheet sheet) {
			PrintSetup print = sheet.getPrintSetup();
			print.setPaperSize(PrintSetup.A4_PAPERSIZE);
			print.setLandscape(true);
			sheet.setFitToPage(true);
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			sheet.setAutobreaks(true);
			sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
			sheet.setMargin(PageMargin.LEFT, 0.4);
			sheet.setMargin(PageMargin.RIGHT, 0.4);
			sheet.setMargin(PageMargin.TOP, 0.5);
			sheet.setMargin(PageMargin.BOTTOM, 0.6);
			sheet.getFooter().setCenter("&P / &N");
		}

		/** The autofilter spans the header and every row written; it is known only at the end. */
		void finish(SXSSFSheet sheet, int lastRow, int columns) {
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, columns - 1));
		}

		void text(Row row, int column, String value) {
			Cell cell = row.createCell(column);
			if (value != null && !value.isEmpty()) {
				cell.setCellValue(SpreadsheetCells.neutralised(value));
				fitHeight(row, lines(value, row.getSheet().getColumnWidth(column) / 256.0));
			}
			cell.setCellStyle(this.text);
		}

		/** Makes the row tall enough for this many lines (rows only grow; Excel does not fit them on opening). */
		private void fitHeight(Row row, int lines) {
			float height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2);
			if (lines > 1 && height > row.getHeightInPoints()) {
				row.setHeightInPoints(height);
			}
		}

		void number(Row row, int column, long value) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(this.number);
		}

		void date(Row row, int column, LocalDate value) {
			Cell cell = row.createCell(column);
			if (value != null) {
				cell.setCellValue(value);
			}
			else {
				cell.setCellValue(label("ledger.lists.noDeadline"));
			}
			cell.setCellStyle(this.date);
		}

		void outcome(Row row, int column, TaskStatus status) {
			Cell cell = row.createCell(column);
			cell.setCellValue(label("outcome." + status));
			cell.setCellStyle(this.outcomes.get(status));
		}

		void light(Row row, int column, TrafficLight light) {
			Cell cell = row.createCell(column);
			cell.setCellValue(label("light." + light));
			cell.setCellStyle(this.lights.get(light));
		}

		void overdue(Row row, int column, boolean overdue) {
			Cell cell = row.createCell(column);
			cell.setCellValue(yesNo(overdue));
			cell.setCellStyle(overdue ? this.lights.get(TrafficLight.RED) : this.text);
		}

	}

}

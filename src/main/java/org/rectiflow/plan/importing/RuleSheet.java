package org.rectiflow.plan.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.rectiflow.system.WorkbookError;

/**
 * The sheet of institutional rules (制度) in the plan workbook (issue 19): one rule a row, its name, document number
 * (文号), date of issue, whether it was created or revised, and the task it answers to. Optional: a workbook without
 * it has no rules to bring in. Written by the template in the person's language, read in either; the rules page of
 * the reports imports it from the same workbook.
 */
public final class RuleSheet {

	/** The sheet's names, Chinese and English. */
	static final List<String> NAMES = List.of("制度", "Institutional rules");

	/** The columns in order, each with its Chinese and English heading. */
	private static final String[][] HEADINGS = { { "制度名称", "Rule" }, { "文号", "Document number" },
			{ "印发日期", "Issued on" }, { "制定或修订", "Created or revised" }, { "细化任务编号", "Task code" } };

	private static final int MAX_ROWS = 2000;

	/** One row: the rule as typed, the action as CREATED or REVISED, the row as Excel numbers it. */
	public record Rule(int row, String title, String documentNumber, LocalDate issuedOn, String action,
			String taskCode) {
	}

	private RuleSheet() {
	}

	static void write(Workbook workbook, Locale locale, CellStyle header) {
		int language = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? 1 : 0;
		Sheet sheet = workbook.createSheet(NAMES.get(language));
		Row row = sheet.createRow(0);
		int[] widths = { 50, 28, 14, 12, 14 };
		for (int c = 0; c < HEADINGS.length; c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(HEADINGS[c][language] + ((c == 0) ? " *" : ""));
			cell.setCellStyle(header);
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	/** The rules of the workbook's rule sheet, in order; none without the sheet. Every error found is reported. */
	static List<Rule> read(Workbook workbook) {
		Sheet sheet = null;
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			String sheetName = PlanWorkbookLayout.normalised(workbook.getSheetName(i));
			if (NAMES.stream().anyMatch((n) -> PlanWorkbookLayout.normalised(n).equals(sheetName))) {
				sheet = workbook.getSheetAt(i);
			}
		}
		if (sheet == null) {
			return List.of();
		}
		String name = sheet.getSheetName();
		List<WorkbookError> errors = new ArrayList<>();
		List<Rule> rules = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		int last = Math.min(sheet.getLastRowNum(), MAX_ROWS);
		for (int r = 1; r <= last; r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			String title = text(row, 0, formatter);
			String number = text(row, 1, formatter);
			String action = text(row, 3, formatter);
			String task = text(row, 4, formatter);
			if (title.isEmpty() && number.isEmpty() && action.isEmpty() && task.isEmpty() && text(row, 2, formatter).isEmpty()) {
				continue;
			}
			if (title.isEmpty() || title.length() > 500) {
				errors.add(new WorkbookError(name, r + 1, "A", "workbook.error.ruleTitle"));
				continue;
			}
			LocalDate issuedOn = null;
			Cell date = row.getCell(2);
			if (date != null && date.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(date)) {
				issuedOn = date.getLocalDateTimeCellValue().toLocalDate();
			}
			else if (!text(row, 2, formatter).isEmpty()) {
				issuedOn = date(text(row, 2, formatter));
				if (issuedOn == null) {
					errors.add(new WorkbookError(name, r + 1, "C", "workbook.error.ruleDate", text(row, 2, formatter)));
					continue;
				}
			}
			String kind = switch (action) {
				case "", "制定", "新制定", "CREATED", "Created", "created" -> title.contains("修订") ? "REVISED" : "CREATED";
				case "修订", "REVISED", "Revised", "revised" -> "REVISED";
				default -> null;
			};
			if (kind == null) {
				errors.add(new WorkbookError(name, r + 1, CellReference.convertNumToColString(3),
						"workbook.error.ruleAction", action));
				continue;
			}
			rules.add(new Rule(r + 1, title, number.isEmpty() ? null : number, issuedOn, kind,
					task.isEmpty() ? null : task));
		}
		if (!errors.isEmpty()) {
			throw new PlanWorkbookException(errors, List.of(), List.of());
		}
		return rules;
	}

	private static String text(Row row, int column, DataFormatter formatter) {
		Cell cell = row.getCell(column);
		return (cell == null) ? "" : formatter.formatCellValue(cell).strip();
	}

	private static LocalDate date(String text) {
		for (String pattern : new String[] { "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日" }) {
			try {
				return LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern));
			}
			catch (DateTimeParseException ex) {
				// the next pattern
			}
		}
		return null;
	}

}

package org.rectiflow.plan.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.identity.UnitDepartment;
import org.rectiflow.unit.Units;
import org.rectiflow.identity.Directory;
import org.rectiflow.plan.importing.PlanWorkbookLayout.Column;
import org.rectiflow.plan.importing.PlanWorkbookLayout.Field;
import org.rectiflow.system.SpreadsheetCells;
import org.rectiflow.task.TaskKind;
import org.springframework.stereotype.Component;

/**
 * Writes the empty plan workbook that {@link PlanWorkbookReader} reads back: the inspection sheet with its labels,
 * the plan sheet with its headings (required ones starred), dates and problem numbers formatted as they must be
 * typed, and drop-down lists of the leaders, departments and kinds taken from the guide sheet, so most unknown names
 * never get typed in the first place.
 */
@Component
public class PlanWorkbookTemplate {

	private final PlanWorkbookLayout layout;

	private final Directory directory;

	PlanWorkbookTemplate(PlanWorkbookLayout layout, Directory directory) {
		this.layout = layout;
		this.directory = directory;
	}

	/** The blank template of the first unit. */
	public void write(OutputStream out, Locale locale) throws IOException {
		write(out, locale, null, Units.FIRST_UNIT_ID);
	}

	/** The blank template, its guide listing the departments of {@code unitId} (the downloader's unit). */
	public void write(OutputStream out, Locale locale, String unitId) throws IOException {
		write(out, locale, null, unitId);
	}

	/**
	 * The template filled in with {@code plan}, as the office downloads a plan being drafted to rework it in Excel:
	 * reading it back gives the same plan (leaders by name, or by account where two share a name).
	 */
	public void write(OutputStream out, Locale locale, ParsedPlan plan, String unitId) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			Sheet inspection = inspectionSheet(workbook, styles, locale);
			Sheet planSheet = workbook.createSheet(this.layout.sheetName(PlanWorkbookLayout.Sheet.PLAN, locale));
			int[] guideRanges = guideSheet(workbook, styles, locale, unitId);
			planSheet(planSheet, styles, locale, guideRanges);
			RuleSheet.write(workbook, locale, styles.header);
			if (plan != null) {
				fill(inspection, planSheet, styles, locale, plan, unitId);
			}
			workbook.setActiveSheet(0);
			workbook.write(out);
		}
	}

	private void fill(Sheet inspection, Sheet planSheet, Styles styles, Locale locale, ParsedPlan plan, String unitId) {
		Object[] values = { plan.title(), plan.inspectingBody(), plan.unitName(), plan.onSiteFrom(), plan.onSiteTo(),
				plan.feedbackDate(), String.join("、", plan.documentNumbers()), plan.concentratedMonths(),
				plan.contactLine() };
		for (Field field : Field.values()) {
			value(inspection.getRow(field.ordinal() + 1).getCell(1), values[field.ordinal()], styles);
		}
		List<String> leaderIds = this.directory.leaderIds(unitId);
		Map<String, String> names = this.directory.displayNames(leaderIds);
		Map<String, Long> shared = names.values()
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		int r = 1;
		int categorySeq = 0;
		for (ParsedPlan.Category category : plan.categories()) {
			categorySeq++;
			int problemSeq = 0;
			for (ParsedPlan.Problem problem : category.problems()) {
				String number = categorySeq + "." + (++problemSeq);
				List<ParsedPlan.Task> tasks = problem.tasks().isEmpty() ? Collections.singletonList(null)
						: problem.tasks();
				for (ParsedPlan.Task task : tasks) {
					Row row = planSheet.createRow(r++);
					text(row, Column.CATEGORY.ordinal(), category.title(), styles.wrapped, styles);
					text(row, Column.PROBLEM_NUMBER.ordinal(), number, styles.text, styles);
					text(row, Column.PROBLEM.ordinal(), problem.title(), styles.wrapped, styles);
					if (task == null) {
						continue;
					}
					text(row, Column.TASK.ordinal(), task.title(), styles.wrapped, styles);
					StringBuilder measures = new StringBuilder();
					for (int i = 0; i < task.measures().size(); i++) {
						measures.append((i > 0) ? "\n" : "").append(i + 1).append(". ").append(task.measures().get(i));
					}
					text(row, Column.MEASURES.ordinal(), measures.toString(), styles.wrapped, styles);
					String leader = task.responsibleLeader();
					if (leader != null) {
						String name = names.get(leader);
						text(row, Column.LEADER.ordinal(), (name != null && shared.get(name) == 1) ? name : leader, styles.wrapped, styles);
					}
					if (task.leadDepartment() != null) {
						text(row, Column.LEAD_DEPARTMENT.ordinal(), this.directory.departmentName(task.leadDepartment()), styles.wrapped, styles);
					}
					text(row, Column.COOPERATING_DEPARTMENTS.ordinal(),
							task.cooperatingDepartments().stream().map(this.directory::departmentName).collect(Collectors.joining("、")),
							styles.wrapped, styles);
					if (task.responsiblePerson() != null) {
						text(row, Column.RESPONSIBLE_PERSON.ordinal(), task.responsiblePerson(), styles.wrapped, styles);
					}
					value(row.createCell(Column.DEADLINE.ordinal()), task.deadline(), styles);
					text(row, Column.KIND.ordinal(), this.layout.kindLabel(task.kind(), locale), styles.wrapped, styles);
				}
			}
		}
	}

	private static void value(Cell cell, Object value, Styles styles) {
		if (value instanceof LocalDate date) {
			cell.setCellValue(date);
			cell.setCellStyle(styles.date);
		}
		else if (value instanceof Integer number) {
			cell.setCellValue(number);
		}
		else if (value != null && !value.toString().isEmpty()) {
			quoted(cell, value.toString(), cell.getCellStyle(), styles);
		}
	}

	private static void text(Row row, int column, String text, CellStyle style, Styles styles) {
		quoted(row.createCell(column), text, style, styles);
	}

	/**
	 * A plan read back must say what it said, so text that looks like a formula is not prefixed here but marked
	 * with Excel's own quote prefix, which keeps Excel from ever evaluating it.
	 */
	private static void quoted(Cell cell, String text, CellStyle style, Styles styles) {
		if (text == null || text.isEmpty()) {
			return;
		}
		cell.setCellValue(text);
		cell.setCellStyle(SpreadsheetCells.neutralised(text).equals(text) ? style : styles.quoted);
	}

	private Sheet inspectionSheet(XSSFWorkbook workbook, Styles styles, Locale locale) {
		Sheet sheet = workbook.createSheet(this.layout.sheetName(PlanWorkbookLayout.Sheet.INSPECTION, locale));
		Row header = sheet.createRow(0);
		cell(header, 0, this.layout.label("workbook.field.item", locale), styles.header);
		cell(header, 1, this.layout.label("workbook.field.value", locale), styles.header);
		int r = 1;
		for (Field field : Field.values()) {
			Row row = sheet.createRow(r++);
			cell(row, 0, this.layout.label(field, locale) + (field.required ? " *" : ""), styles.label);
			boolean date = field == Field.ON_SITE_FROM || field == Field.ON_SITE_TO || field == Field.FEEDBACK_DATE;
			row.createCell(1).setCellStyle(date ? styles.date : styles.text);
		}
		sheet.setColumnWidth(0, 22 * 256);
		sheet.setColumnWidth(1, 60 * 256);
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private void planSheet(Sheet sheet, Styles styles, Locale locale, int[] guideRanges) {
		Row header = sheet.createRow(0);
		List<Column> required = List.of(Column.CATEGORY, Column.PROBLEM_NUMBER, Column.PROBLEM);
		for (Column column : Column.values()) {
			String heading = this.layout.heading(column, locale);
			cell(header, column.ordinal(), required.contains(column) ? heading + " *" : heading, styles.header);
			sheet.setColumnWidth(column.ordinal(), column.width * 256);
			CellStyle style = switch (column) {
				case PROBLEM_NUMBER -> styles.text;
				case DEADLINE -> styles.date;
				default -> styles.wrapped;
			};
			sheet.setDefaultColumnStyle(column.ordinal(), style);
		}
		sheet.createFreezePane(0, 1);
		String guide = "'" + this.layout.sheetName(PlanWorkbookLayout.Sheet.GUIDE, locale) + "'!";
		DataValidationHelper helper = sheet.getDataValidationHelper();
		list(sheet, helper, Column.LEADER, guide + "$A$" + guideRanges[0] + ":$A$" + guideRanges[1]);
		list(sheet, helper, Column.LEAD_DEPARTMENT, guide + "$C$" + guideRanges[2] + ":$C$" + guideRanges[3]);
		list(sheet, helper, Column.KIND, guide + "$E$" + guideRanges[4] + ":$E$" + guideRanges[5]);
	}

	/** A drop-down from the guide; a value typed otherwise is only warned about, the import checks it anyway. */
	private static void list(Sheet sheet, DataValidationHelper helper, Column column, String range) {
		DataValidationConstraint constraint = helper.createFormulaListConstraint(range);
		int lastRow = Math.min(PlanWorkbookReader.MAX_ROWS, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
		DataValidation validation = helper.createValidation(constraint,
				new CellRangeAddressList(1, lastRow, column.ordinal(), column.ordinal()));
		validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	/**
	 * The guide: how to fill the sheets, then the leaders, departments and kinds the plan may name. Returns the first
	 * and last row (1-based) of each of the three lists, for the drop-downs.
	 */
	private int[] guideSheet(XSSFWorkbook workbook, Styles styles, Locale locale, String unitId) {
		Sheet sheet = workbook.createSheet(this.layout.sheetName(PlanWorkbookLayout.Sheet.GUIDE, locale));
		int r = 0;
		for (int i = 1; i <= 6; i++) {
			cell(sheet.createRow(r++), 0, this.layout.label("workbook.guide." + i, locale), styles.plain);
		}
		r++;
		Row heading = sheet.createRow(r++);
		cell(heading, 0, this.layout.label("workbook.column.leader", locale), styles.header);
		cell(heading, 1, this.layout.label("workbook.guide.account", locale), styles.header);
		cell(heading, 2, this.layout.label("workbook.column.leadDepartment", locale), styles.header);
		cell(heading, 3, this.layout.label("workbook.guide.groupId", locale), styles.header);
		cell(heading, 4, this.layout.label("workbook.column.kind", locale), styles.header);
		List<String> leaderIds = this.directory.leaderIds(unitId);
		Map<String, String> names = this.directory.displayNames(leaderIds);
		List<UnitDepartment> departments = this.directory.departmentsOf(unitId);
		TaskKind[] kinds = TaskKind.values();
		int first = r + 1;
		int rows = Math.max(leaderIds.size(), Math.max(departments.size(), kinds.length));
		for (int i = 0; i < rows; i++) {
			Row row = sheet.createRow(r++);
			if (i < leaderIds.size()) {
				cell(row, 0, names.getOrDefault(leaderIds.get(i), leaderIds.get(i)), styles.plain);
				cell(row, 1, leaderIds.get(i), styles.plain);
			}
			if (i < departments.size()) {
				cell(row, 2, departments.get(i).name(), styles.plain);
				cell(row, 3, departments.get(i).groupId(), styles.plain);
			}
			if (i < kinds.length) {
				cell(row, 4, this.layout.kindLabel(kinds[i], locale), styles.plain);
			}
		}
		sheet.setColumnWidth(0, 18 * 256);
		sheet.setColumnWidth(1, 26 * 256);
		sheet.setColumnWidth(2, 18 * 256);
		sheet.setColumnWidth(3, 26 * 256);
		sheet.setColumnWidth(4, 16 * 256);
		return new int[] { first, first + Math.max(leaderIds.size(), 1) - 1, first, first + Math.max(departments.size(), 1) - 1, first,
				first + kinds.length - 1 };
	}

	private static void cell(Row row, int column, String text, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(SpreadsheetCells.neutralised(text));
		cell.setCellStyle(style);
	}

	/** The few styles the template uses, created once per workbook. */
	private static final class Styles {

		final CellStyle header;

		final CellStyle label;

		final CellStyle text;

		final CellStyle date;

		final CellStyle wrapped;

		final CellStyle plain;

		final CellStyle quoted;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.header.setWrapText(true);
			this.header.setVerticalAlignment(VerticalAlignment.CENTER);
			this.label = workbook.createCellStyle();
			this.label.setFont(bold);
			this.text = workbook.createCellStyle();
			this.text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			this.wrapped = workbook.createCellStyle();
			this.wrapped.setWrapText(true);
			this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
			this.plain = workbook.createCellStyle();
			this.quoted = workbook.createCellStyle();
			this.quoted.setWrapText(true);
			this.quoted.setQuotePrefixed(true);
		}

	}

}

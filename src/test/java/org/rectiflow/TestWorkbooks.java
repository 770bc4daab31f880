package org.rectiflow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.plan.importing.PlanWorkbookTemplate;

/**
 * Plan workbooks for tests, filled in the way the office fills them: the downloaded template opened in "Excel"
 * (POI), values typed into the inspection sheet next to their labels and one task per row of the plan sheet.
 */
public final class TestWorkbooks {

	private final XSSFWorkbook workbook;

	private TestWorkbooks(XSSFWorkbook workbook) {
		this.workbook = workbook;
	}

	public static TestWorkbooks fromTemplate(PlanWorkbookTemplate template, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			template.write(out, locale);
			return new TestWorkbooks(new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public XSSFWorkbook workbook() {
		return this.workbook;
	}

	public Sheet inspectionSheet() {
		return this.workbook.getSheetAt(0);
	}

	public Sheet planSheet() {
		return this.workbook.getSheetAt(1);
	}

	/** The inspection sheet's labels in Chinese, in the template's order (row 2 on), whatever its language. */
	private static final List<String> LABELS = List.of("巡察名称", "巡察组", "被巡察单位", "巡察进驻日期", "巡察结束日期", "反馈日期", "文号",
			"集中整改期", "联系电话");

	/** Types a value next to the label (named in Chinese) of the inspection sheet. */
	public TestWorkbooks inspection(String label, Object value) {
		int index = LABELS.indexOf(label);
		if (index < 0) {
			throw new IllegalArgumentException("no label " + label);
		}
		Row row = inspectionSheet().getRow(index + 1);
		set(row.getCell(1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK), value);
		return this;
	}

	/** The inspection of the round-trip tests: every field filled in. */
	public TestWorkbooks standardInspection(String title) {
		return inspection("巡察名称", title).inspection("巡察组", "省委教育工委第四巡察组")
			.inspection("被巡察单位", "导入测试学院党委")
			.inspection("巡察进驻日期", LocalDate.of(2026, 3, 1))
			.inspection("巡察结束日期", LocalDate.of(2026, 4, 30))
			.inspection("反馈日期", LocalDate.of(2026, 6, 10))
			.inspection("文号", "湘教巡〔2026〕4号")
			.inspection("集中整改期", 3)
			.inspection("联系电话", "0731-12345678");
	}

	/**
	 * Appends a row to the plan sheet: category, problem number, problem, task, measures, leader, lead department,
	 * cooperating departments, responsible person, deadline, kind (the template's column order).
	 */
	public TestWorkbooks task(Object... cells) {
		Sheet sheet = planSheet();
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] != null) {
				set(row.createCell(i), cells[i]);
			}
		}
		return this;
	}

	public byte[] bytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			this.workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private void set(Cell cell, Object value) {
		if (value instanceof LocalDate date) {
			cell.setCellValue(date);
			var style = this.workbook.createCellStyle();
			style.setDataFormat(this.workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			cell.setCellStyle(style);
		}
		else if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
		else {
			cell.setCellValue(String.valueOf(value));
		}
	}

}

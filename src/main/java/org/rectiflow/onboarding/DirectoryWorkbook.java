package org.rectiflow.onboarding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.system.Messages;
import org.rectiflow.system.WorkbookError;
import org.springframework.stereotype.Component;

/**
 * The directory workbook (.xlsx) an administrator fills in to onboard a unit, and its reading. Three sheets, named in
 * the downloader's language and read in either: 单位 (row 2: the unit's name and short name), 部门 (a department's
 * name per row) and 人员 (per row: name, account, department, roles separated by 、 or commas, e-mail), each with its
 * headings in row 1; a fourth, 说明, tells how to fill them and lists the roles. Blank rows are skipped. Reading checks
 * the file as the plan import does (size, format, a sheet missing) and keeps each entry's row, so that every error of
 * the directory is reported with its sheet, row and column.
 */
@Component
class DirectoryWorkbook {

	static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

	static final int MAX_ROWS = 2000;

	private static final Pattern ROLE_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

	private final Messages messages;

	DirectoryWorkbook(Messages messages) {
		this.messages = messages;
	}

	/** A directory read from a workbook, and where each of its entries is. */
	record Read(UnitDirectory directory, Where where) {
	}

	void writeTemplate(OutputStream out, Locale locale) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			for (DirectoryField.Sheet which : DirectoryField.Sheet.values()) {
				Sheet sheet = workbook.createSheet(this.messages.get(locale, which.key));
				Row row = sheet.createRow(0);
				for (DirectoryField field : DirectoryField.values()) {
					if (field.sheet == which) {
						Cell cell = row.createCell(field.columnIndex());
						cell.setCellValue(this.messages.get(locale, field.key));
						cell.setCellStyle(header);
						sheet.setColumnWidth(field.columnIndex(), 24 * 256);
					}
				}
			}
			Sheet guide = workbook.createSheet(this.messages.get(locale, "onboarding.sheet.guide"));
			int r = 0;
			for (int i = 1; i <= 5; i++) {
				guide.createRow(r++).createCell(0).setCellValue(this.messages.get(locale, "onboarding.guide." + i));
			}
			r++;
			Row heading = guide.createRow(r++);
			heading.createCell(0).setCellValue(this.messages.get(locale, "onboarding.field.roles"));
			heading.getCell(0).setCellStyle(header);
			for (DirectoryRole role : DirectoryRole.values()) {
				Row row = guide.createRow(r++);
				row.createCell(0).setCellValue(role.label());
				row.createCell(1).setCellValue(this.messages.get(locale, role.messageKey()));
			}
			guide.setColumnWidth(0, 60 * 256);
			guide.setColumnWidth(1, 30 * 256);
			workbook.write(out);
		}
	}

	/** @throws DirectoryException for a file that is no directory workbook or lacks a sheet */
	Read read(byte[] bytes, Locale locale) {
		checkFile(bytes);
		try (Workbook workbook = open(bytes)) {
			Map<DirectoryField.Sheet, Sheet> sheets = new EnumMap<>(DirectoryField.Sheet.class);
			List<WorkbookError> missing = new ArrayList<>();
			for (DirectoryField.Sheet which : DirectoryField.Sheet.values()) {
				Set<String> names = Set.of(this.messages.get(Locale.SIMPLIFIED_CHINESE, which.key),
						this.messages.get(Locale.ENGLISH, which.key).toLowerCase(Locale.ROOT));
				Sheet found = null;
				for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
					String name = workbook.getSheetName(i).strip();
					if (names.contains(name) || names.contains(name.toLowerCase(Locale.ROOT))) {
						found = workbook.getSheetAt(i);
					}
				}
				if (found == null) {
					missing.add(new WorkbookError(this.messages.get(locale, which.key), null, null,
							"onboarding.error.sheetMissing", this.messages.get(locale, which.key)));
				}
				sheets.put(which, found);
			}
			if (!missing.isEmpty()) {
				throw new DirectoryException(missing);
			}
			return read(sheets);
		}
		catch (IOException ex) {
			throw new DirectoryException(new WorkbookError(null, null, null, "onboarding.error.unreadable"));
		}
	}

	private Read read(Map<DirectoryField.Sheet, Sheet> sheets) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		Sheet unitSheet = sheets.get(DirectoryField.Sheet.UNIT);
		Row unitRow = unitSheet.getRow(1);
		String name = text(formatter, unitRow, DirectoryField.UNIT_NAME);
		String shortName = text(formatter, unitRow, DirectoryField.SHORT_NAME);
		List<Integer> departmentRows = new ArrayList<>();
		List<UnitDirectory.Department> departments = new ArrayList<>();
		for (Row row : rows(sheets.get(DirectoryField.Sheet.DEPARTMENTS), formatter)) {
			departmentRows.add(row.getRowNum() + 1);
			departments.add(new UnitDirectory.Department(text(formatter, row, DirectoryField.DEPARTMENT_NAME)));
		}
		List<Integer> personRows = new ArrayList<>();
		List<UnitDirectory.Person> people = new ArrayList<>();
		for (Row row : rows(sheets.get(DirectoryField.Sheet.PEOPLE), formatter)) {
			personRows.add(row.getRowNum() + 1);
			String roles = text(formatter, row, DirectoryField.ROLES);
			people.add(new UnitDirectory.Person(text(formatter, row, DirectoryField.PERSON_NAME),
					text(formatter, row, DirectoryField.ACCOUNT), text(formatter, row, DirectoryField.DEPARTMENT),
					(roles == null) ? List.of() : Arrays.stream(ROLE_SEPARATORS.split(roles)).filter((r) -> !r.isBlank()).toList(),
					text(formatter, row, DirectoryField.EMAIL)));
		}
		Map<DirectoryField.Sheet, String> sheetNames = new EnumMap<>(DirectoryField.Sheet.class);
		sheets.forEach((which, sheet) -> sheetNames.put(which, sheet.getSheetName()));
		Where where = (field, entry, key, args) -> {
			Integer row = switch (field.sheet) {
				case UNIT -> 2;
				case DEPARTMENTS -> (entry == null) ? null : departmentRows.get(entry);
				case PEOPLE -> (entry == null) ? null : personRows.get(entry);
			};
			return new WorkbookError(sheetNames.get(field.sheet), row, (row == null) ? null : field.column, key, args);
		};
		return new Read(new UnitDirectory(name, shortName, departments, people), where);
	}

	/** The rows below the headings that hold anything, at most {@link #MAX_ROWS}. */
	private static List<Row> rows(Sheet sheet, DataFormatter formatter) {
		List<Row> rows = new ArrayList<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			boolean filled = false;
			for (Cell cell : row) {
				filled |= !formatter.formatCellValue(cell).isBlank();
			}
			if (filled) {
				if (rows.size() == MAX_ROWS) {
					throw new DirectoryException(new WorkbookError(sheet.getSheetName(), r + 1, null,
							"onboarding.error.tooManyRows", MAX_ROWS));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static String text(DataFormatter formatter, Row row, DirectoryField field) {
		if (row == null) {
			return null;
		}
		Cell cell = row.getCell(field.columnIndex());
		String text = (cell == null) ? "" : formatter.formatCellValue(cell).strip();
		return text.isEmpty() ? null : text;
	}

	private static void checkFile(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new DirectoryException(new WorkbookError(null, null, null, "onboarding.error.empty"));
		}
		if (bytes.length > MAX_FILE_BYTES) {
			throw new DirectoryException(new WorkbookError(null, null, null, "onboarding.error.tooLarge",
					String.format(Locale.ROOT, "%.1f MB", MAX_FILE_BYTES / 1024.0 / 1024.0)));
		}
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			throw new DirectoryException(new WorkbookError(null, null, null, "onboarding.error.notXlsx"));
		}
	}

	private static Workbook open(byte[] bytes) {
		// POI refuses a zip bomb itself (ZipSecureFile's inflation ratio), as an IOException or a runtime one.
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			return new XSSFWorkbook(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new DirectoryException(new WorkbookError(null, null, null, "onboarding.error.unreadable"));
		}
	}

	/** For the page: the role labels a workbook may use. */
	static String roleLabels() {
		return Arrays.stream(DirectoryRole.values()).map(DirectoryRole::label).collect(Collectors.joining("、"));
	}

}

package org.rectiflow.onboarding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Directory workbooks as an administrator fills them in, and their upload as a browser sends it. */
public final class DirectoryWorkbooks {

	private DirectoryWorkbooks() {
	}

	/** A workbook: the unit, a department per entry, a person per row (name, account, department, roles, e-mail). */
	public static byte[] workbook(String unitName, String shortName, List<String> departments, List<List<String>> people) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet unit = workbook.createSheet("单位");
			row(unit, 0, List.of("单位名称", "简称"));
			row(unit, 1, List.of(unitName, shortName));
			Sheet ds = workbook.createSheet("部门");
			row(ds, 0, List.of("部门名称"));
			for (int i = 0; i < departments.size(); i++) {
				row(ds, i + 1, List.of(departments.get(i)));
			}
			Sheet ps = workbook.createSheet("人员");
			row(ps, 0, List.of("姓名", "账号", "所在部门", "角色", "电子邮箱"));
			for (int i = 0; i < people.size(); i++) {
				row(ps, i + 1, people.get(i));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void row(Sheet sheet, int r, List<String> cells) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < cells.size(); c++) {
			if (cells.get(c) != null) {
				row.createCell(c).setCellValue(cells.get(c));
			}
		}
	}

	static final String BOUNDARY = "----rectiflowDirectoryBoundary";

	/** A multipart/form-data body with one file part named {@code file}. */
	static byte[] multipart(String fileName, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		body.writeBytes(head);
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

}

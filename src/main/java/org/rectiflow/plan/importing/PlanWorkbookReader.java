package org.rectiflow.plan.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.identity.UnitDepartment;
import org.rectiflow.identity.Directory;
import org.rectiflow.inspection.TypedDates;
import org.rectiflow.plan.importing.PlanWorkbookLayout.Column;
import org.rectiflow.plan.importing.PlanWorkbookLayout.Field;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.task.TaskKind;
import org.rectiflow.unit.Units;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded plan workbook and checks all of it before anything is imported: every error is collected with
 * its sheet, row and column, and the workbook is refused when there is any ({@link PlanWorkbookException}).
 * <p>
 * The file is checked before POI opens it, since an .xlsx is a zip that a few kilobytes can inflate to gigabytes: a
 * size cap on the upload, then every entry inflated and counted against {@link #MAX_UNZIPPED_BYTES} and
 * {@link #MAX_ENTRIES}; POI's own {@code ZipSecureFile} ratio check (1%) stays on behind it. The checks are local to
 * this reader rather than POI's JVM-wide settings, which other features share. A sheet is read to at most
 * {@link #MAX_ROWS} rows.
 */
@Component
public class PlanWorkbookReader {

	/** A plan of a few hundred tasks is well under 1 MB; the cap leaves room for long measures. */
	public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

	/**
	 * POI reads a workbook into memory as XML objects, over ten times the size of the XML itself (5,000 rows inflating
	 * to 15.7 MB took 217 MB of heap while read); a real plan inflates to a few megabytes, so this bounds what one
	 * upload can make the server hold.
	 */
	static final long MAX_UNZIPPED_BYTES = 16L * 1024 * 1024;

	static final int MAX_ENTRIES = 500;

	public static final int MAX_ROWS = 5000;

	private static final Pattern PROBLEM_NUMBER = Pattern.compile("^(?:(\\d{1,3})\\s*[.．]\\s*)?(\\d{1,3})$");

	private static final Pattern MEASURE_NUMBERING = Pattern
		.compile("^\\s*(?:\\d{1,2}\\s*[.．、)）]|[（(]\\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}、)\\s*");

	/** "。二是" inside a line: the next of the measures a unit writes in one paragraph ("一是…。二是…。三是…"). */
	private static final Pattern INLINE_NEXT_MEASURE = Pattern.compile("(?<=[。；;，,\\s])(?=[二三四五六七八九十]{1,3}是)");

	/** A problem number as some units write it: its category's numeral, then the number ("（二）12", "二、12"). */
	private static final Pattern CATEGORY_PROBLEM_NUMBER = Pattern
		.compile("^[（(]?([一二三四五六七八九十]{1,3}|\\d{1,3})[)）、.．]?\\s*(\\d{1,3})[.．、]?$");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；/\\n]+");

	private static final Pattern TEXT_DATE = Pattern
		.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");

	private static final Pattern COMPACT_DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

	private final PlanWorkbookLayout layout;

	private final Directory directory;

	private final Units units;

	private final Clock clock;

	PlanWorkbookReader(PlanWorkbookLayout layout, Directory directory, Units units, Clock clock) {
		this.layout = layout;
		this.directory = directory;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * The plan the workbook holds; {@code locale} names missing sheets and columns in the person's language.
	 * @throws PlanWorkbookException with every error found, when there is any
	 */
	public ParsedPlan read(byte[] bytes, Locale locale) {
		return read(bytes, locale, null);
	}

	/**
	 * As {@link #read(byte[], Locale)}, departments named as those of {@code unitId} (an inspection's, whose plan is
	 * replaced); {@code null}: of the unit the workbook names, as a new inspection would belong to it.
	 */
	public ParsedPlan read(byte[] bytes, Locale locale, String unitId) {
		return read(bytes, locale, unitId, false);
	}

	/**
	 * As {@link #read(byte[], Locale, String)}; deadlines in the past are refused (each in its cell) unless the plan is
	 * {@code recordedHistory}, a round done before the unit used Rectiflow (issue 19).
	 */
	public ParsedPlan read(byte[] bytes, Locale locale, String unitId, boolean recordedHistory) {
		checkFile(bytes);
		try (Workbook workbook = open(bytes)) {
			return new Reading(workbook, locale, unitId, recordedHistory, LocalDate.now(this.clock)).read();
		}
		catch (IOException ex) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.unreadable"));
		}
	}

	/**
	 * The institutional rules of the workbook's rule sheet (issue 19), none if it has no such sheet; the file is
	 * checked as for the plan. Every error of the sheet is reported at once.
	 */
	public List<RuleSheet.Rule> readRules(byte[] bytes) {
		checkFile(bytes);
		try (Workbook workbook = open(bytes)) {
			return RuleSheet.read(workbook);
		}
		catch (IOException ex) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.unreadable"));
		}
	}

	private static void checkFile(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.empty"));
		}
		if (bytes.length > MAX_FILE_BYTES) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.tooLarge",
					megabytes(bytes.length), megabytes(MAX_FILE_BYTES)));
		}
		if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
				&& (bytes[3] & 0xFF) == 0xE0) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.oldFormat"));
		}
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.notXlsx"));
		}
		long unzipped = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					throw bomb();
				}
				for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
					unzipped += n;
					if (unzipped > MAX_UNZIPPED_BYTES) {
						throw bomb();
					}
				}
			}
		}
		catch (ZipException ex) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.unreadable"));
		}
		catch (IOException ex) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.unreadable"));
		}
		if (entries == 0) {
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.notXlsx"));
		}
	}

	private static PlanWorkbookException bomb() {
		return new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.bomb",
				megabytes(MAX_UNZIPPED_BYTES)));
	}

	private static Workbook open(byte[] bytes) {
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			return new XSSFWorkbook(in);
		}
		catch (IOException ex) {
			String message = String.valueOf(ex.getMessage());
			throw new PlanWorkbookException(new WorkbookError(null, null, null,
					message.contains("Zip bomb") ? "workbook.error.bomb" : "workbook.error.unreadable",
					megabytes(MAX_UNZIPPED_BYTES)));
		}
		catch (RuntimeException ex) {
			// POI reports a part that is not what it should be with a variety of unchecked exceptions.
			throw new PlanWorkbookException(new WorkbookError(null, null, null, "workbook.error.unreadable"));
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
	}

	/** A leader found by name or account: the user id, or the candidates when the name is shared. */
	private record LeaderMatch(String id, List<String> candidates) {
	}

	/** One reading of one workbook: the errors found so far and the lookups it needs. */
	private final class Reading {

		private final Workbook workbook;

		private final Locale locale;

		private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

		private final List<WorkbookError> errors = new ArrayList<>();

		private final Set<String> unknownLeaders = new LinkedHashSet<>();

		private final Set<String> unknownDepartments = new LinkedHashSet<>();

		private final Map<String, List<String>> leadersByName = new HashMap<>();

		private final Map<String, String> departments = new HashMap<>();

		/** Department names as the directory writes them, by normalised name: the suggestions for a name not found. */
		private final Map<String, String> departmentNames = new LinkedHashMap<>();

		/** Leaders' names as the directory writes them, by normalised name. */
		private final Map<String, String> leaderNames = new LinkedHashMap<>();

		/** Problem numbers not understood, by category, each reported once, with the problem each was read as. */
		private final Set<String> unreadableNumbers = new HashSet<>();

		private final Map<String, String> unreadableKeys = new HashMap<>();

		/** The number written for the last new problem of each category. */
		private final Map<String, Integer> lastNumbers = new HashMap<>();

		private final String unitId;

		private final boolean recordedHistory;

		private final LocalDate today;

		Reading(Workbook workbook, Locale locale, String unitId, boolean recordedHistory, LocalDate today) {
			this.workbook = workbook;
			this.locale = locale;
			this.unitId = unitId;
			this.recordedHistory = recordedHistory;
			this.today = today;
		}

		/**
		 * The leaders and departments a plan may name: its unit's; departments by name, account (group id) or a name
		 * reports use.
		 */
		private void directoryOf(String unitName) {
			String unit = (this.unitId != null) ? this.unitId
					: PlanWorkbookReader.this.units.unitForNewInspection((unitName == null) ? "" : unitName);
			List<String> leaderIds = PlanWorkbookReader.this.directory.leaderIds(unit);
			Map<String, String> names = PlanWorkbookReader.this.directory.displayNames(leaderIds);
			for (String id : leaderIds) {
				this.leadersByName.computeIfAbsent(PlanWorkbookLayout.normalised(names.getOrDefault(id, id)),
						(k) -> new ArrayList<>())
					.add(id);
				this.leaderNames.put(PlanWorkbookLayout.normalised(names.getOrDefault(id, id)), names.getOrDefault(id, id));
			}
			List<UnitDepartment> unitDepartments = PlanWorkbookReader.this.directory.departmentsOf(unit);
			for (UnitDepartment d : unitDepartments) {
				this.departmentNames.put(PlanWorkbookLayout.normalised(d.name()), d.name());
				this.departments.put(PlanWorkbookLayout.normalised(d.name()), d.groupId());
				this.departments.put(PlanWorkbookLayout.normalised(d.groupId()), d.groupId());
			}
			LeadDepartmentInference.names(unitDepartments)
				.forEach((d, aliases) -> aliases
					.forEach((a) -> this.departments.putIfAbsent(PlanWorkbookLayout.normalised(a), d)));
		}

		ParsedPlan read() {
			Sheet inspectionSheet = sheet(PlanWorkbookLayout.Sheet.INSPECTION);
			Sheet planSheet = sheet(PlanWorkbookLayout.Sheet.PLAN);
			Map<Field, Object> inspection = (inspectionSheet != null) ? inspection(inspectionSheet) : Map.of();
			LocalDate feedbackDate = (LocalDate) inspection.get(Field.FEEDBACK_DATE);
			directoryOf((String) inspection.get(Field.UNIT_NAME));
			List<ParsedPlan.Category> categories = (planSheet != null) ? plan(planSheet, feedbackDate) : List.of();
			if (!this.errors.isEmpty()) {
				throw new PlanWorkbookException(this.errors, List.copyOf(this.unknownLeaders),
						List.copyOf(this.unknownDepartments));
			}
			@SuppressWarnings("unchecked")
			List<String> documentNumbers = (List<String>) inspection.getOrDefault(Field.DOCUMENT_NUMBERS, List.of());
			return new ParsedPlan((String) inspection.get(Field.TITLE), (String) inspection.get(Field.INSPECTING_BODY),
					(String) inspection.get(Field.UNIT_NAME), (LocalDate) inspection.get(Field.ON_SITE_FROM),
					(LocalDate) inspection.get(Field.ON_SITE_TO), feedbackDate, documentNumbers,
					(Integer) inspection.getOrDefault(Field.CONCENTRATED_MONTHS, 3),
					(String) inspection.get(Field.CONTACT_LINE), categories);
		}

		private Sheet sheet(PlanWorkbookLayout.Sheet which) {
			Set<String> names = PlanWorkbookReader.this.layout.accepted(which.key);
			for (int i = 0; i < this.workbook.getNumberOfSheets(); i++) {
				if (names.contains(PlanWorkbookLayout.normalised(this.workbook.getSheetName(i)))) {
					return this.workbook.getSheetAt(i);
				}
			}
			this.errors.add(new WorkbookError(PlanWorkbookReader.this.layout.sheetName(which, this.locale), null, null,
					"workbook.error.sheetMissing", PlanWorkbookReader.this.layout.sheetName(which, this.locale)));
			return null;
		}

		/** The inspection sheet: each field found by its label in column A, wherever its row. */
		private Map<Field, Object> inspection(Sheet sheet) {
			Map<Field, Cell> cells = new EnumMap<>(Field.class);
			int last = Math.min(sheet.getLastRowNum(), 200);
			for (int r = 0; r <= last; r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				String label = PlanWorkbookLayout.normalised(text(row.getCell(0)));
				for (Field field : Field.values()) {
					if (!cells.containsKey(field) && PlanWorkbookReader.this.layout.accepted(field.key).contains(label)) {
						Cell value = row.getCell(1);
						cells.put(field, (value != null) ? value : row.createCell(1));
					}
				}
			}
			Map<Field, Object> values = new EnumMap<>(Field.class);
			String sheetName = sheet.getSheetName();
			for (Field field : Field.values()) {
				String label = PlanWorkbookReader.this.layout.label(field, this.locale);
				Cell cell = cells.get(field);
				if (cell == null) {
					if (field.required) {
						this.errors.add(new WorkbookError(sheetName, null, null, "workbook.error.fieldMissing", label));
					}
					continue;
				}
				String text = text(cell);
				if (text.isEmpty()) {
					if (field.required) {
						error(cell, "workbook.error.required", label);
					}
					continue;
				}
				switch (field) {
					case ON_SITE_FROM, ON_SITE_TO, FEEDBACK_DATE -> {
						LocalDate date = date(cell);
						if (date == null) {
							error(cell, "workbook.error.date", label, text);
						}
						else if (date.isBefore(TypedDates.EARLIEST) || date.isAfter(this.today)) {
							// The visit and the feedback have happened: a year typed as 1203 or 2206 is a slip.
							error(cell, "workbook.error.dateNotPast", label, date, TypedDates.EARLIEST, this.today);
						}
						else {
							values.put(field, date);
						}
					}
					case CONCENTRATED_MONTHS -> {
						Integer months = integer(text);
						if (months == null || months < 1 || months > 36) {
							error(cell, "workbook.error.months", label, text);
						}
						else {
							values.put(field, months);
						}
					}
					case DOCUMENT_NUMBERS -> {
						if (length(cell, label, text, field.maxLength)) {
							values.put(field, LIST_SEPARATORS.splitAsStream(text).map(String::strip).filter((s) -> !s.isEmpty()).toList());
						}
					}
					default -> {
						if (length(cell, label, text, field.maxLength)) {
							values.put(field, text);
						}
					}
				}
			}
			LocalDate from = (LocalDate) values.get(Field.ON_SITE_FROM);
			LocalDate to = (LocalDate) values.get(Field.ON_SITE_TO);
			if (from != null && to != null && to.isBefore(from)) {
				error(cells.get(Field.ON_SITE_TO), "workbook.error.dateOrder",
						PlanWorkbookReader.this.layout.label(Field.ON_SITE_TO, this.locale),
						PlanWorkbookReader.this.layout.label(Field.ON_SITE_FROM, this.locale));
			}
			LocalDate feedback = (LocalDate) values.get(Field.FEEDBACK_DATE);
			LocalDate lastOnSite = (to != null) ? to : from;
			if (feedback != null && lastOnSite != null && feedback.isBefore(lastOnSite)) {
				error(cells.get(Field.FEEDBACK_DATE), "workbook.error.dateOrder",
						PlanWorkbookReader.this.layout.label(Field.FEEDBACK_DATE, this.locale),
						PlanWorkbookReader.this.layout.label((to != null) ? Field.ON_SITE_TO : Field.ON_SITE_FROM, this.locale));
			}
			return values;
		}

		/** Mutable while reading: a problem of the plan sheet and the row that introduced it. */
		private static final class ProblemDraft {

			final String title;

			final int row;

			final List<ParsedPlan.Task> tasks = new ArrayList<>();

			final Map<String, Integer> taskRows = new HashMap<>();

			ProblemDraft(String title, int row) {
				this.title = title;
				this.row = row;
			}

		}

		private List<ParsedPlan.Category> plan(Sheet sheet, LocalDate feedbackDate) {
			Map<Column, Integer> columns = headings(sheet);
			if (columns == null) {
				return List.of();
			}
			int last = sheet.getLastRowNum();
			Map<String, Map<String, ProblemDraft>> categories = new LinkedHashMap<>();
			int problemTotal = 0;
			int dataRows = 0;
			for (int r = 1; r <= last; r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<Column, Cell> cells = new EnumMap<>(Column.class);
				Map<Column, String> texts = new EnumMap<>(Column.class);
				boolean blank = true;
				for (Map.Entry<Column, Integer> c : columns.entrySet()) {
					Cell cell = row.getCell(c.getValue());
					if (cell == null) {
						cell = row.createCell(c.getValue());
					}
					cells.put(c.getKey(), cell);
					String text = text(cell);
					texts.put(c.getKey(), text);
					blank &= text.isEmpty();
				}
				if (blank) {
					continue;
				}
				if (++dataRows > MAX_ROWS) {
					this.errors.add(new WorkbookError(sheet.getSheetName(), r + 1, null, "workbook.error.tooManyRows",
							MAX_ROWS));
					break;
				}
				boolean lengthsOk = true;
				for (Column column : Column.values()) {
					if (column.maxLength > 0) {
						lengthsOk &= length(cells.get(column), heading(column), texts.get(column), column.maxLength);
					}
				}
				String categoryTitle = required(cells, texts, Column.CATEGORY);
				String number = required(cells, texts, Column.PROBLEM_NUMBER);
				String problemTitle = required(cells, texts, Column.PROBLEM);
				if (categoryTitle == null || problemTitle == null || number == null || !lengthsOk) {
					continue;
				}
				Map<String, ProblemDraft> problems = categories.computeIfAbsent(categoryTitle, (k) -> new LinkedHashMap<>());
				int categorySeq = new ArrayList<>(categories.keySet()).indexOf(categoryTitle) + 1;
				Matcher numbered = PROBLEM_NUMBER.matcher(withArabicCategory(number.replace(" ", "")));
				String numberKey = numbered.matches() ? numberKey(numbered, categorySeq) : null;
				if (numberKey == null) {
					// One unreadable number is one error (issue 19): the row joins the problem of the same title in
					// its category, or opens the next one, and the rows after it are read as if it had been right.
					numberKey = problems.entrySet()
						.stream()
						.filter((e) -> e.getValue().title.equals(problemTitle))
						.map(Map.Entry::getKey)
						.findFirst()
						.orElse(categorySeq + "." + (problems.size() + 1));
					if (problems.containsKey(numberKey) && !problems.get(numberKey).title.equals(problemTitle)) {
						// That number is taken by another problem: this one keeps a place of its own.
						numberKey = "\u0000" + number;
					}
					if (!this.unreadableNumbers.add(categoryTitle + "\u0000" + number)) {
						numberKey = this.unreadableKeys.getOrDefault(categoryTitle + "\u0000" + number, numberKey);
					}
					else {
						error(cells.get(Column.PROBLEM_NUMBER), "workbook.error.problemNumberFormat", number);
					}
					this.unreadableKeys.put(categoryTitle + "\u0000" + number, numberKey);
				}
				ProblemDraft problem = problems.get(numberKey);
				if (problem == null) {
					int seq = problems.size() + 1;
					problemTotal++;
					Integer written = numbered.matches() ? Integer.valueOf(numbered.group(2)) : null;
					Integer previous = this.lastNumbers.get(categoryTitle);
					if (written != null && !numberFits(numbered, categorySeq, seq, problemTotal)
							&& !(previous != null && written == previous + 1)) {
						error(cells.get(Column.PROBLEM_NUMBER), "workbook.error.problemNumber", number,
								categorySeq + "." + seq);
					}
					// The next problem may follow the number written here: a gap or a slip is one error, not one
					// for every problem after it.
					this.lastNumbers.put(categoryTitle, (written != null) ? written : seq);
					problem = new ProblemDraft(problemTitle, r + 1);
					problems.put(numberKey, problem);
				}
				else if (!problem.title.equals(problemTitle)) {
					error(cells.get(Column.PROBLEM), "workbook.error.problemConflict", number, problem.row);
				}
				task(cells, texts, problem, feedbackDate, r + 1);
			}
			if (dataRows == 0) {
				this.errors.add(new WorkbookError(sheet.getSheetName(), 2, null, "workbook.error.noRows"));
			}
			return categories.entrySet()
				.stream()
				.map((c) -> new ParsedPlan.Category(c.getKey(), c.getValue()
					.values()
					.stream()
					.map((p) -> new ParsedPlan.Problem(p.title, List.copyOf(p.tasks)))
					.toList()))
				.toList();
		}

		/** "（二）12" and "二、12" as "2.12": the category's Chinese numeral in front of the problem's number. */
		private static String withArabicCategory(String number) {
			Matcher m = CATEGORY_PROBLEM_NUMBER.matcher(number);
			if (!m.matches() || PROBLEM_NUMBER.matcher(number).matches()) {
				return number;
			}
			int category = m.group(1).chars().allMatch(Character::isDigit) ? Integer.parseInt(m.group(1))
					: chineseNumber(m.group(1));
			return (category > 0) ? category + "." + m.group(2) : number;
		}

		/** 一 … 九十九; 0 when it is not such a numeral. */
		private static int chineseNumber(String text) {
			String digits = "一二三四五六七八九";
			int ten = text.indexOf('十');
			if (ten < 0) {
				return (text.length() == 1) ? digits.indexOf(text.charAt(0)) + 1 : 0;
			}
			int tens = (ten == 0) ? 1 : digits.indexOf(text.charAt(0)) + 1;
			int units = (ten == text.length() - 1) ? 0 : digits.indexOf(text.charAt(text.length() - 1)) + 1;
			return (tens <= 0 || units < 0) ? 0 : tens * 10 + units;
		}

		/** "1.2" and "2" (in category 1) name the same problem, so rows of one problem may be numbered either way. */
		private static String numberKey(Matcher numbered, int categorySeq) {
			return ((numbered.group(1) != null) ? Integer.parseInt(numbered.group(1)) : categorySeq) + "."
					+ Integer.parseInt(numbered.group(2));
		}

		/**
		 * A problem's number is its code ("2.3"), its place in its category ("3") or its place in the whole
		 * feedback, as documents that number problems straight through write it.
		 */
		private static boolean numberFits(Matcher numbered, int categorySeq, int seq, int overall) {
			int n = Integer.parseInt(numbered.group(2));
			if (numbered.group(1) != null) {
				return Integer.parseInt(numbered.group(1)) == categorySeq && n == seq;
			}
			return n == seq || n == overall;
		}

		private void task(Map<Column, Cell> cells, Map<Column, String> texts, ProblemDraft problem,
				LocalDate feedbackDate, int rowNumber) {
			String title = texts.get(Column.TASK);
			List<Column> taskColumns = List.of(Column.MEASURES, Column.LEADER, Column.LEAD_DEPARTMENT,
					Column.COOPERATING_DEPARTMENTS, Column.RESPONSIBLE_PERSON, Column.DEADLINE, Column.KIND);
			if (title.isEmpty()) {
				// A row may name a problem whose tasks are still to be worked out, but then nothing of a task.
				if (taskColumns.stream().anyMatch((c) -> !texts.get(c).isEmpty())) {
					error(cells.get(Column.TASK), "workbook.error.required", heading(Column.TASK));
				}
				return;
			}
			Integer duplicate = problem.taskRows.putIfAbsent(title, rowNumber);
			if (duplicate != null) {
				error(cells.get(Column.TASK), "workbook.error.duplicateTask", duplicate);
			}
			String measuresText = required(cells, texts, Column.MEASURES);
			String leaderText = required(cells, texts, Column.LEADER);
			String departmentText = required(cells, texts, Column.LEAD_DEPARTMENT);
			String deadlineText = required(cells, texts, Column.DEADLINE);
			List<String> measures = (measuresText != null) ? measures(measuresText) : List.of();
			String leader = (leaderText != null) ? leader(cells.get(Column.LEADER), leaderText) : null;
			String department = (departmentText != null) ? department(cells.get(Column.LEAD_DEPARTMENT), departmentText)
					: null;
			List<String> cooperating = new ArrayList<>();
			for (String name : LIST_SEPARATORS.split(texts.get(Column.COOPERATING_DEPARTMENTS))) {
				if (!name.isBlank()) {
					String groupId = department(cells.get(Column.COOPERATING_DEPARTMENTS), name.strip());
					if (groupId != null && !cooperating.contains(groupId) && !groupId.equals(department)) {
						cooperating.add(groupId);
					}
				}
			}
			LocalDate deadline = null;
			if (deadlineText != null) {
				deadline = date(cells.get(Column.DEADLINE));
				if (deadline == null) {
					error(cells.get(Column.DEADLINE), "workbook.error.date", heading(Column.DEADLINE), deadlineText);
				}
				else if (feedbackDate != null && deadline.isBefore(feedbackDate)) {
					error(cells.get(Column.DEADLINE), "workbook.error.deadlineBeforeFeedback", deadline, feedbackDate);
				}
				else if (deadline.isBefore(TypedDates.EARLIEST)
						|| deadline.isAfter(this.today.plusYears(TypedDates.YEARS_AHEAD))) {
					error(cells.get(Column.DEADLINE), "workbook.error.deadlineTooFar", deadline,
							this.today.plusYears(TypedDates.YEARS_AHEAD), TypedDates.YEARS_AHEAD);
				}
				else if (!this.recordedHistory && deadline.isBefore(this.today)) {
					// Filed, it would make the task overdue at once: an overdue notice and a criticism decision each.
					error(cells.get(Column.DEADLINE), "workbook.error.deadlinePast", deadline, this.today);
				}
			}
			TaskKind kind = kind(cells.get(Column.KIND), texts.get(Column.KIND));
			String person = texts.get(Column.RESPONSIBLE_PERSON);
			problem.tasks.add(new ParsedPlan.Task(title, kind, leader, department, List.copyOf(cooperating),
					person.isEmpty() ? null : person, deadline, measures));
		}

		private String leader(Cell cell, String text) {
			String key = PlanWorkbookLayout.normalised(text);
			List<String> byName = this.leadersByName.getOrDefault(key, List.of());
			if (byName.size() == 1) {
				return byName.get(0);
			}
			if (byName.size() > 1) {
				error(cell, "workbook.error.ambiguousLeader", text, String.join("、", byName));
				return null;
			}
			for (List<String> ids : this.leadersByName.values()) {
				for (String id : ids) {
					if (PlanWorkbookLayout.normalised(id).equals(key)) {
						return id;
					}
				}
			}
			String closest = Closest.name(key, this.leaderNames);
			if (closest != null) {
				error(cell, "workbook.error.unknownLeaderSuggest", text, closest);
			}
			else {
				error(cell, "workbook.error.unknownLeader", text);
			}
			this.unknownLeaders.add(text);
			return null;
		}

		private String department(Cell cell, String text) {
			String groupId = this.departments.get(PlanWorkbookLayout.normalised(text));
			if (groupId == null) {
				String closest = Closest.name(PlanWorkbookLayout.normalised(text), this.departmentNames);
				if (closest != null) {
					error(cell, "workbook.error.unknownDepartmentSuggest", text, closest);
				}
				else {
					error(cell, "workbook.error.unknownDepartment", text);
				}
				this.unknownDepartments.add(text);
			}
			return groupId;
		}

		private TaskKind kind(Cell cell, String text) {
			if (text.isEmpty()) {
				return TaskKind.CONCENTRATED;
			}
			String key = PlanWorkbookLayout.normalised(text);
			for (TaskKind kind : TaskKind.values()) {
				if (PlanWorkbookReader.this.layout.accepted("kind." + kind.name()).contains(key)
						|| PlanWorkbookLayout.normalised(kind.name()).equals(key)) {
					return kind;
				}
			}
			List<String> labels = new ArrayList<>();
			for (TaskKind kind : TaskKind.values()) {
				labels.add(PlanWorkbookReader.this.layout.kindLabel(kind, this.locale));
			}
			error(cell, "workbook.error.kind", text, String.join("、", labels));
			return null;
		}

		/**
		 * One measure a line; a leading "1." "①" "（一）" "一是" is the sheet's numbering, not the measure. A line that
		 * runs its measures together ("一是…。二是…。三是…") holds one measure each: stripping only its "一是" would
		 * leave "…。二是…三是…" as one measure (issue 19).
		 */
		private List<String> measures(String text) {
			List<String> measures = new ArrayList<>();
			for (String line : text.split("\n")) {
				String stripped = line.strip();
				List<String> parts = (stripped.startsWith("一是") && INLINE_NEXT_MEASURE.matcher(stripped).find())
						? List.of(INLINE_NEXT_MEASURE.split(stripped)) : List.of(line);
				for (String part : parts) {
					String measure = MEASURE_NUMBERING.matcher(part).replaceFirst("").strip();
					if (!measure.isEmpty()) {
						measures.add(measure);
					}
				}
			}
			return measures;
		}

		private Map<Column, Integer> headings(Sheet sheet) {
			Row header = sheet.getRow(0);
			Map<Column, Integer> columns = new EnumMap<>(Column.class);
			if (header != null) {
				for (Cell cell : header) {
					String text = PlanWorkbookLayout.normalised(text(cell));
					for (Column column : Column.values()) {
						if (!columns.containsKey(column)
								&& PlanWorkbookReader.this.layout.accepted(column.key).contains(text)) {
							columns.put(column, cell.getColumnIndex());
						}
					}
				}
			}
			boolean complete = true;
			for (Column column : Column.values()) {
				if (!columns.containsKey(column)) {
					this.errors.add(new WorkbookError(sheet.getSheetName(), 1, null, "workbook.error.columnMissing",
							heading(column)));
					complete = false;
				}
			}
			return complete ? columns : null;
		}

		private String required(Map<Column, Cell> cells, Map<Column, String> texts, Column column) {
			String text = texts.get(column);
			if (text.isEmpty()) {
				error(cells.get(column), "workbook.error.required", heading(column));
				return null;
			}
			return text;
		}

		private boolean length(Cell cell, String label, String text, int max) {
			if (text.length() > max) {
				error(cell, "workbook.error.tooLong", label, text.length(), max);
				return false;
			}
			return true;
		}

		private String heading(Column column) {
			return PlanWorkbookReader.this.layout.heading(column, this.locale);
		}

		private void error(Cell cell, String key, Object... args) {
			this.errors.add(new WorkbookError(cell.getSheet().getSheetName(), cell.getRowIndex() + 1,
					CellReference.convertNumToColString(cell.getColumnIndex()), key, args));
		}

		/** What the cell shows, trimmed; a formula counts by the value Excel last computed, never by its text. */
		private String text(Cell cell) {
			if (cell == null) {
				return "";
			}
			CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
					: cell.getCellType();
			String text = switch (type) {
				case STRING -> cell.getStringCellValue();
				case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? String.valueOf(cell.getLocalDateTimeCellValue().toLocalDate())
						: (cell.getCellType() == CellType.FORMULA) ? plainNumber(cell.getNumericCellValue())
								: this.formatter.formatCellValue(cell);
				case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
				default -> "";
			};
			return text.replace("\r\n", "\n").replace('\r', '\n').strip();
		}

		private static String plainNumber(double value) {
			return (value == Math.rint(value) && Math.abs(value) < 1e15) ? String.valueOf((long) value)
					: String.valueOf(value);
		}

		/** A date cell, an Excel serial number typed into a general cell, or text such as 2026-03-31 or 2026年3月31日. */
		private LocalDate date(Cell cell) {
			CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
					: cell.getCellType();
			if (type == CellType.NUMERIC) {
				double value = cell.getNumericCellValue();
				if (DateUtil.isCellDateFormatted(cell) || (value >= 36526 && value < 73051 && value == Math.rint(value))) {
					return DateUtil.getLocalDateTime(value).toLocalDate();
				}
				Matcher compact = COMPACT_DATE.matcher(plainNumber(value));
				return compact.matches() ? localDate(compact) : null;
			}
			String text = text(cell);
			Matcher m = TEXT_DATE.matcher(text);
			if (m.matches()) {
				return localDate(m);
			}
			m = COMPACT_DATE.matcher(text);
			return m.matches() ? localDate(m) : null;
		}

		private static LocalDate localDate(Matcher m) {
			try {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		private static Integer integer(String text) {
			try {
				double value = Double.parseDouble(text);
				return (value == Math.rint(value) && Math.abs(value) < 1000) ? (int) value : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}

package org.rectiflow.plan.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectiflow.identity.UnitDepartment;

/**
 * Reads the layout that inspection feedback and progress reports share: a header naming the inspection, sections
 * "一、二、三…", categories "（一）反馈问题：…", numbered problems "1.…" with "整改结果：…", and one paragraph per
 * task "针对“…”细化任务，一是…；二是…". Tasks of the long-term section attach to the problem reported as not fully
 * completed (the report's own cross-reference), or to the last problem if none is.
 */
public class ReportParser {

	private static final String CN_DIGITS = "一二三四五六七八九十";

	private static final Pattern SECTION = Pattern.compile("^[" + CN_DIGITS + "]+、(.*)$");

	private static final Pattern CATEGORY = Pattern.compile("^（[" + CN_DIGITS + "]+）\\s*反馈问题[：:]\\s*(.+?)[。.]?$");

	private static final Pattern PROBLEM = Pattern.compile("^(\\d{1,2})\\s*[.．、]\\s*(.+)$");

	private static final Pattern OUTCOME = Pattern.compile("^整改结果[：:]\\s*(.+?)\\s*$");

	private static final Pattern TASK = Pattern.compile("针对“(.+?)”\\s*细化任务\\s*[，,]?\\s*(.*)$");

	private static final Pattern MEASURE_START = Pattern.compile("(?:(?<=^)|(?<=[；;。，,]))\\s*[" + CN_DIGITS + "]{1,2}是");

	private static final Pattern ON_SITE = Pattern.compile(
			"(\\d{4})年(\\d{1,2})月(\\d{1,2})日至(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日");

	private static final Pattern BODY_AND_UNIT = Pattern.compile("([^，,。]*?巡[察视]组)对(.+?)进行了巡[察视]");

	private static final Pattern FEEDBACK = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日[，,]\\s*巡[察视]组反馈了?意见");

	private static final Pattern DOCUMENT_NUMBER = Pattern.compile("([\\u4e00-\\u9fa5]+〔\\d{4}〕\\s*\\d+\\s*号)");

	private static final Pattern MONTHS = Pattern.compile("为期\\s*(\\d+|[" + CN_DIGITS + "]+)\\s*个月");

	private static final Pattern COUNTS = Pattern.compile("(\\d+)个具体问题[，,]\\s*已完成整改(\\d+)个[，,]\\s*基本完成整改(\\d+)个\\s*[，,]"
			+ "\\s*未完成整改(\\d+)个[，,]\\s*长期整改(\\d+)个[；;]\\s*\\d+个具体问题共细化为(\\d+)项任务[，,]\\s*已完成整改(\\d+)项[，,]"
			+ "\\s*基本完成整改(\\d+)项[，,]\\s*未完成整改(\\d+)项[，,]\\s*长期整改(\\d+)项");

	private static final Pattern IMMEDIATE = Pattern.compile("(\\d+)个立行立改问题");

	private static final Pattern DURING = Pattern.compile("(\\d+)个边巡边改问题");

	private static final Pattern RULE_COUNT = Pattern.compile("共制定或修订了.*?(\\d+)项制度");

	private static final Pattern RULE_TITLE = Pattern.compile("《([^《》]+)》");

	private static final Pattern RULE_VERB = Pattern.compile("出台|制定|修订|印发|制订|编制");

	private static final Pattern CONTACT = Pattern.compile("联系电话(?:（传真）|\\(传真\\))?\\s*[：:]\\s*([0-9\\-－ ]+\\d)");

	/** The departments of the unit a report names, which its tasks' lead departments are inferred among. */
	private final Function<String, List<UnitDepartment>> departmentsOfUnit;

	/** Reads reports against the first unit's departments as seeded (the reference college's). */
	public ReportParser() {
		this((unitName) -> LeadDepartmentInference.SEED);
	}

	public ReportParser(Function<String, List<UnitDepartment>> departmentsOfUnit) {
		this.departmentsOfUnit = departmentsOfUnit;
	}

	public ParsedReport parse(String text) {
		if (text == null || text.isBlank()) {
			throw new ReportFormatException("报告内容为空");
		}
		List<String> lines = text.replace("\r", "").lines().map(String::strip).toList();
		String title = lines.stream().filter((l) -> !l.isEmpty()).findFirst().orElseThrow();
		String header = lines.stream().filter((l) -> l.contains("巡察组") || l.contains("巡视组")).findFirst()
			.orElseThrow(() -> new ReportFormatException("未找到巡察组和被巡察单位（应有“××巡察组对××进行了巡察”）"));

		Matcher bodyAndUnit = BODY_AND_UNIT.matcher(header);
		if (!bodyAndUnit.find()) {
			throw new ReportFormatException("未找到巡察组和被巡察单位（应有“××巡察组对××进行了巡察”）");
		}
		String inspectingBody = bodyAndUnit.group(1).replaceFirst("^.*?日[，,]\\s*", "").strip();
		String unitName = bodyAndUnit.group(2).strip();
		LocalDate onSiteFrom = null;
		LocalDate onSiteTo = null;
		Matcher onSite = ON_SITE.matcher(header);
		if (onSite.find()) {
			int year = Integer.parseInt(onSite.group(1));
			onSiteFrom = LocalDate.of(year, Integer.parseInt(onSite.group(2)), Integer.parseInt(onSite.group(3)));
			int toYear = (onSite.group(4) != null) ? Integer.parseInt(onSite.group(4)) : year;
			onSiteTo = LocalDate.of(toYear, Integer.parseInt(onSite.group(5)), Integer.parseInt(onSite.group(6)));
		}
		Matcher feedback = FEEDBACK.matcher(header);
		LocalDate feedbackDate = null;
		if (feedback.find()) {
			int year = (feedback.group(1) != null) ? Integer.parseInt(feedback.group(1))
					: (onSiteTo != null) ? onSiteTo.getYear() : LocalDate.now().getYear();
			feedbackDate = LocalDate.of(year, Integer.parseInt(feedback.group(2)), Integer.parseInt(feedback.group(3)));
		}
		if (feedbackDate == null) {
			throw new ReportFormatException("未找到巡察组反馈意见的日期（应有“×月×日，巡察组反馈了意见”）");
		}
		List<String> documentNumbers = new ArrayList<>();
		Matcher doc = DOCUMENT_NUMBER.matcher(header);
		while (doc.find()) {
			documentNumbers.add(doc.group(1).replace(" ", ""));
		}
		Matcher months = MONTHS.matcher(header);
		int concentratedMonths = months.find() ? number(months.group(1)) : 3;

		Body body = parseBody(lines, this.departmentsOfUnit.apply(unitName));
		String all = String.join("\n", lines);
		return new ParsedReport(title, inspectingBody, unitName, onSiteFrom, onSiteTo, feedbackDate, concentratedMonths,
				documentNumbers, find(CONTACT, all, null), body.categories, counts(all), intOf(IMMEDIATE, all),
				intOf(DURING, all), intOf(RULE_COUNT, all), body.ruleTitles);
	}

	private record Body(List<ParsedReport.ParsedCategory> categories, List<String> ruleTitles) {
	}

	/** Mutable while reading; frozen into records at the end. */
	private static final class ProblemDraft {

		final int seq;

		final String title;

		String outcome;

		final List<String[]> tasks = new ArrayList<>();

		final List<Boolean> longTerm = new ArrayList<>();

		ProblemDraft(int seq, String title) {
			this.seq = seq;
			this.title = title;
		}

	}

	private Body parseBody(List<String> lines, List<UnitDepartment> departments) {
		List<String> categoryTitles = new ArrayList<>();
		List<List<ProblemDraft>> problems = new ArrayList<>();
		List<String[]> longTermTasks = new ArrayList<>();
		Set<String> ruleTitles = new LinkedHashSet<>();
		String section = "";
		ProblemDraft current = null;
		boolean seenCategory = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isEmpty()) {
				continue;
			}
			Matcher m;
			if ((m = SECTION.matcher(line)).matches()) {
				section = m.group(1);
				current = null;
				continue;
			}
			if (seenCategory || CATEGORY.matcher(line).matches()) {
				collectRules(line, ruleTitles);
			}
			if ((m = CATEGORY.matcher(line)).matches()) {
				categoryTitles.add(m.group(1).strip());
				problems.add(new ArrayList<>());
				seenCategory = true;
				current = null;
				continue;
			}
			boolean longTermSection = section.contains("长期");
			if (!longTermSection && seenCategory && (m = PROBLEM.matcher(line)).matches() && !line.contains("针对“")) {
				current = new ProblemDraft(Integer.parseInt(m.group(1)), m.group(2).strip());
				problems.get(problems.size() - 1).add(current);
				continue;
			}
			if ((m = OUTCOME.matcher(line)).matches()) {
				if (current == null) {
					throw new ReportFormatException("第" + (i + 1) + "行：“整改结果”之前未找到具体问题编号");
				}
				current.outcome = m.group(1);
				continue;
			}
			if ((m = TASK.matcher(line)).find()) {
				String[] task = { m.group(1).strip(), m.group(2).strip() };
				if (longTermSection) {
					longTermTasks.add(task);
				}
				else if (current != null) {
					current.tasks.add(task);
					current.longTerm.add(false);
				}
				else if (seenCategory) {
					throw new ReportFormatException("第" + (i + 1) + "行：细化任务之前未找到具体问题编号");
				}
			}
		}
		if (categoryTitles.isEmpty()) {
			throw new ReportFormatException("未找到反馈问题（应有“（一）反馈问题：……”）");
		}
		if (problems.stream().allMatch(List::isEmpty)) {
			throw new ReportFormatException("未找到具体问题（应有“1.……”）");
		}
		attachLongTerm(problems, longTermTasks);
		List<ParsedReport.ParsedCategory> categories = new ArrayList<>();
		for (int c = 0; c < categoryTitles.size(); c++) {
			List<ParsedReport.ParsedProblem> parsed = new ArrayList<>();
			for (ProblemDraft p : problems.get(c)) {
				List<ParsedReport.ParsedTask> tasks = new ArrayList<>();
				for (int t = 0; t < p.tasks.size(); t++) {
					String[] task = p.tasks.get(t);
					tasks.add(new ParsedReport.ParsedTask(t + 1, task[0], measures(task[1]), p.longTerm.get(t),
							LeadDepartmentInference.infer(task[0], task[1], departments)));
				}
				parsed.add(new ParsedReport.ParsedProblem(p.seq, p.title, p.outcome, tasks));
			}
			categories.add(new ParsedReport.ParsedCategory(c + 1, categoryTitles.get(c), parsed));
		}
		return new Body(categories, List.copyOf(ruleTitles));
	}

	private static void attachLongTerm(List<List<ProblemDraft>> problems, List<String[]> longTermTasks) {
		if (longTermTasks.isEmpty()) {
			return;
		}
		List<ProblemDraft> all = problems.stream().flatMap(List::stream).toList();
		List<ProblemDraft> partly = all.stream().filter((p) -> p.outcome != null && !"完成".equals(p.outcome)).toList();
		ProblemDraft owner = (partly.size() == 1) ? partly.get(0) : all.get(all.size() - 1);
		for (String[] task : longTermTasks) {
			owner.tasks.add(task);
			owner.longTerm.add(true);
		}
	}

	/** "一是…；二是…。" → the steps; a narrative without that enumeration is one measure. */
	static List<String> measures(String narrative) {
		List<String> result = new ArrayList<>();
		Matcher m = MEASURE_START.matcher(narrative);
		List<int[]> starts = new ArrayList<>();
		while (m.find()) {
			starts.add(new int[] { m.start(), m.end() });
		}
		if (starts.isEmpty()) {
			String whole = clean(narrative);
			if (!whole.isEmpty()) {
				result.add(whole);
			}
			return result;
		}
		String preamble = clean(narrative.substring(0, starts.get(0)[0]));
		for (int i = 0; i < starts.size(); i++) {
			int end = (i + 1 < starts.size()) ? starts.get(i + 1)[0] : narrative.length();
			String step = clean(narrative.substring(starts.get(i)[1], end));
			if (!step.isEmpty()) {
				result.add(step);
			}
		}
		if (!preamble.isEmpty()) {
			result.add(0, preamble);
		}
		return result;
	}

	private static String clean(String text) {
		return text.strip().replaceAll("^[；;，,。\\s]+", "").replaceAll("[；;，,。\\s]+$", "");
	}

	/** Titles in 《》 that the clause before them says were issued (出台/制定/修订…); a run 《A》《B》 shares its verb. */
	private static void collectRules(String line, Set<String> titles) {
		Matcher m = RULE_TITLE.matcher(line);
		int previousEnd = -1;
		boolean previousAccepted = false;
		while (m.find()) {
			boolean accepted;
			if (m.start() == previousEnd) {
				accepted = previousAccepted;
			}
			else {
				int boundary = Math.max(Math.max(line.lastIndexOf('；', m.start()), line.lastIndexOf('。', m.start())),
						line.lastIndexOf('，', m.start()));
				accepted = RULE_VERB.matcher(line.substring(boundary + 1, m.start())).find();
			}
			if (accepted) {
				titles.add(m.group(1).strip());
			}
			previousEnd = m.end();
			previousAccepted = accepted;
		}
	}

	private static ParsedReport.PublishedCounts counts(String text) {
		Matcher m = COUNTS.matcher(text);
		if (!m.find()) {
			return new ParsedReport.PublishedCounts(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
		}
		int[] v = new int[10];
		for (int i = 0; i < 10; i++) {
			v[i] = Integer.parseInt(m.group(i + 1));
		}
		return new ParsedReport.PublishedCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
	}

	private static int intOf(Pattern pattern, String text) {
		String value = find(pattern, text, null);
		return (value == null) ? 0 : Integer.parseInt(value);
	}

	private static String find(Pattern pattern, String text, String fallback) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(1).strip() : fallback;
	}

	/** Arabic or small Chinese numerals (三, 十二). */
	static int number(String text) {
		if (text.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(text);
		}
		int ten = text.indexOf('十');
		if (ten < 0) {
			return CN_DIGITS.indexOf(text.charAt(0)) + 1;
		}
		int tens = (ten == 0) ? 1 : CN_DIGITS.indexOf(text.charAt(0)) + 1;
		int ones = (ten == text.length() - 1) ? 0 : CN_DIGITS.indexOf(text.charAt(ten + 1)) + 1;
		return tens * 10 + ones;
	}

}

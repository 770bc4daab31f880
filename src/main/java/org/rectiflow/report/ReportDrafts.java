package org.rectiflow.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectiflow.plan.PlanService;
import org.rectiflow.system.RectiflowException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drafts of the two reports a unit issues, the public progress report (整改进展情况通报) and the report to the
 * inspection office (整改情况报告), as the rectification office edits them before the Party committee approves.
 * The data sections are rendered from the ledger every time and cannot be edited; the unit's words
 * ({@link ReportNarrative}) are kept as versions: every save is a new version with who and when, nothing is
 * overwritten. Sending the report up for approval pins the version the committee reads; approval records that
 * version, and the report it becomes is frozen. Every rule is checked before a version is stored, so a refused save
 * stores nothing and the page shows the words as typed.
 */
@Service
@Transactional
public class ReportDrafts {

	/** "湘教党（2021）20号", "湘机电职院发〔2023〕5号": an organ's abbreviation, the year in brackets, a number. */
	static final Pattern DOCUMENT_NUMBER = Pattern.compile("^[^\\s（〔(\\[]{1,30}[（〔(\\[](19|20)\\d{2}[）〕)\\]]\\d{1,4}号$");

	/** The number of the version sent up for approval, as the committee's forms show it. */
	public static final String VAR_PUBLIC_REPORT_VERSION = "publicReportVersion";

	public static final String VAR_SUMMARY_REPORT_VERSION = "summaryReportVersion";

	static final Pattern POSTCODE = Pattern.compile("^\\d{6}$");

	static final Pattern TELEPHONE = Pattern.compile("^[0-9０-９+＋()（）\\-－—、/ ，,]{5,60}$");

	/** A line of the unit's words that would read as a section heading "一、" of the generated report. */
	private static final Pattern SECTION_HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");

	private static final int MAX_FIELD = 200;

	private static final int MAX_SECTION = 20_000;

	private final ReportVersionRepository versions;

	private final RectificationReportRepository reports;

	private final PublicReportRenderer renderer;

	private final PlanService plans;

	private final ObjectMapper json;

	private final Clock clock;

	ReportDrafts(ReportVersionRepository versions, RectificationReportRepository reports, PublicReportRenderer renderer,
			PlanService plans, ObjectMapper json, Clock clock) {
		this.versions = versions;
		this.reports = reports;
		this.renderer = renderer;
		this.plans = plans;
		this.json = json;
		this.clock = clock;
	}

	/** "public" or "submitted", as the portal's addresses name the two reports. */
	public static ReportKind kindOf(String name) {
		String kind = (name == null) ? "" : name.toLowerCase(Locale.ROOT);
		return switch (kind) {
			case "public" -> ReportKind.PUBLIC;
			case "submitted" -> ReportKind.SUBMITTED;
			default -> throw new RectiflowException.NotFound("error.report.notFound");
		};
	}

	@Transactional(readOnly = true)
	public List<ReportVersion> versions(Long inspectionId, ReportKind kind) {
		this.plans.inspection(inspectionId);
		return this.versions.findByInspectionIdAndKindOrderByNumberDesc(inspectionId, kind);
	}

	@Transactional(readOnly = true)
	public Optional<ReportVersion> latest(Long inspectionId, ReportKind kind) {
		return this.versions.findByInspectionIdAndKindOrderByNumberDesc(inspectionId, kind).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public ReportVersion version(Long inspectionId, ReportKind kind, int number) {
		return this.versions.findByInspectionIdAndKindAndNumber(inspectionId, kind, number)
			.orElseThrow(() -> new RectiflowException.NotFound("error.reportDraft.versionNotFound", number));
	}

	/** The words to start editing from: the latest version's, or the data's when nothing was saved yet. */
	@Transactional(readOnly = true)
	public ReportNarrative current(Long inspectionId, ReportKind kind) {
		return latest(inspectionId, kind).map(this::narrativeOf)
			.orElseGet(() -> this.renderer.prefill(inspectionId, kind));
	}

	/** The public report's items with the text the data gives them (the department's accepted account). */
	@Transactional(readOnly = true)
	public List<PublicReportRenderer.DefaultItem> defaultItems(Long inspectionId) {
		return this.renderer.defaultItems(inspectionId);
	}

	/** The text the words give with the ledger as it stands: for the preview beside the editor. */
	@Transactional(readOnly = true)
	public String render(Long inspectionId, ReportKind kind, ReportNarrative narrative) {
		return (kind == ReportKind.PUBLIC) ? this.renderer.renderPublic(inspectionId, narrative)
				: this.renderer.renderSubmitted(inspectionId, latestSummary(inspectionId), narrative);
	}

	/** Whether the public report was published: from then on its drafts are closed. */
	@Transactional(readOnly = true)
	public boolean published(Long inspectionId) {
		return !this.reports.findByInspectionIdAndKindOrderByCreatedAtDesc(inspectionId, ReportKind.PUBLIC).isEmpty();
	}

	/**
	 * Saves the office's words as the next version. Refused, storing nothing, when a required narrative section is
	 * empty, a field is malformed (document number, postcode, telephone, issuing organ line) or a line of the
	 * narrative would read as one of the report's own section headings; and for the public report once published.
	 */
	public ReportVersion save(Long inspectionId, ReportKind kind, ReportNarrative narrative, String by) {
		this.plans.inspection(inspectionId);
		if (kind == ReportKind.PUBLIC && published(inspectionId)) {
			throw new RectiflowException.Conflict("error.reportDraft.published");
		}
		ReportNarrative words = validate(kind, narrative);
		return store(inspectionId, kind, words, by);
	}

	private ReportVersion store(Long inspectionId, ReportKind kind, ReportNarrative words, String by) {
		int number = latest(inspectionId, kind).map(ReportVersion::getNumber).orElse(0) + 1;
		return this.versions.save(new ReportVersion(inspectionId, kind, number, toJson(words),
				render(inspectionId, kind, words), by, this.clock.instant()));
	}

	/**
	 * The office sends the report up for approval: the latest version is what the committee reads (a first version
	 * is saved from the data if the office never edited the draft). A contact telephone given with the request
	 * goes into that version (as a new version if it differs).
	 */
	public ReportVersion requestApproval(Long inspectionId, ReportKind kind, String telephone, String by) {
		ReportNarrative words = current(inspectionId, kind);
		Optional<ReportVersion> latest = latest(inspectionId, kind);
		ReportVersion version;
		if (latest.isPresent() && (telephone == null || telephone.equals(words.contactTelephone()))) {
			version = latest.get();
		}
		else {
			if (telephone != null) {
				words = withTelephone(words, telephone);
			}
			version = store(inspectionId, kind, words, by);
		}
		version.markRequested(this.clock.instant());
		return version;
	}

	/** The version sent up for approval last, if any. */
	@Transactional(readOnly = true)
	public Optional<ReportVersion> requested(Long inspectionId, ReportKind kind) {
		return this.versions.findRequested(inspectionId, kind).stream().findFirst();
	}

	/** The committee approved the version: it names who approved it and the frozen report it became. */
	void approved(ReportVersion version, String by, RectificationReport report) {
		version.markApproved(by, this.clock.instant(), report.getId());
	}

	public ReportNarrative narrativeOf(ReportVersion version) {
		try {
			return this.json.readValue(version.getNarrative(), ReportNarrative.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Report version " + version.getId() + " holds unreadable words", ex);
		}
	}

	/** Two versions compared block by block (one block a line), in the order of the later text. */
	@Transactional(readOnly = true)
	public List<ReportDiff.Line> compare(Long inspectionId, ReportKind kind, int from, int to) {
		return ReportDiff.lines(version(inspectionId, kind, from).getContent(), version(inspectionId, kind, to).getContent());
	}

	private String latestSummary(Long inspectionId) {
		return this.reports.findByInspectionIdAndKindOrderByCreatedAtDesc(inspectionId, ReportKind.DRAFT)
			.stream()
			.findFirst()
			.map(RectificationReport::getContent)
			.orElse(null);
	}

	private String toJson(ReportNarrative words) {
		try {
			return this.json.writeValueAsString(words);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Checks every field; returns the words trimmed, with the items left blank dropped (they take the default). */
	static ReportNarrative validate(ReportKind kind, ReportNarrative n) {
		if (kind != ReportKind.PUBLIC && kind != ReportKind.SUBMITTED) {
			throw new RectiflowException.NotFound("error.report.notFound");
		}
		String organ = trim(n.issuingOrgan());
		if (organ != null && (!organ.endsWith("文件") || organ.length() > MAX_FIELD)) {
			throw new RectiflowException("error.reportDraft.issuingOrgan", organ);
		}
		String number = (n.documentNumber() == null) ? null : trim(n.documentNumber().replace(" ", ""));
		if (number != null && !DOCUMENT_NUMBER.matcher(number).matches()) {
			throw new RectiflowException("error.reportDraft.documentNumber", number);
		}
		String title = trim(n.title());
		if (title != null && title.length() > MAX_FIELD) {
			throw new RectiflowException("error.reportDraft.tooLong", "标题", MAX_FIELD);
		}
		String leadership = trimSection(n.leadership());
		String workDone = trimSection(n.workDone());
		if (leadership == null && workDone == null) {
			throw new RectiflowException("error.reportDraft.organisation");
		}
		String nextSteps = trimSection(n.nextSteps());
		if (nextSteps == null) {
			throw new RectiflowException("error.reportDraft.nextSteps");
		}
		for (String section : new String[] { leadership, workDone, nextSteps }) {
			checkSection(section);
		}
		String telephone = trim(n.contactTelephone());
		if (telephone != null && !TELEPHONE.matcher(telephone).matches()) {
			throw new RectiflowException("error.reportDraft.telephone", telephone);
		}
		String postcode = trim(n.contactPostcode());
		if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
			throw new RectiflowException("error.reportDraft.postcode", postcode);
		}
		String office = trim(n.contactOffice());
		String address = trim(n.contactAddress());
		if ((office != null && office.length() > MAX_FIELD) || (address != null && address.length() > MAX_FIELD)) {
			throw new RectiflowException("error.reportDraft.tooLong", "联系方式", MAX_FIELD);
		}
		String signature = trim(n.signature());
		if (signature != null && signature.length() > 60) {
			throw new RectiflowException("error.reportDraft.tooLong", "署名", 60);
		}
		Map<Long, ReportNarrative.Item> items = new LinkedHashMap<>();
		n.items().forEach((taskId, item) -> {
			String heading = trim(item.heading());
			String text = trim(item.text());
			if (heading != null && heading.length() > 60) {
				throw new RectiflowException("error.reportDraft.itemHeading", heading);
			}
			if (text != null && text.length() > MAX_SECTION) {
				throw new RectiflowException("error.reportDraft.tooLong", "整改情况", MAX_SECTION);
			}
			if (heading != null || text != null) {
				items.put(taskId, new ReportNarrative.Item(heading, text));
			}
		});
		return new ReportNarrative(organ, number, title, kind == ReportKind.PUBLIC && n.publicMark(), n.issuedOn(),
				leadership, workDone, nextSteps, office, telephone, (kind == ReportKind.PUBLIC) ? address : null,
				(kind == ReportKind.PUBLIC) ? postcode : null, n.problemNumbering(), n.itemMarks(), items, signature);
	}

	private static void checkSection(String section) {
		if (section == null) {
			return;
		}
		if (section.length() > MAX_SECTION) {
			throw new RectiflowException("error.reportDraft.tooLong", "", MAX_SECTION);
		}
		for (String line : section.split("\\R")) {
			if (SECTION_HEADING.matcher(line.strip()).matches()) {
				throw new RectiflowException("error.reportDraft.sectionHeading", line.strip());
			}
		}
	}

	private static ReportNarrative withTelephone(ReportNarrative n, String telephone) {
		return new ReportNarrative(n.issuingOrgan(), n.documentNumber(), n.title(), n.publicMark(), n.issuedOn(),
				n.leadership(), n.workDone(), n.nextSteps(), n.contactOffice(), telephone, n.contactAddress(),
				n.contactPostcode(), n.problemNumbering(), n.itemMarks(), n.items(), n.signature());
	}

	private static String trim(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String trimSection(String text) {
		if (text == null) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		for (String line : text.replace("\t", " ").split("\\R")) {
			if (!line.isBlank()) {
				lines.add(line.strip());
			}
		}
		return lines.isEmpty() ? null : String.join("\n", lines);
	}

}

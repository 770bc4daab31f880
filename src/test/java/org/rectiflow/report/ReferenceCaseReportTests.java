package org.rectiflow.report;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.ProcessDriver;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.ledger.Ledger;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.plan.Feedback;
import org.rectiflow.plan.FeedbackImporter;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.supervision.SupervisionProcess;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.TaskKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reports of the reference case (Hunan) run through the whole process: the plan consulted on, approved and filed,
 * every task carried out by its department, leader, the discipline committee and the office (the long-term one
 * reporting a stage), the special supervision with a criticism notice, the report to the inspection office accepted,
 * the publication asked for and approved by the Party committee. One task is marked non-public. The reports must
 * count what the ledger holds, follow the structure of the published report, and the public one must be served
 * without login only after approval, as a page, a PDF with the shipped font and a .docx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceCaseReportTests {

	static final String NON_PUBLIC = "后半篇";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessDriver driver;

	@Autowired
	FeedbackImporter importer;

	@Autowired
	PlanService plans;

	@Autowired
	LedgerService ledgers;

	@Autowired
	ReportService reports;

	@Autowired
	ReportFormats formats;

	@Autowired
	SupervisionService supervision;

	@Autowired
	ReportDrafts drafts;

	@Autowired
	HistoryService history;

	String seed;

	Long id;

	String publicPath;

	final List<HttpStatus> beforeApproval = new ArrayList<>();

	@BeforeAll
	void runTheReferenceCase() throws Exception {
		String seed;
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.seed = seed;
		this.id = this.driver.register(this.importer.fromReport(seed)).getId();
		this.publicPath = "/public/inspections/" + this.id + "/progress-report";
		Ledger.TaskEntry personal = this.ledgers.ledger(this.id)
			.tasks()
			.stream()
			.filter((t) -> t.title().contains(NON_PUBLIC))
			.findFirst()
			.orElseThrow();
		this.plans.updateTask(personal.id(), new Feedback.TaskItem(personal.title(), personal.kind(),
				personal.responsibleLeader(), personal.leadDepartment(), personal.cooperatingDepartments(),
				personal.responsiblePerson(), personal.deadline(), personal.measures(), true));
		for (String rule : this.importer.institutionalRules(seed)) {
			this.reports.addRule(this.id, null, rule, rule.contains("修订") ? "REVISED" : "CREATED", null);
		}
		this.driver.filePlan(this.id);
		this.supervision.issueCriticism(this.id, "logisticsDepartment", null, "宿舍维修整改进度缓慢",
				DemoAccounts.DISCIPLINE_SECRETARY);
		RectificationTask longTerm = null;
		Map<Long, List<String>> measures = new java.util.HashMap<>();
		this.ledgers.ledger(this.id).tasks().forEach((t) -> measures.put(t.id(), t.measures()));
		for (RectificationTask t : this.driver.tasksOf(this.id)) {
			boolean isLongTerm = t.getKind() == TaskKind.LONG_TERM;
			// Each department's account of what it did is what the published report says it did.
			this.driver.settle(t, isLongTerm ? "LONG_TERM" : "COMPLETED",
					PublicReportRenderer.narrative(measures.get(t.getId())),
					isLongTerm ? Map.of() : Map.of(RectificationTaskProcess.VAR_EFFECTIVENESS_GRADE, "GOOD",
							RectificationTaskProcess.VAR_EFFECTIVENESS_BASIS, "经纪委现场督办核实，措施落实到位"));
			if (isLongTerm) {
				longTerm = t;
			}
		}
		assertThat(longTerm).isNotNull();
		this.driver.fireTimer(RectificationTaskProcess.PROCESS_KEY, longTerm.getId());
		this.driver.complete(RectificationTaskProcess.PROCESS_KEY, longTerm.getId(),
				RectificationTaskProcess.USER_TASK_REPORT_STAGE_RESULTS, DemoAccounts.staffOf(
						org.rectiflow.identity.Department.byGroupId(longTerm.getLeadDepartment()).orElseThrow()),
				Map.of(RectificationTaskProcess.VAR_STAGE_MEASURES, "与不动产登记中心逐处核对权属资料，补齐测绘报告",
						RectificationTaskProcess.VAR_STAGE_RESULTS, "已完成3处房屋的测绘和资料补正",
						RectificationTaskProcess.VAR_COMPLETION_CLAIMED, false));
		completeSupervision();
		String key = RectificationProcess.PROCESS_KEY;
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_DRAFT_SUMMARY_REPORT,
				DemoAccounts.RECTIFICATION_CLERK, Map.of(RectificationProcess.VAR_SUMMARY_REPORT,
						"学校党委扛牢责任抓整改，集中整改期内完成了巡察反馈问题的整改。"));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_REVIEW_COMPLETION, DemoAccounts.SECRETARY,
				Map.of(RectificationProcess.VAR_COMPLETION_DECISION, RectificationProcess.APPROVE));
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_REVIEW_REPORT, DemoAccounts.INSPECTOR,
				Map.of(RectificationProcess.VAR_REVIEW_DECISION, RectificationProcess.ACCEPT,
						RectificationProcess.VAR_REVIEW_OPINION, "整改工作扎实，同意。"));
		probePublicAddresses();
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_PUBLISH_PUBLIC_REPORT,
				DemoAccounts.RECTIFICATION_CLERK, Map.of(RectificationProcess.VAR_CONTACT_LINE, "0731-84033328",
						RectificationProcess.VAR_PUBLIC_REPORT_CONFIRMED, true));
		probePublicAddresses();
		this.driver.complete(key, this.id, RectificationProcess.USER_TASK_APPROVE_PUBLICATION, DemoAccounts.SECRETARY,
				Map.of(RectificationProcess.VAR_PUBLICATION_DECISION, RectificationProcess.APPROVE));
	}

	private void probePublicAddresses() {
		for (String suffix : List.of("", ".pdf", ".docx")) {
			this.beforeApproval.add(HttpStatus.valueOf(
					this.http.getForEntity(this.publicPath + suffix, byte[].class).getStatusCode().value()));
		}
	}

	private void completeSupervision() {
		String key = SupervisionProcess.PROCESS_KEY;
		for (Task t : this.driver.open(key, this.id, SupervisionProcess.USER_TASK_SELF_CHECK)) {
			this.driver.completeAsDepartment(t, Map.of(SupervisionProcess.VAR_SELF_CHECK_REPORT, "对照任务清单逐项自查，均已落实"));
		}
		this.driver.complete(key, this.id, SupervisionProcess.USER_TASK_RECORD_ON_SITE_VISIT,
				DemoAccounts.DISCIPLINE_OFFICER,
				Map.of(SupervisionProcess.VAR_VISIT_DEPARTMENT, "logisticsDepartment", SupervisionProcess.VAR_VISIT_DATE,
						LocalDate.now(WorkRecord.CHINA).toString(), SupervisionProcess.VAR_VISIT_RECORD, "查阅维修台账，抽查宿舍10间",
						SupervisionProcess.VAR_MORE_VISITS, false));
		this.driver.complete(key, this.id, SupervisionProcess.USER_TASK_SUPERVISION_SUMMARY,
				DemoAccounts.DISCIPLINE_OFFICER, Map.of(SupervisionProcess.VAR_SUPERVISION_SUMMARY, "专项督查三个阶段均已完成"));
	}

	ReportDocument published() {
		return this.reports.publishedPublicReport(this.id).orElseThrow();
	}

	static String text(ReportDocument doc) {
		StringBuilder all = new StringBuilder(doc.title()).append('\n');
		doc.blocks().forEach((b) -> all.append(b.text()).append('\n'));
		return all.toString();
	}

	@Test
	void shouldCountProblemsAndTasksAsTheLedgerHoldsThem() {
		String text = text(published());

		// The report lists 13 problems and quotes 65 tasks; its own count sentence (14 / 68) is not what it lists.
		assertThat(text).contains("截至目前，巡察反馈的13个具体问题，已完成整改12个，基本完成整改1个，未完成整改0个，长期整改0个；"
				+ "13个具体问题共细化为65项任务，已完成整改64项，基本完成整改0项，未完成整改0项，长期整改1项。")
			.contains("巡察期间未移交立行立改、边巡边改问题。");
		assertThat(published().texts(ReportDocument.Kind.PARAGRAPH).stream().filter((p) -> p.startsWith("整改结果：")))
			.hasSize(13)
			.containsOnlyOnce("整改结果：基本完成");
	}

	@Test
	void shouldFollowTheStructureOfTheReferenceReport() {
		ReportDocument doc = published();
		String text = text(doc);

		assertThat(doc.title()).isEqualTo("湖南机电职业技术学院党委关于巡察整改进展情况的通报");
		assertThat(doc.texts(ReportDocument.Kind.HEADING)).containsExactly("一、组织落实整改情况", "二、集中整改期内的整改事项",
				"三、对长期整改任务采取的重要举措和取得的阶段性成效", "四、下一步整改工作安排");
		assertThat(doc.texts(ReportDocument.Kind.SUBHEADING)).containsExactly("（一）科学谋划抓整改", "（二）跟进督办抓整改",
				"（三）对标审核抓整改", "（四）标本兼治抓整改",
				"（一）反馈问题：践行习近平新时代中国特色社会主义思想不够有力，落实党的理论和路线方针政策有偏差",
				"（二）反馈问题：全面从严治党整体部署与推进不实，违规违纪问题突出",
				"（三）反馈问题：贯彻落实新时代党的组织路线用心用力不够，基层党建工作亟待规范",
				"（四）反馈问题：对上轮巡察、审计反馈的问题整改不够彻底，有些没有做到真改实改");
		assertThat(doc.texts(ReportDocument.Kind.ITEM)).hasSize(13).startsWith("1.政治建设存在明显差距");
		String today = WorkRecord.date(LocalDate.now(WorkRecord.CHINA));
		// The meetings and steps, dated from the engine's history and our records.
		assertThat(text).contains("完成整改落实方案征求意见，7位领导班子成员提出意见7条")
			.contains(today + "，党委会审议并通过整改落实方案，将反馈的13个具体问题细化为65项任务")
			.contains("并报巡察办备案（" + today + "同意备案），同日下达整改任务")
			.contains("纪委启动巡察反馈问题整改落实专项督查")
			.contains("纪委于" + today + "对1个责任部门开展现场督查")
			.contains("纪委对65项细化任务开展现场督办并签字确认")
			.contains("印发通报批评1份，涉及1个部门")
			.contains(today + "，党委会专题研究巡察整改任务完成情况")
			.contains(today + "，巡察办对整改情况报告提出审核意见，同意整改情况报告。")
			// The rules the office registered (the importer finds 51 titles in the text; the text says 63).
			.contains("》等51项制度");
		assertThat(text).contains("整改情况：针对“存在损害学生利益的现象”细化任务，")
			.contains("\n针对“宿舍日常维修不及时，学生意见大”细化任务，一是制定出台了《宿舍维修人员月度考核办法》");
		// The long-term task with its staged measures and results.
		assertThat(text).contains("针对“30处房屋只有1处办理了房屋权属证，10处土地只有5处办理了土地权属证”细化任务")
			.contains("阶段性举措：与不动产登记中心逐处核对权属资料，补齐测绘报告；阶段性成效：已完成3处房屋的测绘和资料补正。");
		assertThat(text).contains("一是对1项长期整改任务").contains("整改“回头看”");
		assertThat(text).contains("联系电话：0731-84033328。");
		assertThat(doc.texts(ReportDocument.Kind.SIGNATURE)).containsExactly("湖南机电职业技术学院党委");
		assertThat(doc.texts(ReportDocument.Kind.DATE)).containsExactly(today);
	}

	@Test
	void shouldLeaveOutNonPublicTasksAndSaySo() {
		String publicText = text(published());
		String full = text(this.reports.rectificationReport(this.id));

		assertThat(publicText).doesNotContain(NON_PUBLIC)
			.contains("另有1项细化任务涉及不宜公开的内容，已计入上述数量，本通报未逐项列出。");
		assertThat(full).contains(NON_PUBLIC).contains("（不公开）").contains("其中1项细化任务不宜公开");
	}

	@Test
	void shouldGiveTheInspectionOfficeEveryTaskInFull() {
		ReportDocument full = this.reports.rectificationReport(this.id);
		String text = text(full);

		assertThat(full.title()).isEqualTo("湖南机电职业技术学院党委关于巡察整改情况的报告");
		assertThat(text).contains("学校党委扛牢责任抓整改，集中整改期内完成了巡察反馈问题的整改。")
			.contains("细化任务1.1.1：")
			.contains("责任领导：")
			.contains("佐证材料1份。")
			.contains("2026年") // dates of deadlines
			.contains("通报批评：宿舍维修整改进度缓慢");
		assertThat(full.blocks().stream().filter((b) -> b.kind() == ReportDocument.Kind.TABLE))
			.singleElement()
			.satisfies((table) -> {
				assertThat(table.rows()).hasSize(66);
				assertThat(table.rows().get(0)).containsExactly("编号", "细化任务", "责任领导", "牵头部门", "整改期限", "整改结果");
			});
	}

	@Test
	void shouldServeThePublicReportWithoutLoginOnlyAfterTheCommitteeApproved() {
		assertThat(this.beforeApproval).hasSize(6).containsOnly(HttpStatus.NOT_FOUND);

		ResponseEntity<String> page = this.http.getForEntity(this.publicPath, String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("湖南机电职业技术学院党委关于巡察整改进展情况的通报", "四、下一步整改工作安排")
			.doesNotContain(NON_PUBLIC);
		ResponseEntity<byte[]> pdf = this.http.getForEntity(this.publicPath + ".pdf", byte[].class);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		ResponseEntity<byte[]> docx = this.http.getForEntity(this.publicPath + ".docx", byte[].class);
		assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(docx.getHeaders().getContentDisposition().getFilename()).isEqualTo("整改进展情况通报.docx");
		// The full report stays behind the login.
		ResponseEntity<String> full = this.http.getForEntity("/inspections/" + this.id + "/rectification-report.pdf",
				String.class);
		assertThat(full.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PDF);
		assertThat(full.getBody()).doesNotContain(NON_PUBLIC).contains("password");
		assertThat(this.http.getForEntity("/public/inspections/999999/progress-report", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldServeAPdfInChineseWithTheShippedFontEmbedded() throws Exception {
		byte[] pdf = this.http.getForEntity(this.publicPath + ".pdf", byte[].class).getBody();
		ReportFormatsTests.keep("reference-case-public.pdf", pdf);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			ReportFormatsTests.GlyphCheckingStripper stripper = new ReportFormatsTests.GlyphCheckingStripper();
			String text = stripper.getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("整改", "湖南机电职业技术学院党委关于巡察整改进展情况的通报", "一、组织落实整改情况",
					"13个具体问题共细化为65项任务", "联系电话：0731-84033328");
			assertThat(stripper.missing).as("characters drawn as boxes").isEmpty();
			assertThat(stripper.fonts).isNotEmpty()
				.allSatisfy((font) -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("湖南机电职业技术学院党委关于巡察整改进展情况的通报");
		}
	}

	@Test
	void shouldServeADocxThatOpensWithTheReportInIt() throws Exception {
		byte[] docx = this.http.getForEntity(this.publicPath + ".docx", byte[].class).getBody();
		ReportFormatsTests.keep("reference-case-public.docx", docx);

		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(paragraphs.get(0)).isEqualTo("湖南机电职业技术学院党委关于巡察整改进展情况的通报");
			assertThat(paragraphs).contains("一、组织落实整改情况", "二、集中整改期内的整改事项", "1.政治建设存在明显差距",
					"整改结果：基本完成", "湖南机电职业技术学院党委");
			assertThat(String.join("\n", paragraphs)).contains("13个具体问题共细化为65项任务").doesNotContain(NON_PUBLIC);
		}
	}

	@Test
	void shouldRenderTheFullReportAsPdfAndDocxInReasonableTime() throws Exception {
		long live = System.nanoTime();
		this.reports.previewPublicReport(this.id);
		long start = System.nanoTime();
		ReportDocument full = this.reports.rectificationReport(this.id);
		long generated = System.nanoTime();
		byte[] pdf = this.formats.pdf(full);
		long rendered = System.nanoTime();
		byte[] docx = this.formats.docx(full);
		long written = System.nanoTime();
		ReportFormatsTests.keep("reference-case-full.pdf", pdf);
		ReportFormatsTests.keep("reference-case-full.docx", docx);
		System.out.printf("Reference case: public report generated from ledger and history in %d ms%n",
				(start - live) / 1_000_000);
		System.out.printf("Reference case, full report: text %d ms, PDF %d ms (%d bytes), docx %d ms (%d bytes)%n",
				(generated - start) / 1_000_000, (rendered - generated) / 1_000_000, pdf.length,
				(written - rendered) / 1_000_000, docx.length);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			ReportFormatsTests.GlyphCheckingStripper stripper = new ReportFormatsTests.GlyphCheckingStripper();
			assertThat(stripper.getText(document).replaceAll("\\s+", "")).contains("附：整改任务清单", "细化任务1.1.1：");
			assertThat(stripper.missing).as("characters drawn as boxes").isEmpty();
		}
		assertThat(pdf.length).isLessThan(3_000_000);
	}


	/**
	 * The issue's "done when": the public report with its narrative sections filled from the published report's
	 * own text (its title, section 一's four subsections, its next steps, contact and signature) matches the
	 * published report section by section: the same sections in order, the same categories and problems in order,
	 * the same outcomes, and counts that match what the published text lists.
	 */
	@Test
	void shouldMatchThePublishedReportSectionBySectionWithTheUnitsOwnWords() {
		ReportDocument reference = ReportDocument.parse(this.seed);
		List<String> lines = this.seed.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
		List<String> organisation = between(lines, "一、组织落实整改情况", "截至目前");
		int second = indexOfPrefix(organisation, "（二）");
		ReportNarrative words = new ReportNarrative(null, null, reference.title(), false, null,
				String.join("\n", organisation.subList(0, second)),
				String.join("\n", organisation.subList(second, organisation.size())),
				String.join("\n", between(lines, "四、下一步整改工作安排", "欢迎广大干部群众")), null, "0731-84033328",
				null, null, ReportNarrative.ProblemNumbering.PER_CATEGORY, false, Map.of(),
				lines.get(lines.size() - 1));

		ReportDocument ours = ReportDocument.parse(this.drafts.render(this.id, ReportKind.PUBLIC, words));

		assertThat(ours.title()).isEqualTo(reference.title());
		// The sections in order. Section 二 is the data's own heading: the published one says "已完成" over a list
		// that holds a problem only basically completed, so the generated heading leaves the word out.
		assertThat(ours.texts(ReportDocument.Kind.HEADING)).hasSameSizeAs(reference.texts(ReportDocument.Kind.HEADING));
		for (int i = 0; i < 4; i++) {
			String theirs = reference.texts(ReportDocument.Kind.HEADING).get(i);
			String mine = ours.texts(ReportDocument.Kind.HEADING).get(i);
			if (i == 1) {
				assertThat(theirs.replace("已完成的", "的")).isEqualTo(mine);
			}
			else {
				assertThat(mine).isEqualTo(theirs);
			}
		}
		// Section 一's subsections in the unit's words, then the categories of the feedback, in order (the ledger
		// keeps a category's title without the full stop one of them ends with in the published text).
		assertThat(ours.texts(ReportDocument.Kind.SUBHEADING))
			.containsExactlyElementsOf(reference.texts(ReportDocument.Kind.SUBHEADING)
				.stream()
				.map((h) -> h.replaceAll("。$", ""))
				.toList());
		// The problems, numbered again in each category, with their exact titles.
		assertThat(ours.texts(ReportDocument.Kind.ITEM)).containsExactlyElementsOf(reference.texts(ReportDocument.Kind.ITEM));
		assertThat(outcomes(ours)).containsExactlyElementsOf(outcomes(reference));
		// Section 一's narrative, paragraph by paragraph, as published.
		assertThat(section(ours, "一、")).startsWith(organisation.toArray(String[]::new));
		// The counts match what the published text lists (its own count sentence says 14 and 68, which is not what
		// it lists): problems, tasks described in section 二 (one left out as non-public, and said so) and in 三.
		long problemsListed = reference.texts(ReportDocument.Kind.ITEM).size();
		long tasksListed = taskParagraphs(reference, "二、") + taskParagraphs(reference, "三、");
		long completed = outcomes(reference).stream().filter("整改结果：完成"::equals).count();
		long basically = outcomes(reference).stream().filter("整改结果：基本完成"::equals).count();
		long longTermListed = taskParagraphs(reference, "三、");
		assertThat(taskParagraphs(ours, "二、") + 1).isEqualTo(taskParagraphs(reference, "二、"));
		assertThat(taskParagraphs(ours, "三、")).isEqualTo(longTermListed);
		assertThat(text(ours)).contains("巡察反馈的" + problemsListed + "个具体问题，已完成整改" + completed + "个，基本完成整改"
				+ basically + "个，未完成整改0个，长期整改0个；" + problemsListed + "个具体问题共细化为" + tasksListed + "项任务，已完成整改"
				+ (tasksListed - longTermListed) + "项，基本完成整改0项，未完成整改0项，长期整改" + longTermListed + "项。")
			.contains("另有1项细化任务涉及不宜公开的内容");
		// Next steps in the unit's words, the contact line, the unit signing.
		assertThat(section(ours, "四、")).startsWith(section(reference, "四、").subList(0, 3).toArray(String[]::new));
		assertThat(text(ours)).contains("联系电话：0731-84033328。");
		assertThat(ours.texts(ReportDocument.Kind.SIGNATURE)).containsExactlyElementsOf(reference.texts(ReportDocument.Kind.SIGNATURE));
	}

	@Test
	void shouldRecordWhichVersionTheCommitteeApprovedAndFreezeIt() {
		List<ReportVersion> versions = this.drafts.versions(this.id, ReportKind.PUBLIC);
		RectificationReport published = this.reports.latest(this.id, ReportKind.PUBLIC).orElseThrow();

		// Nobody edited the draft: asking for publication saved the generated words as version 1.
		assertThat(versions).singleElement().satisfies((v) -> {
			assertThat(v.getNumber()).isEqualTo(1);
			assertThat(v.getCreatedBy()).isEqualTo(DemoAccounts.RECTIFICATION_CLERK);
			assertThat(v.getRequestedAt()).isNotNull();
			assertThat(v.getApprovedBy()).isEqualTo(DemoAccounts.SECRETARY);
			assertThat(v.getReportId()).isEqualTo(published.getId());
		});
		assertThat(this.drafts.versions(this.id, ReportKind.SUBMITTED)).singleElement().satisfies((v) -> {
			assertThat(v.getApprovedBy()).isEqualTo(DemoAccounts.SECRETARY);
			assertThat(v.getReportId()).isEqualTo(this.reports.latest(this.id, ReportKind.SUBMITTED).orElseThrow().getId());
		});
		// The committee's forms named the versions they were asked to approve.
		String instance = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(this.id.toString())
			.singleResult()
			.getId();
		for (String variable : List.of(ReportDrafts.VAR_PUBLIC_REPORT_VERSION, ReportDrafts.VAR_SUMMARY_REPORT_VERSION)) {
			assertThat(this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(instance)
				.variableName(variable)
				.singleResult()
				.getValue()).as(variable).isEqualTo(1);
		}
		// Published: frozen.
		ReportNarrative words = this.drafts.current(this.id, ReportKind.PUBLIC);
		assertThatThrownBy(() -> this.drafts.save(this.id, ReportKind.PUBLIC, words, DemoAccounts.RECTIFICATION_CLERK))
			.isInstanceOfSatisfying(RectiflowException.class,
					(ex) -> assertThat(ex.getMessageKey()).isEqualTo("error.reportDraft.published"));
		assertThat(this.drafts.versions(this.id, ReportKind.PUBLIC)).hasSize(1);
	}

	@Test
	void shouldShowTheEffectivenessEvaluationsRolledUpPerProblemToTheInspectionOffice() {
		String full = text(this.reports.rectificationReport(this.id));

		assertThat(full).contains("整改成效：好（评估依据：经纪委现场督办核实，措施落实到位）。佐证材料1份。")
			.contains("整改成效评估：好3项。")
			.doesNotContain("整改成效评估：好0项");
		assertThat(text(published())).doesNotContain("整改成效");
	}

	private static List<String> between(List<String> lines, String from, String toPrefix) {
		int start = lines.indexOf(from) + 1;
		int end = start;
		while (end < lines.size() && !lines.get(end).startsWith(toPrefix)) {
			end++;
		}
		return lines.subList(start, end);
	}

	private static int indexOfPrefix(List<String> lines, String prefix) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(prefix)) {
				return i;
			}
		}
		throw new IllegalStateException(prefix);
	}

	/** The blocks of a section "一、" … up to the next heading. */
	private static List<String> section(ReportDocument doc, String heading) {
		List<String> blocks = new ArrayList<>();
		boolean in = false;
		for (ReportDocument.Block b : doc.blocks()) {
			if (b.kind() == ReportDocument.Kind.HEADING) {
				in = b.text().startsWith(heading);
				continue;
			}
			if (in) {
				blocks.add(b.text());
			}
		}
		return blocks;
	}

	private static long taskParagraphs(ReportDocument doc, String heading) {
		return section(doc, heading).stream()
			.filter((t) -> t.startsWith("针对“") || t.startsWith("整改情况：针对“"))
			.count();
	}

	private static List<String> outcomes(ReportDocument doc) {
		return doc.texts(ReportDocument.Kind.PARAGRAPH).stream().filter((p) -> p.startsWith("整改结果：")).toList();
	}

}

package org.rectiflow.taskpage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.Problem;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.task.DeadlineExtension;
import org.rectiflow.deadline.DeadlineService;
import org.rectiflow.task.Evidence;
import org.rectiflow.evidence.EvidenceDraft;
import org.rectiflow.evidence.EvidenceResponses;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.evidence.EvidenceSubmissionService;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.task.RectificationTaskHistory;
import org.rectiflow.task.RectificationTaskProcessAdapter;
import org.rectiflow.task.RectificationTaskService;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(TaskPageController.class)
@WithMockUser("logisticsDepartmentStaff")
class TaskPageControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RectificationTaskService tasks;

	@MockitoBean
	EvidenceService evidence;

	@MockitoBean
	EvidenceSubmissionService submissions;

	@MockitoBean
	RectificationTaskProcessAdapter process;

	@MockitoBean
	RectificationTaskHistory history;

	@MockitoBean
	ProblemRepository problems;

	@MockitoBean
	SupervisionService supervision;

	@MockitoBean
	DeadlineService deadlines;

	@MockitoBean
	org.rectiflow.tasklist.WorkQueue work;

	private final RectificationTask task = new RectificationTask(1L, 2L, "1.1", 1, "宿舍日常维修不及时，学生意见大");

	@BeforeEach
	void aTaskWaitingForItsDepartment() {
		ReflectionTestUtils.setField(this.task, "id", 7L);
		this.task.setLeadDepartment("logisticsDepartment");
		this.task.setResponsibleLeader("vicePresidentLogistics");
		this.task.setDeadline(LocalDate.of(2026, 11, 20));
		given(this.tasks.visible(7L)).willReturn(this.task);
		Problem problem = new Problem(1L, 3L, 1, 1, "宿舍日常维修不及时");
		given(this.problems.findById(2L)).willReturn(Optional.of(problem));
		given(this.process.openSteps(7L)).willReturn(List.of(RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE));
		given(this.deadlines.panel(any(), anyString(), anyList())).willReturn(new DeadlineService.Panel(List.of(), null,
				true, false, false, 5, LocalDate.of(2026, 11, 21), LocalDate.of(2027, 11, 22)));
		given(this.process.lastReturnReason(7L)).willReturn("维修记录缺少学生签字确认");
		given(this.history.timeline(7L)).willReturn(List.of(new RectificationTaskHistory.TimelineEntry(
				Instant.parse("2026-11-10T02:00:00Z"), RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, "纪委现场督办",
				true, "disciplineOfficer", Map.of("supervisionDecision", "return", "supervisionFindings", "缺少签字"),
				null)));
		given(this.submissions.maySubmit(any(), eq("logisticsDepartmentStaff"), any())).willReturn(true);
		given(this.evidence.evidenceOf(7L)).willReturn(List.of());
	}

	@Test
	void showsTheTaskWithItsRedLightTheFindingsAndTheSubmissionForm() throws Exception {
		this.mvc.perform(get("/tasks/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("宿舍日常维修不及时，学生意见大"), containsString("light RED"),
					containsString("已逾期"), containsString("维修记录缺少学生签字确认"), containsString("id=\"narrative\""),
					containsString("“纪委现场督办”由 姓名:disciplineOfficer 办理"), containsString("退回"),
					not(containsString("id=\"sign-off\"")))));
	}

	@Test
	void offersTheLeadDepartmentAnExtensionRequestAndSaysHowLateTheTaskIs() throws Exception {
		this.mvc.perform(get("/tasks/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"extension-request\""),
					containsString("已超过整改期限 5 天"), containsString("min=\"2026-11-21\""),
					not(containsString("id=\"extension-decision\"")), not(containsString("id=\"criticism-form\"")))));
	}

	@Test
	@WithMockUser("vicePresidentLogistics")
	void showsThePendingRequestToTheLeaderWithTheDecisionForm() throws Exception {
		DeadlineExtension pending = new DeadlineExtension(this.task, LocalDate.of(2026, 12, 31), "等待寒假集中维修宿舍",
				"logisticsDepartmentStaff", Instant.parse("2026-11-15T02:00:00Z"));
		given(this.deadlines.panel(any(), anyString(), anyList())).willReturn(new DeadlineService.Panel(
				List.of(pending), pending, false, true, false, 0, LocalDate.of(2026, 11, 21), LocalDate.of(2027, 11, 22)));

		this.mvc.perform(get("/tasks/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"extension-decision\""), containsString("2026-12-31"),
					containsString("等待寒假集中维修宿舍"), containsString("待审批"),
					not(containsString("id=\"extension-request\"")))));
	}

	@Test
	@WithMockUser("disciplineOfficer")
	void offersTheDisciplineCommitteeTheCriticismDecision() throws Exception {
		given(this.deadlines.panel(any(), anyString(), anyList())).willReturn(new DeadlineService.Panel(List.of(), null,
				false, false, true, 12, LocalDate.of(2026, 11, 21), LocalDate.of(2027, 11, 22)));

		this.mvc.perform(get("/tasks/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"criticism-form\""), containsString("予以通报批评"),
					containsString("不予通报"))));
	}

	/** Issue 20: once the evidence is in, the page no longer asks for it, nor says it never came. */
	@Test
	@WithMockUser("disciplineOfficer")
	void theInstructionsFollowTheStateOnceTheEvidenceIsIn() throws Exception {
		given(this.process.openSteps(7L)).willReturn(List.of(RectificationTaskProcess.USER_TASK_LEADER_REVIEW,
				RectificationTaskProcess.USER_TASK_DECIDE_CRITICISM));
		given(this.deadlines.panel(any(), anyString(), anyList())).willReturn(new DeadlineService.Panel(List.of(), null,
				false, false, true, 12, LocalDate.of(2026, 11, 21), LocalDate.of(2027, 11, 22)));

		this.mvc.perform(get("/tasks/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("整改材料已报送，正在审核"), containsString("此后已报送"),
					not(containsString("请尽快报送整改材料")), not(containsString("宽限期满仍未报送整改材料。")))));
	}

	@Test
	void submitsNarrativeAndFiles() throws Exception {
		this.mvc.perform(multipart("/tasks/7/submission")
			.file(new MockMultipartFile("files", "台账.pdf", "application/pdf", "%PDF-1.4".getBytes()))
			.param("action", "submit")
			.param("narrative", "已集中维修宿舍200余间")
			.with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#submission"))
			.andExpect(flash().attribute("message", "整改材料已提交，等待责任领导审核"));
		verify(this.submissions).submit(eq(7L), eq("已集中维修宿舍200余间"),
				argThat((List<EvidenceService.Upload> files) -> files.size() == 1
						&& files.get(0).fileName().equals("台账.pdf")),
				eq("logisticsDepartmentStaff"));
	}

	@Test
	void aRefusedSubmissionKeepsTheTextAndSaysWhyInChinese() throws Exception {
		willThrow(new RectiflowException("error.submission.narrativeTooShort", 10)).given(this.submissions)
			.submit(anyLong(), anyString(), anyList(), anyString());

		this.mvc.perform(multipart("/tasks/7/submission").param("action", "submit").param("narrative", "太短").with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#submission"))
			.andExpect(flash().attribute("error", "请填写整改措施落实情况及成效，至少 10 个字"))
			.andExpect(flash().attribute("narrative", "太短"));
		verify(this.submissions).keepText(7L, "太短", "logisticsDepartmentStaff");
	}

	@Test
	void otherDepartmentsAreRefusedWithoutKeepingAnything() throws Exception {
		willThrow(new RectiflowException.Forbidden("error.evidence.notLeadDepartment", "1.1.1")).given(this.submissions)
			.saveDraft(anyLong(), any(), anyList(), anyString());

		this.mvc.perform(multipart("/tasks/7/submission").param("narrative", "草稿").with(csrf()))
			.andExpect(flash().attribute("error", "只有牵头部门或整改办可以为细化任务 1.1.1 上传佐证材料"));
		verify(this.submissions, never()).keepText(anyLong(), any(), any());
	}

	@Test
	void previewsOnlyImagesAndPdfsAndDownloadsAsAttachment() throws Exception {
		Evidence docx = new Evidence(7L, "制度.docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", 10, "0".repeat(64), null,
				"logisticsDepartmentStaff", Instant.parse("2026-11-24T02:00:00Z"));
		ReflectionTestUtils.setField(docx, "id", 5L);
		given(this.evidence.visible(5L)).willReturn(docx);
		given(this.evidence.content(5L)).willReturn(new byte[10]);

		this.mvc.perform(get("/evidence/5/preview"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能在线预览，请下载查看")));
		this.mvc.perform(get("/evidence/5/download"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", EvidenceResponses.SANDBOXED));
		verify(this.evidence).recordDownload(docx, false);
	}

	@Test
	void scriptInANarrativeOrAFindingIsShownAsTextNeverRun() throws Exception {
		EvidenceDraft draft = new EvidenceDraft(7L);
		draft.update("<script>alert('narrative')</script>已维修", "logisticsDepartmentStaff", Instant.now());
		given(this.submissions.draftOf(7L)).willReturn(Optional.of(draft));
		given(this.process.lastReturnReason(7L)).willReturn("<img src=x onerror=alert(1)>缺少签字");

		this.mvc.perform(get("/tasks/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(&#39;narrative&#39;)&lt;/script&gt;已维修"),
					containsString("&lt;img src=x onerror=alert(1)&gt;缺少签字"), not(containsString("<script>alert")),
					not(containsString("<img src=x")))));
	}

	@Test
	void aHexIdIsNotAnId() throws Exception {
		this.mvc.perform(get("/tasks/0x7")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/tasks/#7".replace("#", "%23"))).andExpect(status().isBadRequest());
	}

	@Test
	void malformedRequestsGetAPageNotAServerError() throws Exception {
		this.mvc.perform(get("/tasks/abc")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("无法识别提交的内容")));
		given(this.tasks.visible(99L)).willThrow(new RectiflowException.NotFound("error.task.notFound", 99L));
		this.mvc.perform(get("/tasks/99")).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("未找到编号为 99 的细化任务")));
		Evidence elsewhere = new Evidence(8L, "a.pdf", "application/pdf", 1, "0".repeat(64), null, "x", Instant.now());
		given(this.evidence.visible(9L)).willReturn(elsewhere);
		this.mvc.perform(post("/tasks/7/evidence/9/delete").with(csrf())).andExpect(status().isNotFound());
		verify(this.evidence, never()).delete(any(), any());
	}

	private static long anyLong() {
		return org.mockito.ArgumentMatchers.anyLong();
	}

}

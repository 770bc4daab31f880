package org.rectiflow.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report pages of the portal and the public address: the preview says where the report will be public, the
 * published one links there, the full report is for the oversight roles only, files come with their type and a
 * Chinese name, and an unknown inspection or an unpublished report is a 404 page, never a 500.
 */
@PortalWebMvcTest({ ReportPageController.class, PublicReportController.class })
class ReportPageControllerTests {

	static final ReportDocument DOC = ReportDocument.parse("""
			测试学院党委关于巡察整改进展情况的通报
			现将巡察整改进展情况通报如下。
			一、组织落实整改情况
			（一）科学谋划抓整改
			1.宿舍日常维修不及时
			整改结果：完成
			测试学院党委
			2026年11月25日
			""");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReportService reports;

	@MockitoBean
	ReportFormats formats;

	@BeforeEach
	void reports() {
		given(this.reports.publicReport(7L)).willReturn(DOC);
		given(this.reports.rectificationReport(7L)).willReturn(DOC);
		given(this.reports.latest(any(), any())).willReturn(Optional.empty());
		given(this.reports.publishedPublicReport(7L)).willReturn(Optional.of(DOC));
		given(this.reports.publishedPublicReport(8L)).willReturn(Optional.empty());
		given(this.reports.publicReport(999L)).willThrow(new RectiflowException.NotFound("error.inspection.notFound", 999L));
		given(this.formats.pdf(any())).willReturn("%PDF-1.7".getBytes());
		given(this.formats.docx(any())).willReturn(new byte[] { 'P', 'K' });
	}

	@Test
	@WithMockUser(username = "vicePresidentLogistics", authorities = "GROUP_leaders")
	void shouldPreviewThePublicReportAndSayWhereItWillBePublic() throws Exception {
		String body = this.mvc.perform(get("/inspections/7/public-report"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).contains("整改进展情况通报（预览）", "党委批准公开后，通报将在以下地址向社会公开",
				"/public/inspections/7/progress-report", "/inspections/7/public-report.pdf",
				"/inspections/7/public-report.docx", "<h2>一、组织落实整改情况</h2>", "<h3>（一）科学谋划抓整改</h3>",
				"class=\"item\">1.宿舍日常维修不及时", "class=\"signature\">测试学院党委");
	}

	@Test
	@WithMockUser(username = "rectificationClerk", authorities = "GROUP_rectificationOffice")
	void shouldLinkThePublishedReportsPublicAddress() throws Exception {
		given(this.reports.latest(7L, ReportKind.PUBLIC)).willReturn(Optional.of(new RectificationReport(7L,
				ReportKind.PUBLIC, "…", "secretary", Instant.parse("2026-11-25T02:00:00Z"))));

		String body = this.mvc.perform(get("/inspections/7/public-report"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).contains("整改进展情况通报（已发布）", "发布于 2026-11-25 10:00", "已向社会公开",
				"href=\"/public/inspections/7/progress-report\"");
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "GROUP_logisticsDepartment")
	void shouldKeepTheFullReportToTheOversightRoles() throws Exception {
		this.mvc.perform(get("/inspections/7/rectification-report")).andExpect(status().isForbidden());
		this.mvc.perform(get("/inspections/7/rectification-report.pdf")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "logisticsDepartmentStaff", authorities = "GROUP_logisticsDepartment")
	void shouldKeepTheProgressReportInThePortalFromTheDepartments() throws Exception {
		// Before publication it covers every department's tasks; after, it is read at its public address.
		for (String path : List.of("/inspections/7/public-report", "/inspections/7/public-report.pdf",
				"/inspections/7/public-report.docx")) {
			assertThat(this.mvc.perform(get(path)).andExpect(status().isForbidden()).andReturn().getResponse()
				.getContentAsString()).doesNotContain("宿舍日常维修不及时", "%PDF");
		}
	}

	@Test
	@WithMockUser(username = "inspector", authorities = "GROUP_inspectionOffice")
	void shouldShowTheFullReportToTheInspectionOffice() throws Exception {
		String body = this.mvc.perform(get("/inspections/7/rectification-report"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).contains("整改情况报告（报巡察办，不公开）", "尚未报送巡察办", "/inspections/7/rectification-report.docx");
	}

	@Test
	@WithMockUser(username = "rectificationClerk", authorities = "GROUP_rectificationOffice")
	void shouldAnswerFilesWithTheirTypeAndAChineseName() throws Exception {
		this.mvc.perform(get("/inspections/7/public-report.pdf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("inline")))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.containsString("%E6%95%B4%E6%94%B9%E8%BF%9B%E5%B1%95%E6%83%85%E5%86%B5%E9%80%9A%E6%8A%A5.pdf")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		this.mvc.perform(get("/inspections/7/rectification-report.docx"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ReportFiles.DOCX))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")));
	}

	@Test
	@WithMockUser(username = "rectificationClerk", authorities = "GROUP_rectificationOffice")
	void shouldAnswerUnknownInspectionsAndUnpublishedReportsWithA404Page() throws Exception {
		assertThat(this.mvc.perform(get("/inspections/999/public-report"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("999");
		for (String path : List.of("/public/inspections/8/progress-report", "/public/inspections/8/progress-report.pdf",
				"/public/inspections/8/progress-report.docx")) {
			assertThat(this.mvc.perform(get(path)).andExpect(status().isNotFound()).andReturn().getResponse()
				.getContentAsString()).contains("尚未经党委批准公开");
		}
		this.mvc.perform(get("/public/inspections/x/progress-report")).andExpect(status().isBadRequest());
	}

	@Test
	@WithMockUser(username = "visitor")
	void shouldShowThePublishedReportOnAPageOfItsOwn() throws Exception {
		String body = this.mvc.perform(get("/public/inspections/7/progress-report"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).contains("<title>测试学院党委关于巡察整改进展情况的通报</title>",
				"/public/inspections/7/progress-report.pdf", "经党委批准公开").doesNotContain("退出");
	}

}

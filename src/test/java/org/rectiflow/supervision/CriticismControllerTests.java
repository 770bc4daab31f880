package org.rectiflow.supervision;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@PortalWebMvcTest(CriticismController.class)
@WithMockUser("disciplineOfficer")
class CriticismControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SupervisionService supervision;

	@Test
	void issuesTheNoticeAsTheLoggedInMember() throws Exception {
		this.mvc.perform(post("/tasks/7/criticism").param("decision", "issue")
			.param("reason", "超过整改期限5个工作日仍未报送整改材料")
			.with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attribute("message", "已印发通报批评，并通知牵头部门和责任领导。"));
		verify(this.supervision).decideCriticismAs(7L, "issue", "超过整改期限5个工作日仍未报送整改材料", "disciplineOfficer");
	}

	@Test
	void aMissingReasonIsNamedAndTheChoiceKept() throws Exception {
		willThrow(new RectiflowException("error.criticism.reasonRequired")).given(this.supervision)
			.decideCriticismAs(anyLong(), anyString(), isNull(), anyString());

		this.mvc.perform(post("/tasks/7/criticism").param("decision", "waive").with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attribute("error", "请填写通报事由或不予通报的理由。"))
			.andExpect(flash().attribute("criticismForm", Map.of("decision", "waive", "reason", "")));
	}

	@Test
	void someoneElseHavingDecidedIsAConflictNotAnError() throws Exception {
		willThrow(new RectiflowException.Conflict("error.step.gone")).given(this.supervision)
			.decideCriticismAs(anyLong(), anyString(), anyString(), anyString());

		this.mvc.perform(post("/tasks/7/criticism").param("decision", "issue").param("reason", "逾期").with(csrf()))
			.andExpect(redirectedUrl("/tasks/7#deadline"))
			.andExpect(flash().attributeExists("error"));
	}

}

package org.rectiflow.system;

import org.junit.jupiter.api.Test;
import org.rectiflow.ledger.LedgerService;
import org.rectiflow.web.PortalWebMvcTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(HomeController.class)
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LedgerService ledgers;

	@Test
	@WithMockUser("logisticsDepartmentStaff")
	void homeSpeaksChineseByDefault() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(
				org.hamcrest.Matchers.containsString("整改通")));
	}

}

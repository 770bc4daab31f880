package org.rectiflow.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running application and a fresh Chromium per test; the last page of every test is kept as a screenshot, which
 * is what to look at when a journey fails.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BrowserTestSupport {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new Browser("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser(TestInfo test) {
		if (this.browser == null) {
			return;
		}
		this.browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
		this.browser.close();
	}

}

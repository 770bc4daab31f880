package org.rectiflow.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}), headless, in Chinese, with the flags this
 * machine's closed network needs. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final ChromeDriver driver;

	final WebDriverWait wait;

	private final String baseUrl;

	/** How long a test waits for a page to show what it expects. */
	static final Duration WAIT = Duration.ofSeconds(20);

	static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	/**
	 * On a developer's machine without Debian's Chromium the browser tests are skipped with a reason; in CI (where
	 * {@code .ci/run} installs it) a missing browser fails the build.
	 */
	static void requireChromium() {
		boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
		if (!present && System.getenv("CI") != null) {
			throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
		}
		Assumptions.assumeTrue(present, "Debian chromium and chromium-driver are not installed: browser tests skipped");
	}

	Browser(String baseUrl) {
		requireChromium();
		this.baseUrl = baseUrl;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--disable-quic", "--window-size=1440,1000", "--lang=zh-CN");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		// Keeps the console, so a test can fail on a script error it would not otherwise see.
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, WAIT);
		// Angular and page loads replace elements under our feet; look again rather than fail.
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	void login(String user, String password) {
		open("/login");
		this.driver.findElement(By.id("username")).sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until((d) -> !d.getCurrentUrl().contains("/login"));
	}

	WebElement visible(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	List<WebElement> all(By by) {
		return this.driver.findElements(by);
	}

	void clickText(String cssSelector, String text) {
		this.wait.until((d) -> d.findElements(By.cssSelector(cssSelector))
			.stream()
			.filter((e) -> e.isDisplayed() && e.getText().contains(text))
			.findFirst()
			.map((e) -> {
				click(e);
				return true;
			})
			.orElse(false));
	}

	/** Clicks as a person would, after scrolling the element into the middle of the window (footers overlap). */
	void click(WebElement element) {
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Errors the page's scripts logged or threw since the last call (failed loads included). */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((e) -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Waits until the page shows the text; when it does not, fails with what the page showed instead (its address,
	 * its text and the console's errors), so that a failure in CI says what happened without its screenshot.
	 */
	void waitForText(String text) {
		try {
			this.wait.until((d) -> pageText().contains(text));
		}
		catch (TimeoutException ex) {
			String shown = pageText();
			throw new AssertionError("The page never showed \"" + text + "\" within " + WAIT.toSeconds() + " s. Address: "
					+ this.driver.getCurrentUrl() + "\nText: " + shown.substring(0, Math.min(shown.length(), 2000))
					+ "\nConsole errors: " + consoleErrors(), ex);
		}
	}

	/** The page's text; empty while the page is being replaced (a wait then simply tries again). */
	String pageText() {
		try {
			return this.driver.findElement(By.tagName("body")).getText();
		}
		catch (WebDriverException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}

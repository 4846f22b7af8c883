package io.adtarget.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in Debian's headless Chromium against the real service: what a customer sees, and what it cannot. */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void a_customer_signs_in_sees_only_its_own_conversion_opens_it_and_signing_out_forgets_the_secret()
            throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the console's browser test needs Debian's /usr/bin/chromium and /usr/bin/chromedriver"
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        Path profile = Files.createTempDirectory("console-chromium-");
        try (RunningService service = RunningService.start()) {
            Tenant acme = service.provision("live", false, null, "-1001");
            Tenant other = service.provision("live", false, null, "-1002");
            String id = service.postConversion(acme.apiKey(), null, acme.purchase(7L)).bodyAsJsonObject().getString("conversionId");
            WebDriver browser = chromium(profile);
            try {
                String console = "http://127.0.0.1:" + service.port() + "/console/";
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

                browser.get(console);
                screenshot(browser, "sign-in.png");
                signIn(browser, acme.apiKey());
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), id));
                screenshot(browser, "conversions.png");
                browser.findElement(By.linkText(id)).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fields"), "Purchase"));
                screenshot(browser, "conversion.png");
                assertThat(browser.getCurrentUrl()).doesNotContain(acme.apiKey());
                browser.findElement(By.id("sign-out")).click();
                assertThat(storage(browser)).doesNotContain(acme.apiKey());

                signIn(browser, other.apiKey());
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversions")));
                wait.until(ExpectedConditions.attributeToBe(By.id("rows"), "aria-busy", "false"));
                assertThat(browser.findElement(By.id("rows")).getText()).doesNotContain(id);
                browser.findElement(By.id("sign-out")).click();

                signIn(browser, RunningService.ADMIN_TOKEN);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
                browser.findElement(By.id("sign-out")).click();
                assertThat(browser.getCurrentUrl()).doesNotContain(RunningService.ADMIN_TOKEN);
                assertThat(storage(browser)).doesNotContain(RunningService.ADMIN_TOKEN);
            } finally {
                browser.quit();
            }
        }
    }

    private static void signIn(WebDriver browser, String secret) {
        browser.findElement(By.id("secret")).sendKeys(secret);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    private static String storage(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)");
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        // The committed screenshots under docs/console are refreshed only on request
        // (-Dconsole.screenshots=docs); an ordinary run writes them to target/ and leaves the tree clean.
        Path docs = "docs".equals(System.getProperty("console.screenshots"))
                ? Path.of("..", "docs", "console") : Path.of("target", "console-screenshots");
        Files.createDirectories(docs);
        Files.write(docs.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,800", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }
}

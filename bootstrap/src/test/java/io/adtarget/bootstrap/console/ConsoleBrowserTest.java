package io.adtarget.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.adtarget.bootstrap.faults.CapturedLogs;
import io.adtarget.domain.telegram.BotToken;
import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.telegram.testing.FakeTelegramBotApi;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's headless Chromium against the real service: what a customer sees and what
 * it cannot, and an operator fixing a failed delivery with Retry now. Waits are bounded polls of the page.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;
    private final Vertx telegramVertx = Vertx.vertx();

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the console's browser test needs Debian's /usr/bin/chromium and /usr/bin/chromedriver"
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        profile = Files.createTempDirectory("console-chromium-");
        browser = chromium(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        telegramVertx.close().await();
    }

    @Test
    void a_customer_signs_in_sees_only_its_own_conversion_opens_it_and_signing_out_forgets_the_secret()
            throws IOException {
        try (CapturedLogs logs = CapturedLogs.capture(); RunningService service = RunningService.start()) {
            Tenant acme = service.provision("live", false, null, "-1001");
            Tenant other = service.provision("live", false, null, "-1002");
            JsonObject purchase = acme.purchase(7L).put("userData", new JsonObject()
                    .put("email", "ada@example.com").put("fbp", "fb.1.1700000000000.123456789"));
            String id = service.postConversion(acme.apiKey(), null, purchase).bodyAsJsonObject().getString("conversionId");
            String console = "http://127.0.0.1:" + service.port() + "/console/";

            browser.get(console);
            screenshot("sign-in.png");
            signIn(acme.apiKey());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), id));
            screenshot("conversions.png");
            browser.findElement(By.linkText(id)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fields"), "Purchase"));
            // the names of the user data fields it carried, never their values
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-data"), "em"));
            assertThat(browser.findElement(By.id("user-data")).getText()).contains("fbp")
                    .doesNotContain("ada@example.com");
            assertThat(browser.getPageSource()).doesNotContain("ada@example.com", "123456789\"");
            screenshot("conversion.png");
            assertThat(browser.findElement(By.id("retry-box")).isDisplayed()).as("no Retry now for a customer").isFalse();
            assertThat(browser.getCurrentUrl()).doesNotContain(acme.apiKey());
            browser.findElement(By.id("sign-out")).click();
            assertThat(storage()).doesNotContain(acme.apiKey());

            signIn(other.apiKey());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversions")));
            wait.until(ExpectedConditions.attributeToBe(By.id("rows"), "aria-busy", "false"));
            assertThat(browser.findElement(By.id("rows")).getText()).doesNotContain(id);
            browser.findElement(By.id("sign-out")).click();
            assertThat(logs.lines()).isNotEmpty()
                    .noneSatisfy(line -> assertThat(line).contains(acme.apiKey()))
                    .noneSatisfy(line -> assertThat(line).contains(other.apiKey()))
                    .noneSatisfy(line -> assertThat(line).contains("ada@example.com"));
        }
    }

    @Test
    void an_operator_sees_a_failed_delivery_and_its_attempt_and_retry_now_sends_it() throws IOException {
        try (CapturedLogs logs = CapturedLogs.capture(); RunningService service = RunningService.start()) {
            Tenant acme = service.provision("live", true, null, "-1001");
            // Meta refuses for good (a non-retryable error): the conversion ends failed
            service.meta().answerByDefault(FakeGraphReply.metaError(400, 100, 2804003, false,
                    "Invalid parameter"));
            String id = service.postConversion(acme.apiKey(), null, acme.purchase(8L).put("userData", new JsonObject()
                    .put("fbp", "fb.1.1700000000000.987654321").put("clientIpAddress", "203.0.113.9")
                    .put("clientUserAgent", "Mozilla/5.0"))).bodyAsJsonObject().getString("conversionId");
            assertThat(service.getConversion(acme.apiKey(), id).getString("status")).isEqualTo("failed");

            browser.get("http://127.0.0.1:" + service.port() + "/console/");
            signIn(RunningService.ADMIN_TOKEN);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-hint")));
            browser.findElement(By.id("filter-account")).sendKeys(acme.accountId());
            // a time range the API refuses: its problem+json names the field, and the page marks that field
            setValue("filter-from", "2030-01-02T00:00:00");
            setValue("filter-to", "2030-01-01T00:00:00");
            browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("filter-to"), "aria-invalid", "true"));
            assertThat(browser.findElement(By.id("filters")).getText()).contains("must be later than from");
            // a range around now, and the status filter
            setValue("filter-from", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)
                    .withNano(0).toString());
            setValue("filter-to", "");
            new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("failed");
            browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), id));
            assertThat(browser.findElement(By.id("filter-to")).getAttribute("aria-invalid")).isNull();
            screenshot("operator-conversions.png");
            browser.findElement(By.linkText(id)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attempts"), "meta-rejected"));
            String attempt = browser.findElement(By.id("attempts")).getText();
            assertThat(attempt).contains("400", "100 / 2804003", "fake-error-trace-100");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retry")));
            screenshot("conversion-failed.png");

            service.meta().answerByDefault(FakeGraphReply.accept());
            browser.findElement(By.id("retry")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("retry-status"), "now sent"));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#attempts tr"), 2));
            assertThat(browser.findElement(By.id("fields")).getText()).contains("sent");
            assertThat(browser.findElement(By.id("retry-box")).isDisplayed()).isFalse();
            assertThat(service.getConversion(acme.apiKey(), id).getString("status")).isEqualTo("sent");
            assertThat(service.meta().requests()).hasSize(2);
            screenshot("conversion-retried.png");

            browser.manage().window().setSize(new Dimension(390, 844));
            screenshot("phone-conversion.png");
            browser.manage().window().setSize(new Dimension(1100, 800));

            // the account's delivery health: the refused call's Meta code, the conversion now sent, a chart
            browser.findElement(By.id("nav-health")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health-sites"), "meta-rejected"));
            String health = browser.findElement(By.id("health-sites")).getText();
            assertThat(health).contains("Shop", "Sent\n1", "Failed\n0", "Retry queue\n0", "100", "100 %");
            assertThat(browser.findElements(By.cssSelector("#health-sites svg.chart rect.bar-sent"))).hasSize(1);
            screenshot("health.png");
            browser.manage().window().setSize(new Dimension(390, 844));
            screenshot("phone-health.png");
            browser.manage().window().setSize(new Dimension(1100, 800));

            browser.findElement(By.id("sign-out")).click();
            assertThat(browser.getCurrentUrl()).doesNotContain(RunningService.ADMIN_TOKEN);
            assertThat(storage()).doesNotContain(RunningService.ADMIN_TOKEN);
            // the service's whole log of the run (at DEBUG): it saw the console's calls, never the token
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("meta attempt"));
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(RunningService.ADMIN_TOKEN));
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(acme.apiKey()));
        }
    }

    @Test
    void an_operator_provisions_a_customer_with_the_setup_forms_each_showing_the_apis_field_errors()
            throws IOException {
        BotToken bot = new BotToken("5151:AAconsoleSetupBotTokenSecret00");
        FakeTelegramBotApi telegram = FakeTelegramBotApi.create(telegramVertx).start().await()
                .addBot(bot, "globex_bot");
        try (CapturedLogs logs = CapturedLogs.capture(); RunningService service = RunningService.start(Map.of(
                "TELEGRAM_MODE", "live", "TELEGRAM_API_URL", telegram.url().toString(),
                "PUBLIC_BASE_URL", "https://adtarget.example"))) {
            browser.get("http://127.0.0.1:" + service.port() + "/console/");
            signIn(RunningService.ADMIN_TOKEN);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-setup"))).click();

            submit("form-account");
            fieldError("account-name");
            browser.findElement(By.id("account-name")).sendKeys("Globex");
            submit("form-account");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#form-account .result"),
                    "Created account Globex"));
            noAlert("form-account");
            String accountId = browser.findElement(By.id("key-account")).getAttribute("value");
            assertThat(accountId).matches("[0-9a-f-]{36}");

            browser.findElement(By.id("key-name")).sendKeys("prod");
            submit("form-key");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key")));
            String key = browser.findElement(By.id("issued-key-value")).getAttribute("value");
            assertThat(key).startsWith("atk_live_");
            browser.findElement(By.id("copy-key")).click();
            wait.until(ExpectedConditions.textMatches(By.id("copy-status"), java.util.regex.Pattern.compile(".+")));

            browser.findElement(By.id("site-name")).sendKeys("Globex shop");
            browser.findElement(By.id("site-pixel")).sendKeys("not-a-pixel");
            submit("form-site");
            fieldError("site-pixel");
            browser.findElement(By.id("site-pixel")).clear();
            browser.findElement(By.id("site-pixel")).sendKeys("123456789012345");
            browser.findElement(By.id("site-token")).sendKeys("EAAsetupformsecret0123");
            submit("form-site");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#form-site .result"),
                    "Created site Globex shop"));

            submit("form-channel");
            fieldError("channel-id");
            browser.findElement(By.id("channel-id")).sendKeys("-1009");
            submit("form-channel");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#form-channel .result"),
                    "Attached channel -1009"));

            // the Meta connection test: a code Meta would refuse is marked by the API's field error, and no call
            // leaves; then one test event reaches the (fake) Graph API and Meta's answer is shown
            browser.findElement(By.id("meta-test-code")).sendKeys("TEST 123");
            submit("form-meta-test");
            fieldError("meta-test-code");
            assertReadable("setup with a field error");
            assertThat(service.meta().requests()).isEmpty();
            browser.findElement(By.id("meta-test-code")).clear();
            browser.findElement(By.id("meta-test-code")).sendKeys("TEST123");
            // Meta refuses the token first: its error class, code and message are shown, as text
            service.meta().enqueue(FakeGraphReply.metaError(400, 190, 463, false,
                    "Error validating access token: <b>expired</b>"));
            submit("form-meta-test");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meta-test-verdict"),
                    "Meta did not take the test event"));
            assertThat(browser.findElement(By.id("meta-test-details")).getText())
                    .contains("meta-auth", "190 / 463", "Error validating access token: <b>expired</b>");
            assertThat(browser.findElements(By.cssSelector("#meta-test-details b"))).isEmpty();
            assertReadable("setup with Meta's refusal");
            submit("form-meta-test");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meta-test-verdict"),
                    "Meta received the test event"));
            noAlert("form-meta-test");
            assertThat(browser.findElement(By.id("meta-test-details")).getText())
                    .contains("events_received\n1", "fake-trace-", "TEST123").doesNotContain("meta-auth");
            assertThat(service.meta().requests()).hasSize(2);
            assertThat(service.meta().requests()).allSatisfy(sent -> {
                assertThat(sent.json().getString("test_event_code")).isEqualTo("TEST123");
                assertThat(sent.accessToken()).isEqualTo("EAAsetupformsecret0123");
            });

            // a publishable key for the landing page: a path is not an origin, then the key is shown once
            browser.findElement(By.id("publishable-origins")).sendKeys("https://shop.example/landing");
            submit("form-publishable");
            fieldError("publishable-origins");
            browser.findElement(By.id("publishable-origins")).clear();
            browser.findElement(By.id("publishable-origins")).sendKeys("https://shop.example\nhttps://www.shop.example");
            submit("form-publishable");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-publishable")));
            String publishable = browser.findElement(By.id("issued-publishable-value")).getAttribute("value");
            assertThat(publishable).startsWith("atk_pub_");
            browser.findElement(By.id("copy-publishable")).click();
            wait.until(ExpectedConditions.textMatches(By.id("copy-publishable-status"),
                    java.util.regex.Pattern.compile(".+")));

            // the Telegram bot: a token Telegram does not know is marked by field, then the real one connects
            browser.findElement(By.id("telegram-token")).sendKeys("1:AAnotAKnownTokenForTheFake000");
            submit("form-telegram");
            fieldError("telegram-token");
            browser.findElement(By.id("telegram-token")).clear();
            browser.findElement(By.id("telegram-token")).sendKeys(bot.value());
            submit("form-telegram");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#form-telegram .result"),
                    "Connected @globex_bot"));
            noAlert("form-telegram");
            assertThat(telegram.webhook(bot)).isPresent();
            assertThat(browser.findElement(By.id("telegram-token")).getAttribute("value")).isEmpty();

            // a committed screenshot must not show a key-shaped secret (scanners would flag it): mask it first
            setValue("issued-key-value", "atk_live_•••• (the real key is shown here once)");
            setValue("issued-publishable-value", "atk_pub_•••• (the real key is shown here once)");
            screenshot("setup.png");
            browser.manage().window().setSize(new Dimension(390, 844));
            screenshot("phone-setup.png");
            browser.manage().window().setSize(new Dimension(1100, 800));

            browser.findElement(By.id("telegram-disconnect")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#form-telegram .result"),
                    "Disconnected"));
            assertThat(telegram.webhook(bot)).isEmpty();

            // the key the form showed once works: a conversion on the new channel, seen by its customer
            JsonObject purchase = new JsonObject().put("telegramUserId", 99).put("channelId", "-1009")
                    .put("eventType", "Purchase").put("value", 5.0).put("currency", "USD");
            String id = service.postConversion(key, null, purchase).bodyAsJsonObject().getString("conversionId");
            browser.findElement(By.id("sign-out")).click();
            assertThat(browser.findElement(By.id("issued-key-value")).getAttribute("value")).isEmpty();
            signIn(key);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), id));
            assertThat(browser.findElement(By.id("nav-setup")).isDisplayed()).as("no setup for a customer").isFalse();
            browser.findElement(By.id("sign-out")).click();
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(key))
                    .noneSatisfy(line -> assertThat(line).contains("EAAsetupformsecret0123"))
                    .noneSatisfy(line -> assertThat(line).contains(publishable))
                    .noneSatisfy(line -> assertThat(line).contains(bot.value()))
                    .noneSatisfy(line -> assertThat(line).contains(RunningService.ADMIN_TOKEN));
        } finally {
            telegram.stop().await();
        }
    }

    private void submit(String formId) {
        browser.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    /** The field is marked invalid and described by the message the API's problem+json gave for it. */
    private void fieldError(String inputId) {
        wait.until(ExpectedConditions.attributeToBe(By.id(inputId), "aria-invalid", "true"));
        String described = browser.findElement(By.id(inputId)).getAttribute("aria-describedby");
        assertThat(described).contains("err-");
        String messageId = described.substring(described.indexOf("err-")).split(" ")[0];
        assertThat(browser.findElement(By.id(messageId)).getText()).isNotBlank();
    }

    /** The form's alert line is empty again once a submit succeeded after a refused one. */
    private void noAlert(String formId) {
        assertThat(browser.findElement(By.cssSelector("#" + formId + " p.error[role=alert]")).getText()).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#" + formId + " .field-error"))).isEmpty();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id,
                value);
    }

    private void signIn(String secret) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret"))).sendKeys(secret);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    private String storage() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)");
    }

    /** Every visible text of the screen meets WCAG AA contrast (4.5:1, large text 3:1) under the real console.css. */
    @SuppressWarnings("unchecked")
    private void assertReadable(String screen) throws IOException {
        String script;
        try (var in = ConsoleBrowserTest.class.getResourceAsStream("/console/contrast.js")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(script);
        assertThat(((Number) result.get("checked")).longValue()).as("texts checked on %s", screen).isGreaterThan(3);
        assertThat((java.util.List<String>) result.get("failures")).as("texts below WCAG AA contrast on %s", screen)
                .isEmpty();
    }

    /** Saves the screen (see below) after checking its text contrast: each screen shot is a screen checked. */
    private void screenshot(String name) throws IOException {
        assertReadable(name);
        // The committed screenshots under docs/console are refreshed only on request
        // (-Dconsole.screenshots=docs); an ordinary run writes them to target/ and leaves the tree clean.
        Path docs = "docs".equals(System.getProperty("console.screenshots"))
                ? Path.of("..", "docs", "console") : Path.of("target", "console-screenshots");
        Files.createDirectories(docs);
        // the whole page, not only the first screenful: the window grows to the page's height for the shot
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(window.getWidth(),
                (int) Math.min(4000, Math.max(window.getHeight(), height + 140))));
        try {
            Files.write(docs.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
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

package ma.tadafor.dashboard.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Debian Chromium and its driver (installed by {@code .ci/run}), headless, with a fresh
 * profile: a real browser enforcing the Content-Security-Policy, running the pages' scripts and
 * drawing their charts.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final Path profile;
    private final ChromeDriver driver;
    private final String base;

    public HeadlessChromium(int port) {
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=fr");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = "http://127.0.0.1:" + port;
    }

    public void signIn(String username, String password) {
        driver.get(base + "/login");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Opens a page and waits until its script has drawn it (or failed to). */
    public void open(String path) {
        driver.get(base + path);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            String ready = d.findElement(By.cssSelector("[data-page-data]")).getDomAttribute("data-ready");
            return ready != null;
        });
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(".chart-card"))
                .stream().allMatch(card -> "true".equals(card.getDomAttribute("data-drawn"))));
    }

    /** Opens any page and waits until it has loaded, and for a chart page until its script has drawn it. */
    public void visit(String path) {
        driver.get(base + path);
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (!driver.findElements(By.cssSelector("[data-page-data]")).isEmpty()) {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                    d.findElement(By.cssSelector("[data-page-data]")).getDomAttribute("data-ready") != null);
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(".chart-card"))
                    .stream().allMatch(card -> "true".equals(card.getDomAttribute("data-drawn"))));
        }
    }

    /** Clicks a link or a form's button and waits until the page it leads to has loaded. */
    public void follow(WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> gone(element));
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the element's page has been left. While the next page replaces it, Chromium may answer an
     * element's question with an inspector error rather than as stale: the element is gone all the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Lays pages out on a screen {@code width} CSS pixels wide; {@code phone}: as a phone does (its viewport, touch). */
    public void screen(int width, int height, boolean phone) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", phone));
    }

    /** The whole page (up to 5,000 px high) as it lays out {@code width} pixels wide, then the screen as it was. */
    public void screenshot(Path file, int width, boolean phone) {
        long height = (Long) script("return Math.min(document.documentElement.scrollHeight, 5000);");
        screen(width, (int) Math.max(phone ? 844 : 900, height), phone);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            screen(width, phone ? 844 : 900, phone);
        }
    }

    public String currentPath() {
        java.net.URI uri = java.net.URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    String ready() {
        return driver.findElement(By.cssSelector("[data-page-data]")).getDomAttribute("data-ready");
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** HTTP status of a same-origin GET made by the page, with its session. */
    long status(String path) {
        return (Long) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", path);
    }

    /** Pixels drawn on the chart's canvas (not transparent). */
    long paintedPixels(WebElement card) {
        return (Long) script("""
                var canvas = arguments[0].querySelector('canvas');
                if (!canvas) { return 0; }
                var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                var painted = 0;
                for (var i = 3; i < data.length; i += 4) { if (data[i] !== 0) { painted++; } }
                return painted;""", card);
    }

    /** The console's errors since the last call (CSP violations, script errors, failed requests). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    void screenshot(Path file) {
        long height = (Long) script("return Math.min(document.documentElement.scrollHeight, 4000);");
        driver.manage().window().setSize(new Dimension(1400, (int) Math.max(1000, height)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}

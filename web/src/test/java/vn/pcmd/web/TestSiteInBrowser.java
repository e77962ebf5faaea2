package vn.pcmd.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.pcmd.web.SiteFixture.PASSWORD;

/**
 * A real browser — Debian's chromium, driven headless through chromium-driver — signs in, opens an overview and an
 * indicator page, and checks that every chart image loaded and the Vietnamese text is there. Leaves screenshots under
 * {@code web/target/}. Needs the Debian packages {@code chromium} and {@code chromium-driver} (.ci/run installs them).
 */
class TestSiteInBrowser {
    private static final Path CHROMIUM = Path.of(System.getProperty("pcmd.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("pcmd.chromedriver", "/usr/bin/chromedriver"));

    private static SiteServer site;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("chromium is needed by this test: apt-get install chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is needed by this test: apt-get install chromium chromium-driver").isExecutable();
        SiteFixture fixture = SiteFixture.shared();
        site = fixture.server(fixture.warehouse()).start("127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,2000", "--lang=vi");
        // the Debian driver, never Selenium Manager (which would try to download one)
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aLeaderSignsInAndSeesEveryChart() throws Exception {
        String origin = "http://127.0.0.1:" + site.port();
        browser.get(origin + "/units/48");
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        browser.findElement(By.name("username")).sendKeys(SiteFixture.VIEWER);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.login button")).click();

        // back where the leader was going
        for (int attempt = 0; attempt < 100 && browser.getCurrentUrl().contains("/login"); attempt++) {
            Thread.sleep(100);
        }
        assertThat(browser.getCurrentUrl()).as(browser.getPageSource()).isEqualTo(origin + "/units/48");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thành phố Đà Nẵng");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Chỉ tiêu chính", "Tổng số người vi phạm", "Mức đạt chỉ tiêu", "Chất lượng số liệu");
        assertEveryImageLoaded();
        screenshot("site-overview.png");

        browser.findElement(By.linkText("Chi tiết")).click();
        assertThat(browser.getCurrentUrl()).contains("/units/48/indicators/");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Xu hướng 2021–2025", "Xếp hạng các đơn vị", "Mức đạt chỉ tiêu");
        List<WebElement> images = assertEveryImageLoaded();
        assertThat(images).hasSize(4);
        screenshot("site-indicator.png");
    }

    /** Scrolls every image into view (they load lazily), waits for them, and checks each decoded to a real picture. */
    private static List<WebElement> assertEveryImageLoaded() throws InterruptedException {
        List<WebElement> images = browser.findElements(By.cssSelector("figure img"));
        assertThat(images).isNotEmpty();
        JavascriptExecutor script = browser;
        for (WebElement image : images) {
            script.executeScript("arguments[0].scrollIntoView()", image);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (WebElement image : images) {
            while (!Boolean.TRUE.equals(script.executeScript("return arguments[0].complete", image)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Number width = (Number) script.executeScript("return arguments[0].naturalWidth", image);
            assertThat(width.intValue()).as(image.getAttribute("src")).isGreaterThan(0);
            assertThat(image.getAttribute("alt")).isNotBlank();
        }
        script.executeScript("window.scrollTo(0, 0)");
        return images;
    }

    private static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}

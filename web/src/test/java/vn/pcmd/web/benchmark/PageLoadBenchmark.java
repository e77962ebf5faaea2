package vn.pcmd.web.benchmark;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The overview page in headless Chromium, timed from navigation start until the load event — when the page and all
 * its chart images have loaded — for a running site (benchmarks/site.sh starts one). The first load finds the server's
 * chart cache empty for that page (cold renders); the next ones find it warm. Browser cache disabled, so every load
 * fetches every image.
 *
 * <p>usage: PageLoadBenchmark ORIGIN USER PASSWORD PATH [LOADS]
 */
public final class PageLoadBenchmark {
    private PageLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String origin = args[0];
        String user = args[1];
        String password = args[2];
        String path = args[3];
        int loads = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(System.getProperty("pcmd.chromium", "/usr/bin/chromium")));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,3000", "--disk-cache-size=0");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(System.getProperty("pcmd.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            browser.get(origin + "/login");
            browser.findElement(By.name("username")).sendKeys(user);
            browser.findElement(By.name("password")).sendKeys(password);
            browser.findElement(By.cssSelector("form.login button")).click();
            browser.executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", true));
            JavascriptExecutor script = browser;
            for (int load = 1; load <= loads; load++) {
                browser.get(origin + path);
                List<WebElement> images = browser.findElements(By.cssSelector("img"));
                long broken = images.stream().filter(image -> ((Number) script.executeScript("return arguments[0].naturalWidth", image)).intValue() == 0).count();
                Number millis = (Number) script.executeScript(
                        "const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;");
                System.out.printf(Locale.ROOT, "page load %d (%s): %.0f ms, %d images, %d not loaded%n", load, load == 1 ? "server cache cold" : "server cache warm",
                        millis.doubleValue(), images.size(), broken);
            }
        }
        finally {
            browser.quit();
        }
    }
}

package se.samplan.server;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium for the tests: Debian's chromium and chromium-driver ({@code .ci/run} installs them), a
 * fresh profile in the given folder, at phone width (375 px).
 */
public final class Chromium {

	private Chromium() {}

	public static WebDriver start(Path profile) {
		assertThat(new File("/usr/bin/chromedriver")).as("Debian packages chromium and chromium-driver (see README)").exists();
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
						"--user-data-dir=" + profile)
				// A phone's viewport: desktop Chromium will not make a window narrower than 500 px.
				.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", 375, "height", 812, "pixelRatio", 2.0)));
		ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
		return new ChromeDriver(service, options);
	}
}

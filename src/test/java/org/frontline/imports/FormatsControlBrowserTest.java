package org.frontline.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.web.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** The map's Export / import box in headless Chromium: a download link per format (a zipped shapefile too), an import with progress. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/formatsbrowser-${random.uuid}.db",
            "frontline.demo.load=false"
        })
class FormatsControlBrowserTest extends BrowserSupport {
    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    @TempDir
    Path dir;

    @Test
    void anAnalystExportsALayerAndImportsAnAcledFileWatchingItsProgress() throws Exception {
        layers.ensureLayer("acled", "ACLED events", LayerKind.EVENT, "{}");
        if (!users.userExists("imp")) {
            users.createUser(User.withUsername("imp")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        }
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("imp");
        browser.findElement(By.name("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]"))
                .click();
        waitUpTo(20).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url("/?at=2019-08-23&layers=acled"));
        waitUpTo(30).until(d -> "true".equals(js("return document.getElementById('app').dataset.ready")));
        browser.findElement(By.cssSelector("#formats summary")).click();

        new Select(browser.findElement(By.id("export-layer"))).selectByValue("acled");
        new Select(browser.findElement(By.id("export-format"))).selectByVisibleText("GeoPackage");
        // the export follows the slider's date (an empty layer's slider stands at today, whatever the link said)
        String day = (String) js("return window.__frontline.view().at");
        assertThat(browser.findElement(By.id("export-link")).getAttribute("href"))
                .endsWith("/api/export/acled.gpkg?at=" + day);
        new Select(browser.findElement(By.id("export-scope"))).selectByValue("all");
        new Select(browser.findElement(By.id("export-format"))).selectByVisibleText("Shapefile (zipped, UTF-8)");
        String shp = browser.findElement(By.id("export-link")).getAttribute("href");
        assertThat(shp).endsWith("/api/export/acled.shp.zip");
        // what the link downloads: a zip (its first bytes "PK")
        assertThat(js(
                        "return fetch(arguments[0]).then(r => r.arrayBuffer())"
                                + ".then(b => String.fromCharCode(...new Uint8Array(b).slice(0, 2)));",
                        shp))
                .isEqualTo("PK");
        new Select(browser.findElement(By.id("export-format"))).selectByVisibleText("CSV for spreadsheets (UTF-8 BOM)");
        assertThat(browser.findElement(By.id("export-link")).getAttribute("href"))
                .endsWith("/api/export/acled.csv?bom=true");

        Path file = dir.resolve("acled.csv");
        Files.write(file, ImportsContract.resource("acled-idlib-2019.csv"));
        new Select(browser.findElement(By.id("import-layer"))).selectByValue("acled");
        browser.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.findElement(By.id("import-start")).click();
        waitUpTo(60).until(d -> d.findElement(By.id("import-status")).getText().startsWith("done"));
        assertThat(browser.findElement(By.id("import-status")).getText())
                .contains("10 rows read, 10 accepted, 0 refused");
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value"))
                .isEqualTo("100");

        browser.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.findElement(By.id("import-start")).click();
        waitUpTo(60).until(d -> d.findElement(By.id("import-status")).getText().startsWith("done"));
        assertThat(browser.findElement(By.id("import-status")).getText()).contains("0 corrected, 10 unchanged");
        screenshot("formats-import-done.png");
        assertThat(consoleErrors()).isEmpty();
    }
}

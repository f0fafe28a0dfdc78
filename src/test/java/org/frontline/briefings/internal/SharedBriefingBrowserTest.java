package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.web.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** A share link plays in a browser that has no account, with anonymous reading switched off. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/sharedbrowser-${random.uuid}.db",
            "frontline.demo.load=true",
            "frontline.security.anonymous-read=false"
        })
class SharedBriefingBrowserTest extends BrowserSupport {

    @Autowired
    BriefingService briefings;

    @Test
    void shareLinkPlaysWithoutAnAccountAndStopsWhenRevoked() {
        browser.manage().deleteAllCookies();
        browser.get(url("/briefings/" + DemoBriefing.SLUG));
        assertThat(browser.getCurrentUrl()).contains("/login"); // no account: the normal page is closed

        String token = briefings.share(DemoBriefing.SLUG, "test").token();
        browser.get(url("/s/" + token + "#2"));
        waitUpTo(15).until(d -> "2".equals(js("return document.getElementById('briefing').dataset.frame")));
        assertThat((Long) js("return window.__briefing.drawn()")).isPositive();
        assertThat(browser.findElement(By.cssSelector(".frame-text:not([hidden])"))
                        .getText())
                .contains("observation posts");
        assertThat(browser.findElements(By.cssSelector(".topnav"))).isEmpty(); // no edit/export links for guests
        browser.findElement(By.id("next")).click();
        waitUpTo(15).until(d -> "3".equals(js("return document.getElementById('briefing').dataset.frame")));
        assertThat(consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();

        briefings.revoke(DemoBriefing.SLUG, token);
        browser.get(url("/s/" + token));
        assertThat(browser.getPageSource()).doesNotContain("id=\"briefing\"");
    }
}

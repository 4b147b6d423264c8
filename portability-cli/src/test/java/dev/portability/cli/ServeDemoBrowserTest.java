package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.web.Browser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code portability serve --demo} as a newcomer meets it, in real headless Chromium: the printed link opens the
 * page on the demo shop, and the shop's earlier backup previews with new rows, conflicts and rows REPLACE would
 * delete. Its screenshot is the one docs/web.md shows.
 */
@Tag("browser")
class ServeDemoBrowserTest {

    @TempDir
    Path temp;

    @Test
    void thePrintedLinkOpensThePageOnTheDemoShopAndItsBackupPreviews() throws Exception {
        try (Browser browser = Browser.start(temp.resolve("downloads"));
                ServeCommandTest.Serving serving = new ServeCommandTest.Serving(new String[] {"serve", "--demo",
                    "--json"})) {
            browser.driver().get(serving.started.get("url").asText());

            browser.await("the statistics", d -> !browser.findAll("#stats-total").isEmpty());
            assertThat(browser.driver().getCurrentUrl()).as("the token is traded for a cookie")
                    .isEqualTo(serving.base().toString());
            assertThat(browser.driver().getTitle()).isEqualTo("Export and import demo-shop – Portability");
            assertThat(browser.findAll("#stats-body tbody tr")).hasSize(DemoShop.TABLES.size());

            browser.find("#file").sendKeys(serving.started.get("backup").asText());
            browser.await("the archive's check", d -> browser.find("#archive-result").getText()
                    .startsWith("Valid: " + ServeDemo.BACKUP));
            browser.find("label[for=policy-skip]").click();
            browser.find("#preview-start").click();
            browser.await("the preview", d -> !browser.findAll("#preview-table").isEmpty());

            List<WebElement> totals = browser.find("#preview-table").findElements(By.cssSelector("tfoot td"));
            long newRows = number(totals.get(1).getText());
            long conflicts = number(totals.get(2).getText());
            long deleted = number(totals.get(5).getText());
            assertThat(newRows).as("reviews deleted since the backup").isPositive();
            assertThat(conflicts).as("rows the backup and the shop share").isPositive();
            assertThat(deleted).as("rows added since the backup").isPositive();
            browser.assertAccessible("serve --demo, preview");
            browser.screenshot("serve-demo-preview");
        }
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }
}

package dev.portability.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The handler's rules that need no server: file names, content disposition, origins, shown upload names. */
class WebHandlerRulesTest {

    private static final Instant TIME = Instant.parse("2026-11-30T06:57:00.123Z");

    @Test
    void anExportIsNamedForTheApplicationAndTheUtcTimeMadeSafeForAFileName() {
        assertThat(WebHandler.fileName("shop", TIME)).isEqualTo("shop-20261130T065700Z.zip");
        assertThat(WebHandler.fileName("../etc/passwd", TIME)).isEqualTo("etc_passwd-20261130T065700Z.zip");
        assertThat(WebHandler.fileName("my shop: \"prod\"\u0000", TIME)).isEqualTo("my_shop___prod__-20261130T065700Z.zip");
        assertThat(WebHandler.fileName("...", TIME)).isEqualTo("export-20261130T065700Z.zip");
        assertThat(WebHandler.fileName("Läden", TIME)).isEqualTo("Läden-20261130T065700Z.zip");
        assertThat(WebHandler.fileName("x".repeat(300), TIME)).hasSize(100 + "-20261130T065700Z.zip".length());
    }

    @Test
    void theDispositionHasAnAsciiNameAndTheExactNameAsRfc6266FilenameStar() {
        assertThat(WebHandler.contentDisposition("shop-20261130T065700Z.zip"))
                .isEqualTo("attachment; filename=\"shop-20261130T065700Z.zip\"; "
                        + "filename*=UTF-8''shop-20261130T065700Z.zip");
        assertThat(WebHandler.contentDisposition("Läden €.zip"))
                .isEqualTo("attachment; filename=\"L_den _.zip\"; filename*=UTF-8''L%C3%A4den%20%E2%82%AC.zip");
    }

    @Test
    void originsCompareBySchemeHostAndPortWithDefaultPortsLeftOut() {
        assertThat(WebHandler.origin("HTTPS://Shop.Example:443")).isEqualTo("https://shop.example");
        assertThat(WebHandler.origin("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(WebHandler.origin("http://[::1]:80")).isEqualTo("http://[::1]");
        assertThat(WebHandler.origin("null")).isNull();
        assertThat(WebHandler.origin("file:///etc")).isNull();
        assertThat(WebHandler.origin("https://shop.example/path")).isNull();
    }

    @Test
    void anUploadsShownNameIsItsLastSegmentWithoutControlCharacters() {
        assertThat(WebHandler.displayName("backup%20%E2%80%93%20May.zip")).isEqualTo("backup – May.zip");
        assertThat(WebHandler.displayName("C:\\Users\\ann\\shop.zip")).isEqualTo("shop.zip");
        assertThat(WebHandler.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(WebHandler.displayName("a\u0000b\u202Ec.zip")).isEqualTo("abc.zip");
        assertThat(WebHandler.displayName("100%.zip")).isEqualTo("100%.zip");
        assertThat(WebHandler.displayName(" ")).isNull();
        assertThat(WebHandler.displayName(null)).isNull();
    }
}

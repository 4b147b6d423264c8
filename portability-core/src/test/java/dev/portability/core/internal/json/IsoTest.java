package dev.portability.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fast ISO parser agrees with the JDK's on every form it accepts, and leaves the rest to the JDK. */
class IsoTest {

    private static <T> void agrees(List<String> texts, Function<String, T> fast, Function<String, T> jdk) {
        for (String text : texts) {
            T ours;
            try {
                ours = fast.apply(text);
            } catch (DateTimeException e) {
                assertThatThrownBy(() -> jdk.apply(text)).as(text).isInstanceOf(DateTimeException.class);
                continue;
            }
            if (ours != null) {
                assertThat(ours).as(text).isEqualTo(jdk.apply(text));
            }
        }
    }

    @Test
    void datesAgreeWithTheJdk() {
        agrees(List.of("2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2024-13-01", "2024-00-10",
                "+10000-01-01", "-0001-01-01", "2024-1-01", "2024-01-0a", "2024/01/01"), Iso::date, LocalDate::parse);
        assertThat(Iso.date("+10000-01-01")).isNull();
    }

    @Test
    void timesAgreeWithTheJdk() {
        agrees(List.of("00:00", "23:59", "23:59:59", "23:59:60", "24:00", "12:30:15.1", "12:30:15.123456789",
                "12:30:15.1234567891", "12:30:15.", "1:30", "12:3a:00", "12:30:15,5"), Iso::time, LocalTime::parse);
        assertThat(Iso.time("12:30:15.000001")).isEqualTo(LocalTime.of(12, 30, 15, 1000));
    }

    @Test
    void timestampsAgreeWithTheJdk() {
        agrees(List.of("2024-03-31T02:30", "2024-03-31T02:30:00", "2024-03-31T02:30:00.5", "2024-03-31 02:30:00",
                "2024-02-30T00:00", "2024-03-31T25:00"), Iso::dateTime, LocalDateTime::parse);
    }

    @Test
    void timestampsWithOffsetAgreeWithTheJdk() {
        agrees(List.of("2024-01-01T00:00Z", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123+05:30",
                "2024-01-01T00:00:00-08:00", "2024-01-01T00:00:00+18:00", "2024-01-01T00:00:00+19:00",
                "2024-01-01T00:00:00-00:00", "2024-01-01T00:00:00+05:30:15", "2024-01-01T00:00:00+0530",
                "2024-01-01T00:00:00z"), Iso::offsetDateTime, OffsetDateTime::parse);
        assertThat(Iso.offsetDateTime("2024-01-01T00:00:00+05:30:15")).isNull();
    }

    @Test
    void formattingMatchesTheJdksIsoFormatters() {
        java.util.Random random = new java.util.Random(7);
        java.time.format.DateTimeFormatter offsetFormat = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28));
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60), nano);
            java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds(
                    (random.nextInt(35) - 17) * 3600 + (i % 5 == 0 ? random.nextInt(3600) : (i % 3) * 1800));
            assertThat(Iso.format(date)).isEqualTo(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(date));
            assertThat(Iso.format(time)).isEqualTo(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME.format(time));
            LocalDateTime dateTime = LocalDateTime.of(date, time);
            assertThat(Iso.format(dateTime))
                    .isEqualTo(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime));
            OffsetDateTime offsetDateTime = OffsetDateTime.of(dateTime, offset);
            assertThat(Iso.format(offsetDateTime)).isEqualTo(offsetFormat.format(offsetDateTime));
        }
        assertThat(Iso.format(LocalDate.of(10_000, 1, 1))).isNull();
        assertThat(Iso.format(LocalDate.of(-1, 1, 1))).isNull();
    }
}

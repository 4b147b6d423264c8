package dev.portability.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MariaDB's date and time texts are read by hand (the fast path of the reading thread) into exactly the values
 * {@code java.time}'s own parsers give, and every text the hand-written reader does not take (zero dates, times
 * beyond a day, other shapes) still goes the general way, to the same value or native value as before.
 */
class MariaDbTemporalTextTest {

    private static final List<String> DATE_TIMES = List.of("2024-01-01 00:00:01", "2024-01-01 00:00:01.000000",
            "0000-01-01 00:00:00", "0001-01-01 00:00:00.000001", "1000-01-01 00:00:00", "9999-12-31 23:59:59",
            "9999-12-31 23:59:59.999999", "2024-02-29 12:00:00.5", "2024-02-29 12:00:00.50", "2024-02-29 12:00:00.500",
            "1970-01-01 00:00:01.000000", "2038-01-19 03:14:07.999999", "2000-02-29 23:59:59.0001",
            "2023-12-31 23:59:59.12345", "1900-02-28 10:20:30.123456");

    private static final List<String> NOT_TAKEN = List.of("0000-00-00 00:00:00", "0000-00-00 00:00:00.000000",
            "2020-05-00 10:00:00", "2020-00-15 10:00:00", "2023-02-29 10:00:00", "2024-13-01 00:00:00",
            "2024-04-31 00:00:00", "2024-01-01 24:00:00", "2024-01-01 23:60:00", "2024-01-01 23:59:60",
            "2024-01-01 00:00:00.", "2024-01-01 00:00:00.1234567", "2024-01-01T00:00:00", "2024-1-01 00:00:00",
            "2024-01-01 0:00:00", "+2024-01-01 00:00:00", "2024-01-01 00:00:0x", "2024-01-01 00:00:00.12a",
            "2024-01-01 00:00:00 ", "12024-01-01 00:00:00");

    @Test
    void aDateTimeTextIsReadToTheValueJavaTimeParsesFromIt() {
        for (String text : DATE_TIMES) {
            LocalDateTime expected = LocalDateTime.parse(text.replace(' ', 'T'));
            assertThat(MariaDbCodecs.dateTime(text)).as(text).isEqualTo(expected);
            assertThat(MariaDbCodecs.DATETIME.parse(text)).as(text).isEqualTo(expected);
            assertThat(MariaDbCodecs.TIMESTAMP_UTC.parse(text)).as(text)
                    .isEqualTo(OffsetDateTime.of(expected, ZoneOffset.UTC));
        }
        assertThat(MariaDbCodecs.dateTime("2024-02-29 12:00:00.5"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000));
        assertThat(MariaDbCodecs.dateTime("0001-01-01 00:00:00.000001"))
                .isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000));
    }

    @Test
    void whatTheHandWrittenReaderDoesNotTakeGoesTheGeneralWayAsBefore() {
        for (String text : NOT_TAKEN) {
            assertThat(MariaDbCodecs.dateTime(text)).as(text).isNull();
        }
        assertThat(MariaDbCodecs.DATETIME.parse("0000-00-00 00:00:00"))
                .isEqualTo(new dev.portability.api.NativeValue("mariadb", "0000-00-00 00:00:00"));
        assertThat(MariaDbCodecs.TIMESTAMP_UTC.parse("2020-05-00 10:00:00.500000"))
                .isEqualTo(new dev.portability.api.NativeValue("mariadb", "2020-05-00 10:00:00.500000"));
        assertThat(MariaDbCodecs.DATE.parse("2020-00-15"))
                .isEqualTo(new dev.portability.api.NativeValue("mariadb", "2020-00-15"));
        assertThat(MariaDbCodecs.TIME.parse("-00:00:01"))
                .isEqualTo(new dev.portability.api.NativeValue("mariadb", "-00:00:01"));
        assertThat(MariaDbCodecs.TIME.parse("838:59:59"))
                .isEqualTo(new dev.portability.api.NativeValue("mariadb", "838:59:59"));
        assertThat(MariaDbCodecs.TIME.parse("24:00:00"))
                .isEqualTo(new dev.portability.api.NativeValue("mariadb", "24:00:00"));
    }

    @Test
    void datesAndTimesOfDayAreReadToTheValuesJavaTimeParsesFromThem() {
        for (String text : List.of("0000-01-01", "0001-01-01", "1000-01-01", "2024-02-29", "9999-12-31")) {
            assertThat(MariaDbCodecs.date(text)).as(text).isEqualTo(LocalDate.parse(text));
            assertThat(MariaDbCodecs.DATE.parse(text)).as(text).isEqualTo(LocalDate.parse(text));
        }
        for (String text : List.of("0000-00-00", "2023-02-29", "2024-00-01", "2024-1-1", "2024-01-01 ")) {
            assertThat(MariaDbCodecs.date(text)).as(text).isNull();
        }
        for (String text : List.of("00:00:00", "23:59:59", "23:59:59.999999", "00:00:00.000001", "12:00:00.5",
                "12:34:56.1234")) {
            assertThat(MariaDbCodecs.time(text, 0)).as(text).isEqualTo(LocalTime.parse(text));
            assertThat(MariaDbCodecs.TIME.parse(text)).as(text).isEqualTo(LocalTime.parse(text));
        }
    }

    /**
     * Texts of every shape near MariaDB's (random digits, months and days out of range, fractions of 0 to 7
     * digits): wherever the hand-written reader gives a value, {@code java.time} gives the same, and wherever
     * {@code java.time} reads a text of MariaDB's shape, so does the hand-written reader.
     */
    @Test
    void onRandomTextsTheHandWrittenReaderAgreesWithJavaTime() {
        SplittableRandom random = new SplittableRandom(17);
        int taken = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%04d-%02d-%02d %02d:%02d:%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            int fraction = random.nextInt(8);
            if (fraction > 0) {
                text.append('.');
                for (int d = 0; d < fraction; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            String candidate = text.toString();
            LocalDateTime expected;
            try {
                expected = LocalDateTime.parse(candidate.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                expected = null;
            }
            LocalDateTime fast = MariaDbCodecs.dateTime(candidate);
            if (fraction <= 6) {
                assertThat(fast).as(candidate).isEqualTo(expected);
            } else {
                assertThat(fast).as(candidate).isNull();
            }
            taken += fast != null ? 1 : 0;
        }
        assertThat(taken).isGreaterThan(50_000);
    }
}

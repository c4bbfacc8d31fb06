package io.github.jdbcv2.postgres.sink;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY text of date/time values, and that writing them allocates nothing per row. */
class PgCopyTextEncoderTest {

    private static final int ROWS = 20_000;

    @Test
    void writesEraSuffixedDatesAndMicrosecondTimes() {
        PgCopyTextEncoder encoder = new PgCopyTextEncoder(5, 256);
        encoder.beginRow();
        encoder.add(LocalDate.of(0, 1, 1))
                .add(LocalDateTime.of(10000, 1, 1, 0, 0, 0, 120_000_000))
                .add(
                        OffsetDateTime.of(
                                -4712,
                                1,
                                1,
                                0,
                                0,
                                0,
                                0,
                                ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15)))
                .add(Instant.ofEpochSecond(-62_135_596_801L)) // one second before 0001-01-01
                .add(LocalTime.of(23, 59, 59, 999_999_500));
        encoder.endRow();
        assertThat(new String(encoder.buffer(), 0, encoder.size(), StandardCharsets.US_ASCII))
                .isEqualTo(
                        "0001-01-01 BC\t10000-01-01 00:00:00.12\t4713-01-01 00:00:00-03:30:15 BC\t"
                                + "0001-12-31 23:59:59+00 BC\t24:00:00\n");
    }

    @Test
    void writesDatesAndTimesWithoutAllocating() {
        LocalDate[] dates = new LocalDate[ROWS];
        LocalDateTime[] timestamps = new LocalDateTime[ROWS];
        OffsetDateTime[] offsetTimestamps = new OffsetDateTime[ROWS];
        Instant[] instants = new Instant[ROWS];
        LocalTime[] times = new LocalTime[ROWS];
        for (int i = 0; i < ROWS; i++) {
            dates[i] = LocalDate.of(-4000 + i * 7, 1 + i % 12, 1 + i % 28);
            timestamps[i] =
                    dates[i].atTime(i % 24, i % 60, i % 60, (int) ((i * 7_919_001L) % 999_999_000));
            offsetTimestamps[i] = timestamps[i].atOffset(ZoneOffset.ofHoursMinutes(i % 14, 0));
            instants[i] = timestamps[i].toInstant(ZoneOffset.UTC);
            times[i] = timestamps[i].toLocalTime();
        }
        PgCopyTextEncoder encoder = new PgCopyTextEncoder(5, 1024);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Warm up (class loading, JIT) before measuring.
        encodeAll(encoder, dates, timestamps, offsetTimestamps, instants, times);
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        encodeAll(encoder, dates, timestamps, offsetTimestamps, instants, times);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated)
                .as("bytes allocated writing %s rows of five date/time values", ROWS)
                .isLessThan(4096);
    }

    private static void encodeAll(
            PgCopyTextEncoder encoder,
            LocalDate[] dates,
            LocalDateTime[] timestamps,
            OffsetDateTime[] offsetTimestamps,
            Instant[] instants,
            LocalTime[] times) {
        for (int i = 0; i < ROWS; i++) {
            encoder.beginRow();
            encoder.add(dates[i])
                    .add(timestamps[i])
                    .add(offsetTimestamps[i])
                    .add(instants[i])
                    .add(times[i]);
            encoder.endRow();
            encoder.reset();
        }
    }
}

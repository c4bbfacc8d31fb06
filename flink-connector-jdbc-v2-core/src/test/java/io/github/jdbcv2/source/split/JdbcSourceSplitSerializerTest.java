package io.github.jdbcv2.source.split;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSourceSplitSerializerTest {

    private static JdbcSourceSplit roundTrip(JdbcSourceSplit split) throws Exception {
        JdbcSourceSplitSerializer serializer = JdbcSourceSplitSerializer.INSTANCE;
        return serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
    }

    @Test
    void roundTripsEveryParameterType() throws Exception {
        Object[] parameters = {
            null,
            1L,
            2,
            (short) 3,
            (byte) 4,
            5.5d,
            6.5f,
            new BigDecimal("-123.4500"),
            new BigInteger("98765432109876543210"),
            "text ü",
            true,
            UUID.randomUUID(),
            LocalDate.of(2024, 2, 29),
            LocalDateTime.of(2024, 1, 1, 12, 0, 0, 123456789),
            LocalTime.of(23, 59, 59, 1),
            OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 5, ZoneOffset.ofHours(3)),
            Instant.ofEpochSecond(-5, 7),
            java.sql.Date.valueOf("2020-05-06"),
            Timestamp.valueOf("2021-01-02 03:04:05.6"),
            new byte[] {1, 2, 3}
        };
        JdbcSourceSplit split =
                new JdbcSourceSplit("s-1", "SELECT * FROM t WHERE a > ?", parameters);
        JdbcSourceSplit copy = roundTrip(split);
        assertThat(copy).isEqualTo(split);
        assertThat(copy.getParameters()).hasSize(parameters.length);
    }

    @Test
    void roundTripsKeysAndPositions() throws Exception {
        JdbcSourceSplit keyed =
                new JdbcSourceSplit(
                                "range-3",
                                "SELECT 1",
                                new Object[] {Long.MIN_VALUE, Long.MAX_VALUE})
                        .withKey("id", KeyType.LONG, true)
                        .withPosition(12345, Long.MAX_VALUE, 1);
        assertThat(roundTrip(keyed)).isEqualTo(keyed);
        JdbcSourceSplit ties =
                new JdbcSourceSplit("q", "SELECT 1", null)
                        .withKey("\"Name\"", KeyType.STRING, false)
                        .withPosition(7, "b", 3);
        JdbcSourceSplit copy = roundTrip(ties);
        assertThat(copy).isEqualTo(ties);
        assertThat(copy.getLastKeyCount()).isEqualTo(3);
        assertThat(copy.isKeyUnique()).isFalse();
    }

    @Test
    void roundTripsLongSql() throws Exception {
        String sql = "SELECT " + "x".repeat(100_000);
        assertThat(roundTrip(new JdbcSourceSplit("big", sql, null)).getSql()).isEqualTo(sql);
    }

    @Test
    void rejectsAnUnknownVersion() throws Exception {
        byte[] bytes =
                JdbcSourceSplitSerializer.INSTANCE.serialize(
                        new JdbcSourceSplit("a", "SELECT 1", null));
        assertThatThrownBy(() -> JdbcSourceSplitSerializer.INSTANCE.deserialize(99, bytes))
                .hasMessageContaining("Unsupported JDBC source split version 99");
    }

    @Test
    void stateTracksPositionAndTiesAndReturnsToASplit() {
        JdbcSourceSplit split =
                new JdbcSourceSplit("a", "SELECT 1", null).withKey("k", KeyType.LONG, false);
        JdbcSourceSplitState state = new JdbcSourceSplitState(split);
        state.getPosition().advance(5);
        state.getPosition().advance(7);
        state.getPosition().advance(7);
        JdbcSourceSplit at = state.toSplit();
        assertThat(at.getOffset()).isEqualTo(3);
        assertThat(at.getLastKey()).isEqualTo(7L);
        assertThat(at.getLastKeyCount()).isEqualTo(2);
        JdbcSourceSplitState resumed = new JdbcSourceSplitState(at);
        resumed.getPosition().advance(7);
        assertThat(resumed.toSplit().getLastKeyCount()).isEqualTo(3);
        resumed.getPosition().advance(8);
        assertThat(resumed.toSplit().getLastKeyCount()).isEqualTo(1);
        assertThat(resumed.toSplit().getOffset()).isEqualTo(5);
    }

    @Test
    void keyTypeNamesTheSupportedTypes() {
        assertThat(KeyType.of(Integer.class)).isEqualTo(KeyType.LONG);
        assertThat(KeyType.of(UUID.class)).isEqualTo(KeyType.UUID);
        assertThatThrownBy(() -> KeyType.of(Double.class))
                .hasMessageContaining("java.lang.Double")
                .hasMessageContaining("LocalDateTime");
    }
}

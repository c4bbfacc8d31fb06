package io.github.jdbcv2.postgres.source;

import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.source.JdbcSourceBuilder;

import org.apache.flink.api.common.typeinfo.Types;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PostgreSQL URL gets the COPY reader unless bulk reads are turned off. */
class PgBulkReadSelectionTest {

    private static JdbcSourceBuilder<Long> builder(String url) {
        return JdbcSource.<Long>builder()
                .setDBUrl(url)
                .setSql("SELECT id FROM t")
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG);
    }

    @Test
    void postgresUrlsReadThroughCopyByDefault() {
        JdbcSource<Long> source = builder("jdbc:postgresql://localhost:5432/db").build();
        assertThat(source.getBulkQueryReader()).isInstanceOf(PgCopyQueryReader.class);
        assertThat(source.toString()).contains("bulkRead=PgCopyQueryReader");
    }

    @Test
    void bulkReadsCanBeTurnedOff() {
        JdbcSource<Long> source =
                builder("jdbc:postgresql://localhost:5432/db").setBulkReadEnabled(false).build();
        assertThat(source.getBulkQueryReader()).isNull();
        assertThat(source.toString()).doesNotContain("bulkRead");
    }
}

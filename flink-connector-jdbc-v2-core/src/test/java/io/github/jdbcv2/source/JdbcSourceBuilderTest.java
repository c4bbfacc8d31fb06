package io.github.jdbcv2.source;

import io.github.jdbcv2.source.enumerator.JdbcSplitAssigners;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;

import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails at build time, naming the option, the value and what is valid. */
class JdbcSourceBuilderTest {

    private static JdbcSourceBuilder<Long> valid() {
        return JdbcSource.<Long>builder()
                .setDBUrl("jdbc:postgresql://localhost:5432/db")
                .setUsername("user")
                .setPassword("s3cret-password")
                .setSql("SELECT id FROM t")
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG);
    }

    @Test
    void validBuilderBuildsAndHidesThePassword() {
        JdbcSource<Long> source = valid().setPartitioning("id", 4).build();
        assertThat(source.getReadOptions().getFetchSize()).isEqualTo(10_000);
        assertThat(source.getReadOptions().isAutoCommit()).isFalse();
        assertThat(source.toString()).doesNotContain("s3cret-password");
    }

    @Test
    void withoutADialectModuleOnTheClasspathSplitsAreReadWithACursor() {
        // The core module's tests have no dialect of ours: no bulk reader, and no error either.
        assertThat(valid().build().getBulkQueryReader()).isNull();
    }

    @Test
    void missingSql() {
        assertThatThrownBy(() -> valid().setSql(null).build()).hasMessageContaining("'sql'");
        assertThatThrownBy(() -> valid().setSql("  ").build()).hasMessageContaining("'sql'");
    }

    @Test
    void placeholdersWithoutParameters() {
        assertThatThrownBy(
                        () -> valid().setSql("SELECT id FROM t WHERE id > ? AND s = '?'").build())
                .hasMessageContaining("1 placeholder(s)")
                .hasMessageContaining("setParameterValues");
        assertThatThrownBy(
                        () ->
                                valid().setSql("SELECT id FROM t WHERE id BETWEEN ? AND ?")
                                        .setParameterValues(new Object[][] {{1L}})
                                        .build())
                .hasMessageContaining("set 0 has 1 value(s) but the SQL has 2 placeholder(s)");
        // Quoted and commented question marks are not placeholders.
        assertThat(valid().setSql("SELECT '?' AS q, \"a?\" FROM t -- ?\n /* ? */").build())
                .isNotNull();
    }

    @Test
    void partitioningProblems() {
        assertThatThrownBy(() -> valid().setPartitioning("  ", 4).build())
                .hasMessageContaining("partition column");
        assertThatThrownBy(() -> valid().setPartitioning("id", 0).build())
                .hasMessageContaining("Invalid number of partitions for column 'id': 0");
        assertThatThrownBy(() -> valid().setPartitioning("id", 4, 10, 5).build())
                .hasMessageContaining("lower bound 10 is greater than upper bound 5");
        assertThatThrownBy(() -> valid().setPartitioning("price", 4, Double.class).build())
                .hasMessageContaining("Unsupported key type 'java.lang.Double'");
        assertThatThrownBy(
                        () ->
                                valid().setPartitioning("id", 4)
                                        .setParameterValues(new Object[][] {{}})
                                        .build())
                .hasMessageContaining("Conflicting JDBC source options");
    }

    @Test
    void pagingNeedsAUniqueKeyAndAPositiveSize() {
        assertThatThrownBy(() -> valid().setPageSize(100).build())
                .hasMessageContaining("'pageSize' = 100")
                .hasMessageContaining("setUniqueKey");
        assertThatThrownBy(() -> valid().setPageSize(-1).setUniqueKey("id", Long.class).build())
                .hasMessageContaining("'pageSize': -1");
        assertThat(
                        valid().setPageSize(100)
                                .setUniqueKey("id", Long.class)
                                .build()
                                .getReadOptions()
                                .getPageSize())
                .isEqualTo(100);
        assertThat(valid().build().getReadOptions().getPageSize()).isZero();
    }

    @Test
    void readOptionProblems() {
        assertThatThrownBy(
                        () -> valid().setResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE).build())
                .hasMessageContaining("'resultSetType'")
                .hasMessageContaining("TYPE_FORWARD_ONLY");
        assertThatThrownBy(
                        () -> valid().setResultSetConcurrency(ResultSet.CONCUR_UPDATABLE).build())
                .hasMessageContaining("'resultSetConcurrency'");
        assertThatThrownBy(() -> valid().setResultSetFetchSize(-1).build())
                .hasMessageContaining("'resultSetFetchSize': -1")
                .hasMessageContaining("0 (the driver's default)");
        assertThat(valid().setResultSetFetchSize(0).build().getReadOptions().getFetchSize())
                .as(
                        "0 leaves the fetch size to the driver, as JDBC and the SQL option scan.fetch-size")
                .isZero();
        assertThatThrownBy(() -> valid().setSplitReaderFetchBatchSize(-1).build())
                .hasMessageContaining("'splitReaderFetchBatchSize': -1");
        assertThatThrownBy(() -> valid().setMaxReconnectAttempts(-1).build())
                .hasMessageContaining("'maxReconnectAttempts'");
        assertThatThrownBy(() -> valid().setDeliveryGuarantee(null).build())
                .hasMessageContaining("'deliveryGuarantee'");
        assertThatThrownBy(() -> valid().setResultExtractor(null).build())
                .hasMessageContaining("'resultExtractor'");
        assertThatThrownBy(() -> valid().setTypeInformation(null).build())
                .hasMessageContaining("'typeInformation'");
        assertThatThrownBy(() -> valid().setDBUrl("postgres://x").build())
                .hasMessageContaining("'url'");
    }

    @Test
    void continuousModeProblems() {
        ContinuousUnBoundingSettings settings =
                new ContinuousUnBoundingSettings(Duration.ZERO, Duration.ofSeconds(1));
        assertThatThrownBy(() -> valid().setContinuousUnBoundingSettings(settings).build())
                .hasMessageContaining("'increasingColumn'");
        assertThatThrownBy(() -> valid().setIncreasingColumn("id", Long.class).build())
                .hasMessageContaining("continuous mode is not");
        assertThatThrownBy(
                        () ->
                                valid().setContinuousUnBoundingSettings(settings)
                                        .setIncreasingColumn("id", Long.class)
                                        .setJdbcSqlSplitAssignerProvider(
                                                JdbcSplitAssigners.single())
                                        .build())
                .hasMessageContaining("Conflicting");
        assertThatThrownBy(() -> new ContinuousUnBoundingSettings(Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("discovery interval");
        assertThat(
                        valid().setContinuousUnBoundingSettings(settings)
                                .setIncreasingColumn("id", Long.class)
                                .setUniqueKey("id", Long.class)
                                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                .build()
                                .getBoundedness())
                .isEqualTo(org.apache.flink.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void exactlyOnceNeedsADeclaredUniqueKey() {
        // Resuming inside a run of equal keys (or by a row count over an order that is not total)
        // repeats and loses rows.
        for (JdbcSourceBuilder<Long> noKey :
                List.of(
                        valid(),
                        valid().setJdbcSqlSplitAssignerProvider(
                                        JdbcSplitAssigners.numericRange("k", 4)),
                        valid().setParameterValues(new Object[][] {{1L}})
                                .setSql("SELECT id FROM t WHERE id > ?"))) {
            assertThatThrownBy(
                            () ->
                                    noKey.setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("EXACTLY_ONCE")
                    .hasMessageContaining("setUniqueKey(")
                    .hasMessageContaining("AT_LEAST_ONCE");
        }
        assertThat(
                        valid().setJdbcSqlSplitAssignerProvider(
                                        JdbcSplitAssigners.numericRange("k", 4))
                                .setUniqueKey("id", Long.class)
                                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                .build())
                .isNotNull();
    }

    @Test
    void columnNamesMustBeIdentifiers() {
        String injection = "id; DROP TABLE t";
        assertThatThrownBy(() -> valid().setUniqueKey(injection, Long.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'uniqueKey'")
                .hasMessageContaining(injection);
        assertThatThrownBy(
                        () ->
                                valid().setContinuousUnBoundingSettings(
                                                new ContinuousUnBoundingSettings(
                                                        Duration.ZERO, Duration.ofSeconds(1)))
                                        .setIncreasingColumn("id > 0 OR 1", Long.class)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'increasingColumn'");
        assertThatThrownBy(() -> valid().setPartitioning("id) OR (1 = 1", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'partitionColumn'");
        assertThatThrownBy(() -> valid().setPartitioning("id -- x", 4, String.class))
                .hasMessageContaining("'partitionColumn'");
        assertThatThrownBy(() -> JdbcSplitAssigners.quantiles("\"unterminated", String.class, 3))
                .hasMessageContaining("'partitionColumn'");
        assertThatThrownBy(() -> JdbcSplitAssigners.incremental("a.", Long.class))
                .hasMessageContaining("'increasingColumn'");
        // Plain, qualified and quoted names are accepted.
        for (String column :
                List.of("id", "_id2", "o.id", "\"Mixed Case\"", "s.\"Odd \"\"Name\"\"\"", "`id`")) {
            assertThat(valid().setUniqueKey(column, Long.class)).as(column).isNotNull();
            assertThat(JdbcSplitAssigners.numericRange(column, 2)).as(column).isNotNull();
        }
    }

    @Test
    void theQueryIsOneStatement() {
        assertThatThrownBy(() -> valid().setSql("SELECT id FROM t; DELETE FROM t").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sql'")
                .hasMessageContaining("one query");
        // A trailing terminator, comments and semicolons inside literals are fine.
        assertThat(valid().setSql("SELECT id, ';' FROM t; -- done").build()).isNotNull();
        assertThat(valid().setSql("SELECT id, $$;$$ FROM t /* ; */ ;\n").build()).isNotNull();
    }

    @Test
    void increasingColumnLagProblems() {
        ContinuousUnBoundingSettings settings =
                new ContinuousUnBoundingSettings(Duration.ZERO, Duration.ofSeconds(1));
        assertThatThrownBy(() -> valid().setIncreasingColumnLag(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'increasingColumnLag': -5")
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> valid().setIncreasingColumnLag(Duration.ofSeconds(-1)))
                .hasMessageContaining("'increasingColumnLag': PT-1S")
                .hasMessageContaining("zero or positive duration");
        assertThatThrownBy(
                        () ->
                                valid().setContinuousUnBoundingSettings(settings)
                                        .setIncreasingColumn("id", Long.class)
                                        .setIncreasingColumnLag(Duration.ofSeconds(5))
                                        .build())
                .hasMessageContaining("'increasingColumnLag' = PT5S")
                .hasMessageContaining("increasing column 'id' of type Long")
                .hasMessageContaining("an integer column takes a count");
        assertThatThrownBy(
                        () ->
                                valid().setContinuousUnBoundingSettings(settings)
                                        .setIncreasingColumn(
                                                "created", java.time.LocalDateTime.class)
                                        .setIncreasingColumnLag(100)
                                        .build())
                .hasMessageContaining("'increasingColumnLag' = 100 values")
                .hasMessageContaining("a LocalDateTime column a Duration");
        assertThatThrownBy(() -> valid().setIncreasingColumnLag(100).build())
                .hasMessageContaining("'increasingColumnLag' = 100 values")
                .hasMessageContaining("setIncreasingColumn");
        assertThat(
                        valid().setContinuousUnBoundingSettings(settings)
                                .setIncreasingColumn("created", java.time.LocalDateTime.class)
                                .setIncreasingColumnLag(Duration.ofSeconds(30))
                                .build()
                                .getBoundedness())
                .isEqualTo(org.apache.flink.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED);
    }
}

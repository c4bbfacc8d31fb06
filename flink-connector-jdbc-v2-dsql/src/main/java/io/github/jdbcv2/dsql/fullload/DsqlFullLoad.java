package io.github.jdbcv2.dsql.fullload;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dsql.DsqlConfigOptions;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.sink.DsqlSink;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.source.JdbcSource;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The full load of {@code enable-full-load}: a partitioned, parallel read of a table from any JDBC
 * database into an Aurora DSQL table through the {@link DsqlSink} preset of the core sink (upserts
 * on the key, so a restarted load converges).
 */
@PublicEvolving
public final class DsqlFullLoad {

    /** Splits per unit of parallelism, so fast readers take over the ranges of slow ones. */
    private static final int SPLITS_PER_READER = 4;

    private DsqlFullLoad() {}

    /**
     * Adds to {@code env} a job reading every column of {@code sourceTable} (split into ranges of
     * the integer, unique {@code keyColumn}, with {@code parallelism} readers and writers from the
     * DSQL options) and upserting the rows into {@code targetTable}, which must have the same
     * column names and {@code keyColumn} as primary key. Column names are read from the source
     * table now, on the client; values travel as JDBC objects.
     *
     * @throws IllegalArgumentException when {@code enable-full-load} is false or the source table
     *     cannot be read
     */
    public static DataStreamSink<Object[]> copyTable(
            StreamExecutionEnvironment env,
            JdbcConnectionOptions sourceOptions,
            String sourceTable,
            String keyColumn,
            DsqlConnectionOptions dsqlOptions,
            String targetTable) {
        if (!dsqlOptions.isEnableFullLoad()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL option '"
                            + DsqlConfigOptions.ENABLE_FULL_LOAD.key()
                            + "' = false: DsqlFullLoad.copyTable "
                            + "runs the initial full load; set "
                            + DsqlConfigOptions.ENABLE_FULL_LOAD.key()
                            + " to true.");
        }
        SourceColumns sourceColumns = columnsOf(sourceOptions, sourceTable);
        List<String> columns = sourceColumns.names;
        int keyIndex = indexOf(columns, keyColumn, sourceTable);
        int parallelism = dsqlOptions.getParallelism();
        String select = "SELECT " + sourceColumns.quotedList() + " FROM " + sourceTable;
        int width = columns.size();
        JdbcSource<Object[]> source =
                JdbcSource.<Object[]>builder()
                        .setConnectionProvider(new SimpleJdbcConnectionProvider(sourceOptions))
                        .setSql(select)
                        .setResultExtractor(rs -> readRow(rs, width))
                        .setTypeInformation(TypeInformation.of(Object[].class))
                        .setPartitioning(keyColumn, parallelism * SPLITS_PER_READER)
                        .setUniqueKey(keyColumn, Long.class)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        JdbcSink<Object[]> sink =
                DsqlSink.<Object[]>builder(dsqlOptions)
                        .withUpsert(
                                targetTable,
                                columns,
                                List.of(columns.get(keyIndex)),
                                (ps, row) -> {
                                    for (int i = 0; i < row.length; i++) {
                                        ps.setObject(i + 1, row[i]);
                                    }
                                },
                                row -> row[keyIndex])
                        .build();
        return env.fromSource(
                        source, WatermarkStrategy.noWatermarks(), "full load of " + sourceTable)
                .setParallelism(parallelism)
                .sinkTo(sink)
                .name("DSQL upsert into " + targetTable)
                .setParallelism(parallelism);
    }

    private static Object[] readRow(ResultSet rs, int width) throws SQLException {
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
            row[i] = rs.getObject(i + 1);
        }
        return row;
    }

    /** The source table's column names and the source database's identifier quote. */
    private static final class SourceColumns {
        final List<String> names;
        final String quote;

        SourceColumns(List<String> names, String quote) {
            this.names = names;
            this.quote = quote;
        }

        /** The names quoted for the source database, so mixed case and reserved words survive. */
        String quotedList() {
            StringBuilder list = new StringBuilder();
            for (String name : names) {
                if (list.length() > 0) {
                    list.append(", ");
                }
                list.append(quote).append(name.replace(quote, quote + quote)).append(quote);
            }
            return list.toString();
        }
    }

    private static SourceColumns columnsOf(
            JdbcConnectionOptions sourceOptions, String sourceTable) {
        try (SimpleJdbcConnectionProvider provider =
                        new SimpleJdbcConnectionProvider(sourceOptions);
                Connection c = provider.getOrEstablishConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + sourceTable + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String quote = c.getMetaData().getIdentifierQuoteString();
            return new SourceColumns(columns, quote == null || quote.trim().isEmpty() ? "" : quote);
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "Full load: could not read the columns of source table '"
                            + sourceTable
                            + "' ("
                            + e.getClass().getSimpleName()
                            + "); check the table name and the source connection.",
                    e);
        }
    }

    private static int indexOf(List<String> columns, String keyColumn, String table) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(keyColumn)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "Invalid full-load option 'keyColumn': '"
                        + keyColumn
                        + "' is not a column of '"
                        + table
                        + "'; columns: "
                        + columns
                        + ".");
    }
}

package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.cdc.common.data.RecordData;
import org.apache.flink.cdc.common.data.binary.BinaryStringData;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.schema.Schema;
import org.apache.flink.cdc.common.types.DataType;
import org.apache.flink.cdc.common.types.DataTypes;
import org.apache.flink.cdc.runtime.typeutils.BinaryRecordDataGenerator;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Row changes: the SQL they run, how a flush collapses them, and tables that cannot be written. */
class DsqlRowChangesTest {

    private static final Schema SCHEMA =
            Schema.newBuilder()
                    .physicalColumn("id", DataTypes.INT().notNull())
                    .physicalColumn("Na\"me", DataTypes.STRING())
                    .primaryKey("id")
                    .build();

    private static final BinaryRecordDataGenerator ROWS =
            new BinaryRecordDataGenerator(SCHEMA.getColumnDataTypes().toArray(new DataType[0]));

    private static RecordData row(int id, String name) {
        return ROWS.generate(new Object[] {id, BinaryStringData.fromString(name)});
    }

    @Test
    void quotesNamesAndUpsertsAndDeletesByKey() {
        DsqlTableWriter writer = DsqlTableWriter.of(TableId.tableId("My Schema", "t"), SCHEMA);

        assertThat(writer.upsertSql)
                .isEqualTo(
                        "INSERT INTO \"My Schema\".\"t\" (\"id\", \"Na\"\"me\") VALUES (?, ?)"
                                + " ON CONFLICT (\"id\") DO UPDATE SET \"Na\"\"me\" = EXCLUDED.\"Na\"\"me\"");
        assertThat(writer.deleteSql).isEqualTo("DELETE FROM \"My Schema\".\"t\" WHERE \"id\" = ?");
        assertThat(DsqlSql.createTable(TableId.tableId("t"), SCHEMA))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"public\".\"t\" (\"id\" integer NOT NULL,"
                                + " \"Na\"\"me\" text, PRIMARY KEY (\"id\"))");
    }

    @Test
    void aFlushKeepsTheLastChangeOfEachKeyGroupedByTable() {
        DsqlTableWriter a = DsqlTableWriter.of(TableId.tableId("s", "a"), SCHEMA);
        DsqlTableWriter b = DsqlTableWriter.of(TableId.tableId("s", "b"), SCHEMA);
        List<DsqlRowChange> changes =
                Arrays.asList(
                        a.upsert(row(1, "a1")),
                        b.upsert(row(1, "b1")),
                        a.upsert(row(2, "a2")),
                        a.upsert(row(1, "a1'")),
                        b.delete(row(1, "b1")),
                        a.delete(row(2, "a2")),
                        a.upsert(row(3, "a3")));

        List<String> collapsed =
                DsqlEventWriter.collapse(changes).stream()
                        .map(
                                c ->
                                        c.table.table.getTableName()
                                                + (c.delete ? " delete " : " upsert ")
                                                + Arrays.toString(c.values))
                        .collect(Collectors.toList());

        assertThat(collapsed)
                .containsExactly(
                        "a upsert [1, a1']", "a delete [2]", "a upsert [3, a3]", "b delete [1]");
    }

    @Test
    void refusesTablesWithoutKeyOrWithColumnsDsqlCannotStore() {
        assertThatThrownBy(
                        () ->
                                DsqlTableWriter.of(
                                        TableId.tableId("s", "nokey"),
                                        Schema.newBuilder()
                                                .physicalColumn("v", DataTypes.INT())
                                                .build()))
                .hasMessageContaining("s.nokey has no primary key");
        assertThatThrownBy(
                        () ->
                                DsqlTableWriter.of(
                                        TableId.tableId("s", "m"),
                                        Schema.newBuilder()
                                                .physicalColumn("id", DataTypes.INT().notNull())
                                                .physicalColumn(
                                                        "attrs",
                                                        DataTypes.MAP(
                                                                DataTypes.STRING(),
                                                                DataTypes.STRING()))
                                                .primaryKey("id")
                                                .build()))
                .hasMessageContaining("Column 'attrs' of table s.m has type MAP<STRING, STRING>");
    }

    @Test
    void optionsNeverShowThePassword() {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        options.put("host", "localhost");
        options.put("database", "postgres");
        options.put("use-iam-auth", "false");
        options.put("username", "writer");
        options.put("password", "s3cr3t-Pa55");
        options.put("sslmode", "disable");
        DsqlPipelineSinkConfig config = DsqlPipelineSinkConfig.of(options);

        assertThat(config.toString()).doesNotContain("s3cr3t-Pa55");
        assertThat(new DsqlEventSink(config).toString()).doesNotContain("s3cr3t-Pa55");
    }
}

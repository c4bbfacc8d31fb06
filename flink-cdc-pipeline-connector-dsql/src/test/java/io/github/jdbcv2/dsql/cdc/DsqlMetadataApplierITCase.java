package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;

import org.apache.flink.cdc.common.event.AddColumnEvent;
import org.apache.flink.cdc.common.event.AlterColumnTypeEvent;
import org.apache.flink.cdc.common.event.CreateTableEvent;
import org.apache.flink.cdc.common.event.DropColumnEvent;
import org.apache.flink.cdc.common.event.DropTableEvent;
import org.apache.flink.cdc.common.event.RenameColumnEvent;
import org.apache.flink.cdc.common.event.SchemaChangeEventType;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.event.TruncateTableEvent;
import org.apache.flink.cdc.common.exceptions.UnsupportedSchemaChangeEventException;
import org.apache.flink.cdc.common.schema.Column;
import org.apache.flink.cdc.common.schema.Schema;
import org.apache.flink.cdc.common.types.DataTypes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metadata applier against the DSQL emulator: tables created and evolved, or refused. */
class DsqlMetadataApplierITCase {

    @RegisterExtension static final DsqlEmulatorExtension DSQL = new DsqlEmulatorExtension();

    private DsqlMetadataApplier applier;

    @BeforeEach
    void open() {
        applier = new DsqlMetadataApplier(EmulatorOptions.config(DSQL.get()).connection());
    }

    @AfterEach
    void close() {
        applier.close();
    }

    @Test
    void createsTablesWithTheDocumentedTypesAndThePrimaryKey() throws Exception {
        TableId table = TableId.tableId("app", "every_type");
        Schema schema =
                Schema.newBuilder()
                        .physicalColumn("id", DataTypes.BIGINT().notNull())
                        .physicalColumn("b", DataTypes.BOOLEAN())
                        .physicalColumn("ti", DataTypes.TINYINT())
                        .physicalColumn("si", DataTypes.SMALLINT())
                        .physicalColumn("i", DataTypes.INT())
                        .physicalColumn("f", DataTypes.FLOAT())
                        .physicalColumn("d", DataTypes.DOUBLE())
                        .physicalColumn("dec", DataTypes.DECIMAL(10, 3))
                        .physicalColumn("c", DataTypes.CHAR(3))
                        .physicalColumn("vc", DataTypes.VARCHAR(255).notNull())
                        .physicalColumn("s", DataTypes.STRING())
                        .physicalColumn("bin", DataTypes.BINARY(4))
                        .physicalColumn("vb", DataTypes.BYTES())
                        .physicalColumn("dt", DataTypes.DATE())
                        .physicalColumn("t", DataTypes.TIME(3))
                        .physicalColumn("ts", DataTypes.TIMESTAMP(6))
                        .physicalColumn("ts9", DataTypes.TIMESTAMP(9))
                        .physicalColumn("ltz", DataTypes.TIMESTAMP_LTZ(3))
                        .physicalColumn("tz", DataTypes.TIMESTAMP_TZ(6))
                        .primaryKey("id")
                        .build();

        applier.applySchemaChange(new CreateTableEvent(table, schema));
        // Idempotent: a restored pipeline may send it again.
        applier.applySchemaChange(new CreateTableEvent(table, schema));

        assertThat(columnTypes("app", "every_type"))
                .containsExactly(
                        "id bigint NOT NULL",
                        "b boolean",
                        "ti integer",
                        "si integer",
                        "i integer",
                        "f real",
                        "d double precision",
                        "dec numeric(10,3)",
                        "c character varying(3)",
                        "vc character varying(255) NOT NULL",
                        "s text",
                        "bin bytea",
                        "vb bytea",
                        "dt date",
                        "t time(3) without time zone",
                        "ts timestamp(6) without time zone",
                        "ts9 timestamp(6) without time zone",
                        "ltz timestamp(3) with time zone",
                        "tz timestamp(6) with time zone");
        assertThat(primaryKey("app", "every_type")).containsExactly("id");
    }

    @Test
    void addsRenamesAndDropsColumnsAndDropsTables() throws Exception {
        TableId table = TableId.tableId("public", "evolving");
        applier.applySchemaChange(
                new CreateTableEvent(
                        table,
                        Schema.newBuilder()
                                .physicalColumn("id", DataTypes.INT().notNull())
                                .physicalColumn("name", DataTypes.STRING())
                                .physicalColumn("gone", DataTypes.INT())
                                .primaryKey("id")
                                .build()));

        applier.applySchemaChange(
                new AddColumnEvent(
                        table,
                        Arrays.asList(
                                AddColumnEvent.last(
                                        Column.physicalColumn(
                                                "price", DataTypes.DECIMAL(12, 2).notNull())),
                                AddColumnEvent.first(
                                        Column.physicalColumn("note", DataTypes.VARCHAR(20))))));
        applier.applySchemaChange(
                new RenameColumnEvent(table, Collections.singletonMap("name", "title")));
        applier.applySchemaChange(new DropColumnEvent(table, List.of("gone")));

        // DSQL adds columns without constraints, at the end.
        assertThat(columnTypes("public", "evolving"))
                .containsExactly(
                        "id integer NOT NULL",
                        "title text",
                        "price numeric(12,2)",
                        "note character varying(20)");

        applier.applySchemaChange(new DropTableEvent(table));
        assertThat(
                        DSQL.get()
                                .queryLong(
                                        "SELECT count(*) FROM information_schema.tables"
                                                + " WHERE table_name = 'evolving'"))
                .isZero();
    }

    @Test
    void refusesTablesWithoutPrimaryKeyOrWithColumnsDsqlCannotStore() {
        TableId noKey = TableId.tableId("public", "no_key");
        assertThatThrownBy(
                        () ->
                                applier.applySchemaChange(
                                        new CreateTableEvent(
                                                noKey,
                                                Schema.newBuilder()
                                                        .physicalColumn("v", DataTypes.INT())
                                                        .build())))
                .isInstanceOf(UnsupportedSchemaChangeEventException.class)
                .satisfies(
                        e -> assertThat(e.toString()).contains("public.no_key has no primary key"))
                .satisfies(e -> assertThat(e.toString()).contains("primary-keys"));

        TableId arrays = TableId.tableId("public", "with_array");
        assertThatThrownBy(
                        () ->
                                applier.applySchemaChange(
                                        new CreateTableEvent(
                                                arrays,
                                                Schema.newBuilder()
                                                        .physicalColumn(
                                                                "id", DataTypes.INT().notNull())
                                                        .physicalColumn(
                                                                "tags",
                                                                DataTypes.ARRAY(DataTypes.STRING()))
                                                        .primaryKey("id")
                                                        .build())))
                .isInstanceOf(UnsupportedSchemaChangeEventException.class)
                .satisfies(e -> assertThat(e.toString()).contains("Column 'tags'"))
                .satisfies(e -> assertThat(e.toString()).contains("transform"));
    }

    @Test
    void declaresTypeChangesAndTruncationUnsupported() throws Exception {
        assertThat(applier.getSupportedSchemaEvolutionTypes())
                .containsExactlyInAnyOrder(
                        SchemaChangeEventType.CREATE_TABLE,
                        SchemaChangeEventType.ADD_COLUMN,
                        SchemaChangeEventType.DROP_COLUMN,
                        SchemaChangeEventType.RENAME_COLUMN,
                        SchemaChangeEventType.DROP_TABLE);
        TableId table = TableId.tableId("public", "fixed");
        applier.applySchemaChange(
                new CreateTableEvent(
                        table,
                        Schema.newBuilder()
                                .physicalColumn("id", DataTypes.INT().notNull())
                                .physicalColumn("v", DataTypes.INT())
                                .primaryKey("id")
                                .build()));
        assertThatThrownBy(
                        () ->
                                applier.applySchemaChange(
                                        new AlterColumnTypeEvent(
                                                table, Map.of("v", DataTypes.BIGINT()))))
                .isInstanceOf(UnsupportedSchemaChangeEventException.class)
                .satisfies(e -> assertThat(e.toString()).contains("alter.column.type"));
        assertThatThrownBy(() -> applier.applySchemaChange(new TruncateTableEvent(table)))
                .isInstanceOf(UnsupportedSchemaChangeEventException.class)
                .satisfies(e -> assertThat(e.toString()).contains("truncate.table"));
        assertThat(columnTypes("public", "fixed"))
                .containsExactly("id integer NOT NULL", "v integer");
    }

    @Test
    void followsTheAcceptedTypesTheComposerSets() {
        applier.setAcceptedSchemaEvolutionTypes(
                java.util.Set.of(
                        SchemaChangeEventType.CREATE_TABLE, SchemaChangeEventType.ADD_COLUMN));
        assertThat(applier.acceptsSchemaEvolutionType(SchemaChangeEventType.ADD_COLUMN)).isTrue();
        assertThat(applier.acceptsSchemaEvolutionType(SchemaChangeEventType.DROP_TABLE)).isFalse();
    }

    private static List<String> columnTypes(String schema, String table) throws Exception {
        List<String> columns = new java.util.ArrayList<>();
        for (List<Object> row :
                DSQL.get()
                        .query(
                                "SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                                        + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                                        + " FROM pg_attribute a WHERE a.attrelid = '"
                                        + schema
                                        + "."
                                        + table
                                        + "'::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                                        + " ORDER BY a.attnum")) {
            columns.add((String) row.get(0));
        }
        return columns;
    }

    private static List<Object> primaryKey(String schema, String table) throws Exception {
        List<Object> keys = new java.util.ArrayList<>();
        for (List<Object> row :
                DSQL.get()
                        .query(
                                "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                                        + " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                                        + " WHERE i.indisprimary AND i.indrelid = '"
                                        + schema
                                        + "."
                                        + table
                                        + "'::regclass")) {
            keys.add(row.get(0));
        }
        return keys;
    }
}

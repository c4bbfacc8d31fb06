package io.github.jdbcv2.catalog;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.api.Schema;

import javax.annotation.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * A table or view as a dialect's catalog reads it from the database: its Flink schema (column
 * types, NOT NULL, primary key), the {@code table-name} option that reaches it, whether it is a
 * view, and its comment.
 */
@PublicEvolving
public final class JdbcTableMetadata {

    private final String tableName;
    private final Schema schema;
    private final boolean view;
    @Nullable private final String comment;

    public JdbcTableMetadata(
            String tableName, Schema schema, boolean view, @Nullable String comment) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.view = view;
        this.comment = comment;
    }

    /** The value of the table's {@code table-name} option, e.g. {@code sales.daily}. */
    public String tableName() {
        return tableName;
    }

    public Schema schema() {
        return schema;
    }

    public boolean isView() {
        return view;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }
}

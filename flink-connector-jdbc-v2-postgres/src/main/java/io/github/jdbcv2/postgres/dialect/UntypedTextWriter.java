package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialectConverter.JdbcSerializationConverter;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;
import org.apache.flink.table.data.RowData;

import org.postgresql.util.PGobject;

import java.sql.SQLException;

/**
 * Writes a Flink string as a parameter of PostgreSQL type {@code unknown}, which the server
 * resolves to the type the statement needs: {@code text}, {@code varchar}, {@code char}, {@code
 * uuid}, {@code json}, {@code jsonb}, an enum... A plain {@code setString} would be typed {@code
 * varchar} and rejected by {@code uuid} and {@code json} columns.
 */
@Internal
final class UntypedTextWriter implements JdbcSerializationConverter {

    private static final long serialVersionUID = 1L;

    /** PostgreSQL's pseudo-type of a literal whose type is not known yet. */
    static final String UNKNOWN_TYPE = "unknown";

    /** Reused for every row: the driver copies the value out when the parameter is set. */
    private transient PGobject parameter;

    @Override
    public void serialize(RowData row, int index, FieldNamedPreparedStatement statement)
            throws SQLException {
        PGobject value = parameter;
        if (value == null) {
            value = new PGobject();
            value.setType(UNKNOWN_TYPE);
            parameter = value;
        }
        value.setValue(row.getString(index).toString());
        statement.setObject(index, value);
    }
}

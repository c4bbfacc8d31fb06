package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialectConverter.JdbcSerializationConverter;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;

import org.postgresql.util.PGobject;

import java.sql.SQLException;

/**
 * Writes a Flink {@code ARRAY<STRING>} as an array literal of PostgreSQL type {@code unknown}, so
 * the server parses it as the column's array type: {@code text[]}, {@code varchar[]}, {@code
 * uuid[]}, {@code jsonb[]}... (an array made with {@code createArrayOf("text", ...)} would be
 * rejected by a {@code uuid[]} column). The builder and parameter are reused from row to row.
 */
@Internal
final class UntypedTextArrayWriter implements JdbcSerializationConverter {

    private static final long serialVersionUID = 1L;

    private transient StringBuilder literal;
    private transient PGobject parameter;

    @Override
    public void serialize(RowData row, int index, FieldNamedPreparedStatement statement)
            throws SQLException {
        if (parameter == null) {
            literal = new StringBuilder(64);
            parameter = new PGobject();
            parameter.setType(UntypedTextWriter.UNKNOWN_TYPE);
        }
        parameter.setValue(toLiteral(row.getArray(index), literal));
        statement.setObject(index, parameter);
    }

    /**
     * The PostgreSQL array literal of {@code array}: every element double-quoted, NULL unquoted.
     */
    static String toLiteral(ArrayData array, StringBuilder out) {
        out.setLength(0);
        out.append('{');
        int size = array.size();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (array.isNullAt(i)) {
                out.append("NULL");
                continue;
            }
            String element = array.getString(i).toString();
            out.append('"');
            for (int c = 0; c < element.length(); c++) {
                char ch = element.charAt(c);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }
}

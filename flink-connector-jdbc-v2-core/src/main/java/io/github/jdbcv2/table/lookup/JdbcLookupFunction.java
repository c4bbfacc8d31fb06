package io.github.jdbcv2.table.lookup;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;

import java.io.IOException;
import java.util.Collection;

/** The synchronous lookup of a JDBC table: one connection per subtask, one query per key. */
@Internal
public final class JdbcLookupFunction extends LookupFunction {

    private static final long serialVersionUID = 1L;

    private final JdbcLookupQuery query;
    private transient JdbcLookupSession session;

    JdbcLookupFunction(JdbcLookupQuery query) {
        this.query = query;
    }

    @Override
    public void open(FunctionContext context) {
        session = new JdbcLookupSession(query);
    }

    @Override
    public Collection<RowData> lookup(RowData keyRow) throws IOException {
        return session.lookup(keyRow);
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public String toString() {
        return "JdbcLookupFunction{" + query.describe() + '}';
    }
}

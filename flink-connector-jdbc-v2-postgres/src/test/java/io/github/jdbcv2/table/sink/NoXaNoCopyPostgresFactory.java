package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.dialect.JdbcBulkLoader;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.postgres.PostgresFactory;

import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XADataSource;

/**
 * A test dialect factory for a database without XA, without a bulk load and with only the SQL
 * standard's SQLSTATE table (no unique violation by name): PostgreSQL reached by a URL that carries
 * {@value #MARKER} (a real pgjdbc property, so the server accepts it).
 */
public class NoXaNoCopyPostgresFactory extends PostgresFactory {

    static final String MARKER = "ApplicationName=jdbcv2-no-xa-no-copy";

    @Override
    public boolean acceptsURL(String url) {
        return super.acceptsURL(url) && url.contains(MARKER);
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public JdbcErrorClassifier createErrorClassifier() {
        return JdbcErrorClassifier.standard();
    }

    @Override
    public SerializableSupplier<XADataSource> xaDataSource(JdbcConnectionOptions options) {
        return null;
    }

    @Override
    public JdbcBulkLoader createBulkLoader(
            String quotedTable, String[] quotedColumns, RowType rowType) {
        return null;
    }
}

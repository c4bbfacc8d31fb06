package io.github.jdbcv2.testutils;

import org.apache.flink.util.function.SerializableSupplier;

import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;

/** The serializable {@link XADataSource} suppliers the exactly-once sink tests hand to the sink. */
public final class PostgresXaDataSource {

    private PostgresXaDataSource() {}

    /** A supplier of pgjdbc XA data sources for the database at {@code url}. */
    public static SerializableSupplier<XADataSource> supplier(
            String url, String user, String password) {
        return () -> {
            PGXADataSource ds = new PGXADataSource();
            ds.setUrl(url);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        };
    }

    /** A supplier of pgjdbc XA data sources for the extension's database. */
    public static SerializableSupplier<XADataSource> supplier(PostgresDatabaseExtension db) {
        return supplier(db.getUrl(), db.getUsername(), db.getPassword());
    }
}

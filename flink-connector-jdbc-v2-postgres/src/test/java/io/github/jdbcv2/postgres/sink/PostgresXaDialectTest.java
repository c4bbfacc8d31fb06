package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.sink.xa.JdbcXid;

import org.apache.flink.api.common.JobID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the PostgreSQL XA dialect names our transactions. */
class PostgresXaDialectTest {

    private static final byte[] SINK = {1, 2, 3, 4, 5, 6, 7, 8};

    /** Was the PostgreSQL half of JdbcXaSerializersTest#xidFitsXaAndPostgresLimits. */
    @Test
    void xidFitsPostgresLimits() {
        JdbcXid xid =
                new JdbcXid(
                        SINK,
                        new JobID().getBytes(),
                        new JobID().getBytes(),
                        Integer.MAX_VALUE,
                        Long.MAX_VALUE,
                        Integer.MAX_VALUE,
                        Integer.MAX_VALUE);
        // PostgreSQL limits a gid to 199 bytes (GIDSIZE 200 with the terminator).
        assertThat(PostgresXaDialect.gid(xid)).hasSizeLessThan(200);
        assertThat(PostgresXaDialect.gid(xid)).startsWith(JdbcXid.FORMAT_ID + "_");
    }

    @Test
    void messagesNameTheGidOfPgPreparedXacts() {
        JdbcXid xid = new JdbcXid(SINK, new byte[16], new byte[16], 0, 1L, 0, 0);
        assertThat(new PostgresXaDialect().describe(xid))
                .isEqualTo("gid '" + PostgresXaDialect.gid(xid) + "' in pg_prepared_xacts")
                .contains(
                        JdbcXid.FORMAT_ID
                                + "_AgECAwQFBgcIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE=_AAAAAAAAAAA=");
    }
}

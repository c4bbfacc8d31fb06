package io.github.jdbcv2.source;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link JdbcSourceQueryTextITCase} again, with the PostgreSQL dialect on the classpath: the query
 * is nested in COPY.
 */
@ExtendWith(CopyReadsCheck.class)
class PgCopyJdbcSourceQueryTextITCase extends JdbcSourceQueryTextITCase {}

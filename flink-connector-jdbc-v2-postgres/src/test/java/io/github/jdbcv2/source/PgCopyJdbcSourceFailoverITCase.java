package io.github.jdbcv2.source;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link JdbcSourceFailoverITCase} again, with the PostgreSQL dialect on the classpath: splits are
 * read through binary COPY.
 */
@ExtendWith(CopyReadsCheck.class)
class PgCopyJdbcSourceFailoverITCase extends JdbcSourceFailoverITCase {}

package io.github.jdbcv2.source;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link JdbcSourcePagingITCase} again, with the PostgreSQL dialect on the classpath: splits are
 * read through binary COPY.
 */
@ExtendWith(CopyReadsCheck.class)
class PgCopyJdbcSourcePagingITCase extends JdbcSourcePagingITCase {}

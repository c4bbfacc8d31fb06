package io.github.jdbcv2.source;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link JdbcSourceUniqueKeyITCase} again, with the PostgreSQL dialect on the classpath: rows come
 * from binary COPY.
 */
@ExtendWith(CopyReadsCheck.class)
class PgCopyJdbcSourceUniqueKeyITCase extends JdbcSourceUniqueKeyITCase {}

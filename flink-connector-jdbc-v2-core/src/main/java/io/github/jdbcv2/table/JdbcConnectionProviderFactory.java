package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionProvider;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/**
 * Makes the connection provider of one reader, writer or lookup function of a table; shipped to the
 * task managers. The {@code 'jdbc-v2'} tables connect with the {@code url}, credentials and {@code
 * connection.pool.*} options; a dialect's own table factory (DSQL: IAM tokens) brings its own.
 */
@PublicEvolving
@FunctionalInterface
public interface JdbcConnectionProviderFactory extends Serializable {

    JdbcConnectionProvider create();
}

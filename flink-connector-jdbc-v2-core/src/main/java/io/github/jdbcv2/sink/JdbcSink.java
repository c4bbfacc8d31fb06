package io.github.jdbcv2.sink;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.sink.writer.JdbcAtLeastOnceWriter;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;

/**
 * A Sink V2 JDBC sink. Build it with {@link #builder()}: {@link JdbcSinkBuilder#buildAtLeastOnce} gives this class,
 * {@link JdbcSinkBuilder#buildExactlyOnce} the XA subclass {@link JdbcExactlyOnceSink}.
 *
 * <pre>{@code
 * JdbcSink<Order> sink = JdbcSink.<Order>builder()
 *     .withQueryStatement(
 *         "INSERT INTO orders (id, name) VALUES (?, ?)",
 *         (ps, o) -> { ps.setLong(1, o.id); ps.setString(2, o.name); })
 *     .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(5000).withBatchIntervalMs(200).build())
 *     .buildAtLeastOnce(connectionOptions);
 * }</pre>
 */
@PublicEvolving
public class JdbcSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    protected final JdbcExecutionOptions executionOptions;
    protected final JdbcBatchExecutorFactory<T> executorFactory;
    private final JdbcConnectionProvider connectionProvider;

    /**
     * For database-specific sinks built on this one (e.g. the Aurora DSQL sink, which adds its own metrics); others
     * use {@link #builder()}.
     */
    protected JdbcSink(
            JdbcExecutionOptions executionOptions,
            JdbcBatchExecutorFactory<T> executorFactory,
            JdbcConnectionProvider connectionProvider) {
        this.executionOptions = executionOptions;
        this.executorFactory = executorFactory;
        this.connectionProvider = connectionProvider;
    }

    public static <T> JdbcSinkBuilder<T> builder() {
        return new JdbcSinkBuilder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new JdbcAtLeastOnceWriter<>(context, executionOptions, connectionProvider, executorFactory);
    }

    public JdbcExecutionOptions getExecutionOptions() {
        return executionOptions;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName()
                + "{statement="
                + executorFactory.describe()
                + ", "
                + executionOptions
                + ", connection="
                + connectionProvider
                + '}';
    }
}

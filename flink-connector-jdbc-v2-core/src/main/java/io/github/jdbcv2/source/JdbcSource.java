package io.github.jdbcv2.source;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcBulkQueryReader;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.source.enumerator.JdbcSourceEnumerator;
import io.github.jdbcv2.source.enumerator.JdbcSourceEnumeratorState;
import io.github.jdbcv2.source.enumerator.JdbcSourceEnumeratorStateSerializer;
import io.github.jdbcv2.source.enumerator.JdbcSplitAssignerContext;
import io.github.jdbcv2.source.enumerator.JdbcSqlSplitAssigner;
import io.github.jdbcv2.source.reader.JdbcSourceReader;
import io.github.jdbcv2.source.reader.JdbcSourceSplitReader;
import io.github.jdbcv2.source.reader.extractor.ResultExtractor;
import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.JdbcSourceSplitSerializer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.InstantiationUtil;

import javax.annotation.Nullable;

import java.util.Collections;

/**
 * A FLIP-27 source reading the rows of a SQL query, split by a {@link JdbcSqlSplitAssigner}, with
 * at-most-once, at-least-once or exactly-once delivery; bounded, or continuous when new rows are
 * discovered by an increasing column. Build it with {@link #builder()}.
 */
@PublicEvolving
public final class JdbcSource<OUT>
        implements Source<OUT, JdbcSourceSplit, JdbcSourceEnumeratorState>,
                ResultTypeQueryable<OUT> {

    private static final long serialVersionUID = 1L;

    private final JdbcConnectionProvider connectionProvider;
    private final JdbcSqlSplitAssigner.Provider assignerProvider;
    private final JdbcSplitAssignerContext assignerContext;
    private final ResultExtractor<OUT> resultExtractor;
    private final TypeInformation<OUT> typeInformation;
    private final JdbcReadOptions readOptions;
    @Nullable private final ContinuousUnBoundingSettings continuousSettings;
    // Raw: RateLimiterStrategy is generic on Flink 2.x, not on 1.20.
    @Nullable private final RateLimiterStrategy rateLimiterStrategy;
    @Nullable private final JdbcBulkQueryReader bulkQueryReader;
    private final JdbcErrorClassifier errorClassifier;

    JdbcSource(
            JdbcConnectionProvider connectionProvider,
            JdbcSqlSplitAssigner.Provider assignerProvider,
            JdbcSplitAssignerContext assignerContext,
            ResultExtractor<OUT> resultExtractor,
            TypeInformation<OUT> typeInformation,
            JdbcReadOptions readOptions,
            @Nullable ContinuousUnBoundingSettings continuousSettings,
            @Nullable RateLimiterStrategy rateLimiterStrategy,
            @Nullable JdbcBulkQueryReader bulkQueryReader,
            JdbcErrorClassifier errorClassifier) {
        this.connectionProvider = connectionProvider;
        this.assignerProvider = assignerProvider;
        this.assignerContext = assignerContext;
        this.resultExtractor = resultExtractor;
        this.typeInformation = typeInformation;
        this.readOptions = readOptions;
        this.continuousSettings = continuousSettings;
        this.rateLimiterStrategy = rateLimiterStrategy;
        this.bulkQueryReader = bulkQueryReader;
        this.errorClassifier = errorClassifier;
    }

    /** A builder; see {@link JdbcSourceBuilder} for the options. */
    public static <OUT> JdbcSourceBuilder<OUT> builder() {
        return new JdbcSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return continuousSettings == null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Internal
    @Override
    @SuppressWarnings("unchecked")
    public SourceReader<OUT, JdbcSourceSplit> createReader(SourceReaderContext context) {
        ClassLoader classLoader = context.getUserCodeClassLoader().asClassLoader();
        return new JdbcSourceReader<>(
                // Each split reader gets its own provider copy: a connection is never shared.
                () ->
                        new JdbcSourceSplitReader<>(
                                copyOf(connectionProvider, classLoader),
                                resultExtractor,
                                readOptions,
                                bulkQueryReader == null
                                        ? null
                                        : copyOf(bulkQueryReader, classLoader),
                                errorClassifier),
                readOptions.getDeliveryGuarantee(),
                new Configuration(),
                context,
                // null, not a no-op strategy: Flink's per-record rate-limiting path stays off.
                rateLimiterStrategy);
    }

    @Internal
    @Override
    public SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> createEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context) throws Exception {
        JdbcSqlSplitAssigner assigner = assignerProvider.create(assignerContext);
        assigner.open(Collections.emptyList(), null);
        return newEnumerator(context, assigner);
    }

    @Internal
    @Override
    public SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context, JdbcSourceEnumeratorState checkpoint)
            throws Exception {
        JdbcSqlSplitAssigner assigner = assignerProvider.create(assignerContext);
        assigner.open(checkpoint.getRemainingSplits(), checkpoint.getAssignerState());
        return newEnumerator(context, assigner);
    }

    private JdbcSourceEnumerator newEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context, JdbcSqlSplitAssigner assigner) {
        return new JdbcSourceEnumerator(
                context,
                assigner,
                // The provider's own class loader: on the coordinator the context class loader may
                // not see user code.
                copyOf(connectionProvider, connectionProvider.getClass().getClassLoader()),
                readOptions.getDeliveryGuarantee(),
                continuousSettings);
    }

    private static <T extends java.io.Serializable> T copyOf(T object, ClassLoader classLoader) {
        try {
            return InstantiationUtil.clone(object, classLoader);
        } catch (Exception e) {
            throw new FlinkRuntimeException("Could not copy " + object.getClass().getName(), e);
        }
    }

    /**
     * The dialect's bulk reader the split readers try first, {@code null} when splits are read with
     * a cursor.
     */
    @VisibleForTesting
    @Nullable
    public JdbcBulkQueryReader getBulkQueryReader() {
        return bulkQueryReader;
    }

    @Internal
    @Override
    public SimpleVersionedSerializer<JdbcSourceSplit> getSplitSerializer() {
        return JdbcSourceSplitSerializer.INSTANCE;
    }

    @Internal
    @Override
    public SimpleVersionedSerializer<JdbcSourceEnumeratorState>
            getEnumeratorCheckpointSerializer() {
        return JdbcSourceEnumeratorStateSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return typeInformation;
    }

    /** The read options the builder settled on. */
    @VisibleForTesting
    public JdbcReadOptions getReadOptions() {
        return readOptions;
    }

    @Override
    public String toString() {
        return "JdbcSource{connection="
                + connectionProvider
                + ", assigner="
                + assignerProvider.getClass().getSimpleName()
                + ", "
                + readOptions
                + (bulkQueryReader == null
                        ? ""
                        : ", bulkRead=" + bulkQueryReader.getClass().getSimpleName())
                + (continuousSettings == null ? "" : ", " + continuousSettings)
                + '}';
    }
}

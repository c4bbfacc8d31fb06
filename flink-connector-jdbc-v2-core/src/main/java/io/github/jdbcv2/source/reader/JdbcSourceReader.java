package io.github.jdbcv2.source.reader;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.JdbcSourceSplitState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The source reader: one fetcher thread runs a {@link JdbcSourceSplitReader}; asks for the next
 * split when it has none. At-most-once drops every split restored from a checkpoint (it may have
 * been read further after that checkpoint).
 */
@Internal
public final class JdbcSourceReader<T> extends RateLimitingReaderBase<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceReader.class);

    private final DeliveryGuarantee deliveryGuarantee;
    private boolean started;

    public JdbcSourceReader(
            Supplier<SplitReader<JdbcRecordChunk<T>, JdbcSourceSplit>> splitReaderSupplier,
            DeliveryGuarantee deliveryGuarantee,
            Configuration config,
            SourceReaderContext context,
            // Raw: RateLimiterStrategy is generic on Flink 2.x, not on 1.20.
            @Nullable RateLimiterStrategy rateLimiterStrategy) {
        super(
                splitReaderSupplier,
                new JdbcRecordEmitter<>(
                        deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE,
                        context.metricGroup().getIOMetricGroup().getNumRecordsInCounter()),
                config,
                context,
                rateLimiterStrategy);
        this.deliveryGuarantee = deliveryGuarantee;
    }

    @Override
    public void start() {
        started = true;
        super.start();
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    public void addSplits(List<JdbcSourceSplit> splits) {
        if (!started && deliveryGuarantee == DeliveryGuarantee.NONE) {
            LOG.info(
                    "At-most-once: not resuming {} split(s) restored from a checkpoint",
                    splits.size());
            return;
        }
        super.addSplits(splits);
    }

    @Override
    protected void onSplitFinished(Map<String, JdbcSourceSplitState> finishedSplitIds) {
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected JdbcSourceSplitState initializedState(JdbcSourceSplit split) {
        return new JdbcSourceSplitState(split);
    }

    @Override
    protected JdbcSourceSplit toSplitType(String splitId, JdbcSourceSplitState state) {
        return state.toSplit();
    }
}

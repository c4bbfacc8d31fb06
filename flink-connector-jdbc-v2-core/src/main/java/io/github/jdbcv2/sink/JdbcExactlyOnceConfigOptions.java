package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/**
 * The exactly-once (XA) sink's options ({@code sink.exactly-once.*}) as Flink {@link
 * ConfigOption}s; their defaults are those of {@link JdbcExactlyOnceOptions}, which reads them in
 * {@link JdbcExactlyOnceOptions#fromConfig}.
 */
@PublicEvolving
public final class JdbcExactlyOnceConfigOptions {

    public static final ConfigOption<String> SINK_NAME =
            ConfigOptions.key("sink.exactly-once.sink-name")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A name unique among the exactly-once sinks writing to one server; part of every"
                                    + " transaction id.");

    public static final ConfigOption<Boolean> RECOVER_AND_ROLLBACK =
            ConfigOptions.key("sink.exactly-once.recover-and-rollback")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether the writer rolls back its own prepared transactions that no checkpoint covers.");

    public static final ConfigOption<Boolean> ROLLBACK_RESTORED_JOB_LEFTOVERS =
            ConfigOptions.key("sink.exactly-once.rollback-restored-job-leftovers")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Whether a job restored from another, certainly ended job's checkpoint also rolls back"
                                    + " that job's left-over prepared transactions.");

    public static final ConfigOption<Integer> MAX_COMMIT_ATTEMPTS =
            ConfigOptions.key("sink.exactly-once.max-commit-attempts")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "How often the committer tries one commit before it fails the job.");

    public static final ConfigOption<Duration> COMMIT_RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("sink.exactly-once.commit-retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription(
                            "The wait before the second commit attempt; it doubles with each further one.");

    public static final ConfigOption<Duration> COMMIT_RETRY_MAX_BACKOFF =
            ConfigOptions.key("sink.exactly-once.commit-retry.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("The longest wait between two commit attempts.");

    private JdbcExactlyOnceConfigOptions() {}
}

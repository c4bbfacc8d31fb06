package io.github.jdbcv2.sink;

import io.github.jdbcv2.config.ConfigValues;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;

import java.io.Serializable;
import java.time.Duration;

/**
 * Options of the exactly-once (XA) sink: the sink's name, recovery of left-over transactions, and
 * how the committer retries a commit that failed.
 */
@PublicEvolving
public final class JdbcExactlyOnceOptions implements Serializable {

    private static final long serialVersionUID = 2L;

    public static final int DEFAULT_MAX_COMMIT_ATTEMPTS =
            JdbcExactlyOnceConfigOptions.MAX_COMMIT_ATTEMPTS.defaultValue();
    public static final Duration DEFAULT_COMMIT_RETRY_INITIAL_BACKOFF =
            JdbcExactlyOnceConfigOptions.COMMIT_RETRY_INITIAL_BACKOFF.defaultValue();
    public static final Duration DEFAULT_COMMIT_RETRY_MAX_BACKOFF =
            JdbcExactlyOnceConfigOptions.COMMIT_RETRY_MAX_BACKOFF.defaultValue();

    private static final String KIND = "JDBC exactly-once sink";

    /** Longest sink name accepted. */
    public static final int MAX_SINK_NAME_LENGTH = 200;

    private final String sinkName;
    private final boolean recoverAndRollback;
    private final boolean rollbackRestoredJobLeftovers;
    private final int maxCommitAttempts;
    private final Duration commitRetryInitialBackoff;
    private final Duration commitRetryMaxBackoff;

    private JdbcExactlyOnceOptions(Builder b) {
        this.sinkName = b.sinkName;
        this.recoverAndRollback = b.recoverAndRollback;
        this.rollbackRestoredJobLeftovers = b.rollbackRestoredJobLeftovers;
        this.maxCommitAttempts = b.maxCommitAttempts;
        this.commitRetryInitialBackoff = b.commitRetryInitialBackoff;
        this.commitRetryMaxBackoff = b.commitRetryMaxBackoff;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JdbcExactlyOnceOptions defaults() {
        return builder().build();
    }

    /**
     * Options from a Flink configuration with the {@code sink.exactly-once.*} keys of {@link
     * JdbcExactlyOnceConfigOptions}; unset keys take their defaults. Errors name the key.
     */
    public static JdbcExactlyOnceOptions fromConfig(ReadableConfig config) {
        Builder b = builder();
        config.getOptional(JdbcExactlyOnceConfigOptions.SINK_NAME)
                .ifPresent(
                        name -> {
                            if (name.trim().isEmpty() || name.length() > MAX_SINK_NAME_LENGTH) {
                                throw ConfigValues.invalid(
                                        KIND,
                                        JdbcExactlyOnceConfigOptions.SINK_NAME,
                                        "'" + name + "'",
                                        "must be a non-blank name of at most "
                                                + MAX_SINK_NAME_LENGTH
                                                + " characters");
                            }
                            b.withSinkName(name);
                        });
        b.withRecoverAndRollback(
                ConfigValues.get(
                        config,
                        JdbcExactlyOnceConfigOptions.RECOVER_AND_ROLLBACK,
                        KIND,
                        ConfigValues.TRUE_OR_FALSE));
        b.withRollbackRestoredJobLeftovers(
                ConfigValues.get(
                        config,
                        JdbcExactlyOnceConfigOptions.ROLLBACK_RESTORED_JOB_LEFTOVERS,
                        KIND,
                        ConfigValues.TRUE_OR_FALSE));
        int attempts =
                ConfigValues.intAtLeast(
                        config,
                        JdbcExactlyOnceConfigOptions.MAX_COMMIT_ATTEMPTS,
                        KIND,
                        1,
                        "at least 1");
        Duration initial =
                ConfigValues.get(
                        config,
                        JdbcExactlyOnceConfigOptions.COMMIT_RETRY_INITIAL_BACKOFF,
                        KIND,
                        ConfigValues.A_DURATION);
        if (initial.isNegative()) {
            throw ConfigValues.invalid(
                    KIND,
                    JdbcExactlyOnceConfigOptions.COMMIT_RETRY_INITIAL_BACKOFF,
                    initial,
                    "must be 0 or more");
        }
        Duration max =
                ConfigValues.get(
                        config,
                        JdbcExactlyOnceConfigOptions.COMMIT_RETRY_MAX_BACKOFF,
                        KIND,
                        ConfigValues.A_DURATION);
        if (max.compareTo(initial) < 0) {
            throw ConfigValues.invalid(
                    KIND,
                    JdbcExactlyOnceConfigOptions.COMMIT_RETRY_MAX_BACKOFF,
                    max,
                    "must be at least "
                            + JdbcExactlyOnceConfigOptions.COMMIT_RETRY_INITIAL_BACKOFF.key()
                            + " ("
                            + initial
                            + ")");
        }
        return b.withMaxCommitAttempts(attempts).withCommitRetryBackoff(initial, max).build();
    }

    /**
     * The sink's name, part of its transaction ids together with the operator id; {@code null} if
     * not set.
     */
    public String getSinkName() {
        return sinkName;
    }

    /**
     * True (default): on start the writer rolls back its own prepared transactions that no
     * checkpoint covers.
     */
    public boolean isRecoverAndRollback() {
        return recoverAndRollback;
    }

    /**
     * True: a job restored from another job's checkpoint or savepoint also rolls back that job's
     * left-over prepared transactions. False (default): it leaves them alone, since that job may
     * still be running.
     */
    public boolean isRollbackRestoredJobLeftovers() {
        return rollbackRestoredJobLeftovers;
    }

    /**
     * How often the committer tries one commit (with backoff in between) before it fails the job.
     */
    public int getMaxCommitAttempts() {
        return maxCommitAttempts;
    }

    /** The wait before the second commit attempt; it doubles with each further attempt. */
    public Duration getCommitRetryInitialBackoff() {
        return commitRetryInitialBackoff;
    }

    /** The longest wait between two commit attempts. */
    public Duration getCommitRetryMaxBackoff() {
        return commitRetryMaxBackoff;
    }

    @Override
    public String toString() {
        return "JdbcExactlyOnceOptions{"
                + (sinkName == null ? "" : "sinkName='" + sinkName + "', ")
                + "recoverAndRollback="
                + recoverAndRollback
                + ", rollbackRestoredJobLeftovers="
                + rollbackRestoredJobLeftovers
                + ", maxCommitAttempts="
                + maxCommitAttempts
                + ", commitRetryBackoff="
                + commitRetryInitialBackoff.toMillis()
                + ".."
                + commitRetryMaxBackoff.toMillis()
                + " ms}";
    }

    /** Builder of {@link JdbcExactlyOnceOptions}. */
    @PublicEvolving
    public static final class Builder {
        private String sinkName;
        private boolean recoverAndRollback =
                JdbcExactlyOnceConfigOptions.RECOVER_AND_ROLLBACK.defaultValue();
        private boolean rollbackRestoredJobLeftovers =
                JdbcExactlyOnceConfigOptions.ROLLBACK_RESTORED_JOB_LEFTOVERS.defaultValue();
        private int maxCommitAttempts = DEFAULT_MAX_COMMIT_ATTEMPTS;
        private Duration commitRetryInitialBackoff = DEFAULT_COMMIT_RETRY_INITIAL_BACKOFF;
        private Duration commitRetryMaxBackoff = DEFAULT_COMMIT_RETRY_MAX_BACKOFF;

        private Builder() {}

        /**
         * A name for this sink, unique among the exactly-once sinks writing to one database server.
         * It goes into every transaction id (hashed, with the operator id), so give it, or an
         * operator uid, to every sink.
         */
        public Builder withSinkName(String sinkName) {
            if (sinkName == null
                    || sinkName.trim().isEmpty()
                    || sinkName.length() > MAX_SINK_NAME_LENGTH) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExactlyOnceOptions 'sinkName': "
                                + (sinkName == null ? "null" : "'" + sinkName + "'")
                                + "; give a non-blank name of at most "
                                + MAX_SINK_NAME_LENGTH
                                + " characters, e.g. \"orders-xa\".");
            }
            this.sinkName = sinkName;
            return this;
        }

        public Builder withRecoverAndRollback(boolean recoverAndRollback) {
            this.recoverAndRollback = recoverAndRollback;
            return this;
        }

        /**
         * Set to true only when this job is started from the checkpoint or savepoint of a job that
         * has certainly ended (resubmitting a job that failed or was cancelled): the prepared
         * transactions that job left for checkpoints after the restored one are then rolled back.
         * Never set it for a job started from a savepoint of a job that still runs: its prepared
         * transactions would be rolled back and their rows lost.
         */
        public Builder withRollbackRestoredJobLeftovers(boolean rollback) {
            this.rollbackRestoredJobLeftovers = rollback;
            return this;
        }

        public Builder withMaxCommitAttempts(int maxCommitAttempts) {
            this.maxCommitAttempts = maxCommitAttempts;
            return this;
        }

        /**
         * The wait before the second commit attempt (doubling each time) and the longest wait
         * between attempts.
         */
        public Builder withCommitRetryBackoff(Duration initial, Duration max) {
            this.commitRetryInitialBackoff = initial;
            this.commitRetryMaxBackoff = max;
            return this;
        }

        public JdbcExactlyOnceOptions build() {
            if (maxCommitAttempts < 1) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExactlyOnceOptions 'maxCommitAttempts': "
                                + maxCommitAttempts
                                + "; it must be at least 1.");
            }
            if (commitRetryInitialBackoff == null || commitRetryInitialBackoff.isNegative()) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExactlyOnceOptions 'commitRetryInitialBackoff': "
                                + commitRetryInitialBackoff
                                + "; give a duration of 0 or more, e.g. Duration.ofMillis(200).");
            }
            if (commitRetryMaxBackoff == null
                    || commitRetryMaxBackoff.compareTo(commitRetryInitialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExactlyOnceOptions 'commitRetryMaxBackoff': "
                                + commitRetryMaxBackoff
                                + "; it must be at least the initial backoff ("
                                + commitRetryInitialBackoff
                                + ").");
            }
            return new JdbcExactlyOnceOptions(this);
        }
    }
}

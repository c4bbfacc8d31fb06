package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/** Options of the exactly-once (XA) sink: recovery of left-over transactions and commit attempts. */
@PublicEvolving
public final class JdbcExactlyOnceOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_COMMIT_ATTEMPTS = 3;

    private final boolean recoverAndRollback;
    private final int maxCommitAttempts;

    private JdbcExactlyOnceOptions(boolean recoverAndRollback, int maxCommitAttempts) {
        this.recoverAndRollback = recoverAndRollback;
        this.maxCommitAttempts = maxCommitAttempts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JdbcExactlyOnceOptions defaults() {
        return builder().build();
    }

    /** True (default): on start the writer rolls back this job's prepared transactions that no checkpoint covers. */
    public boolean isRecoverAndRollback() {
        return recoverAndRollback;
    }

    /** How often the committer tries a commit that failed for a transient reason before failing the job. */
    public int getMaxCommitAttempts() {
        return maxCommitAttempts;
    }

    @Override
    public String toString() {
        return "JdbcExactlyOnceOptions{recoverAndRollback="
                + recoverAndRollback
                + ", maxCommitAttempts="
                + maxCommitAttempts
                + '}';
    }

    /** Builder of {@link JdbcExactlyOnceOptions}. */
    @PublicEvolving
    public static final class Builder {
        private boolean recoverAndRollback = true;
        private int maxCommitAttempts = DEFAULT_MAX_COMMIT_ATTEMPTS;

        private Builder() {}

        public Builder withRecoverAndRollback(boolean recoverAndRollback) {
            this.recoverAndRollback = recoverAndRollback;
            return this;
        }

        public Builder withMaxCommitAttempts(int maxCommitAttempts) {
            this.maxCommitAttempts = maxCommitAttempts;
            return this;
        }

        public JdbcExactlyOnceOptions build() {
            if (maxCommitAttempts < 1) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExactlyOnceOptions 'maxCommitAttempts': "
                                + maxCommitAttempts
                                + "; it must be at least 1.");
            }
            return new JdbcExactlyOnceOptions(recoverAndRollback, maxCommitAttempts);
        }
    }
}

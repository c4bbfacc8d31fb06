package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import java.util.Arrays;

/**
 * What an exactly-once writer remembers across restarts: the job id its transactions were named after, so that a job
 * restored from a checkpoint under a new job id can still find and roll back the old job's left-over transactions.
 */
@Internal
public final class JdbcXaWriterState {

    private final byte[] jobId;

    public JdbcXaWriterState(byte[] jobId) {
        if (jobId.length != 16) {
            throw new IllegalArgumentException("A job id has 16 bytes, got " + jobId.length);
        }
        this.jobId = jobId.clone();
    }

    public byte[] getJobId() {
        return jobId.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcXaWriterState && Arrays.equals(jobId, ((JdbcXaWriterState) o).jobId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(jobId);
    }

    @Override
    public String toString() {
        return "JdbcXaWriterState{jobId=" + Arrays.toString(jobId) + '}';
    }
}

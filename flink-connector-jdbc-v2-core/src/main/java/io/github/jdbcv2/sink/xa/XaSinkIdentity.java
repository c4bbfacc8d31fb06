package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.MetricGroup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;

/**
 * Which sink of a job a transaction belongs to: the sink name set on the builder (if any) and the
 * id of the writer operator (Flink derives it from the operator uid, or from the job graph when no
 * uid is set), hashed to {@value JdbcXid#SINK_ID_LENGTH} bytes for the {@link JdbcXid}. Two sinks
 * of one job always differ in their operator id, even when built from one sink object.
 */
@Internal
public final class XaSinkIdentity {

    /** The variable under which Flink's operator metric groups carry the operator id. */
    static final String OPERATOR_ID_VARIABLE = "<operator_id>";

    private final String name;
    private final String operatorId;
    private final byte[] sinkId;

    private XaSinkIdentity(String name, String operatorId) {
        this.name = name;
        this.operatorId = operatorId;
        this.sinkId = hash("name=" + (name == null ? "" : name) + "\u0000operator=" + operatorId);
    }

    /** The identity of a writer with this sink name (may be null) and operator metric group. */
    public static XaSinkIdentity of(String sinkName, MetricGroup operatorMetricGroup) {
        Map<String, String> variables = operatorMetricGroup.getAllVariables();
        String operatorId = variables == null ? null : variables.get(OPERATOR_ID_VARIABLE);
        return new XaSinkIdentity(sinkName, operatorId == null ? "" : operatorId);
    }

    /** The {@value JdbcXid#SINK_ID_LENGTH} bytes that go into every transaction id. */
    public byte[] sinkId() {
        return sinkId.clone();
    }

    /**
     * False if neither a sink name nor an operator id is known: sinks built from one object would
     * then collide.
     */
    public boolean isDistinct() {
        return name != null || !operatorId.isEmpty();
    }

    private static byte[] hash(String identity) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(identity.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, JdbcXid.SINK_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(96).append("sink ");
        if (name != null) {
            s.append('\'').append(name).append("' ");
        }
        s.append("(operator ")
                .append(operatorId.isEmpty() ? "unknown" : operatorId)
                .append(", id ");
        return JdbcXid.hex(s, sinkId).append(')').toString();
    }
}

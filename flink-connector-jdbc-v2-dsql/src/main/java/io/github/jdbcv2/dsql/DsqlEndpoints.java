package io.github.jdbcv2.dsql;

import org.apache.flink.annotation.Internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads facts from Aurora DSQL endpoint names such as {@code abc123.dsql.us-east-1.on.aws}. */
@Internal
final class DsqlEndpoints {

    /** {@code <cluster-id>.dsql[-suffix].<region>.on.aws}. */
    private static final Pattern ENDPOINT =
            Pattern.compile(
                    "^[a-z0-9-]+\\.dsql(?:-[a-z0-9]+)?\\.([a-z]{2}(?:-[a-z]+)+-[0-9]+)\\.on\\.aws\\.?$");

    private DsqlEndpoints() {}

    /**
     * The AWS region named in a DSQL endpoint host, or empty when the host is not a DSQL endpoint
     * name.
     */
    static Optional<String> regionFromHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        Matcher m = ENDPOINT.matcher(host.trim().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

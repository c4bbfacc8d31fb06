package io.github.jdbcv2.dsql;

import org.apache.flink.annotation.Internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the hosts of a PostgreSQL JDBC URL to tell whether it points at Aurora DSQL endpoints. */
@Internal
final class DsqlJdbcUrls {

    /**
     * PostgreSQL JDBC URLs with hosts; this library connects to DSQL through the PostgreSQL driver
     * only.
     */
    private static final String HOSTS_PREFIX = "jdbc:postgresql://";

    private DsqlJdbcUrls() {}

    /**
     * True for {@code jdbc:postgresql://<id>.dsql.<region>.on.aws[:port][/db][?...]}: every host of
     * the URL (the driver takes a comma-separated list) must be a DSQL endpoint name.
     */
    static boolean isDsqlEndpointUrl(String url) {
        List<String> hosts = hosts(url);
        if (hosts.isEmpty()) {
            return false;
        }
        for (String host : hosts) {
            if (DsqlEndpoints.regionFromHost(host).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The host names of a {@code jdbc:postgresql://host[:port][,host[:port]...]/...} URL, without
     * ports; empty for any other URL (including {@code jdbc:postgresql:db}, which means localhost).
     * IPv6 literals are returned with their brackets.
     */
    static List<String> hosts(String url) {
        if (url == null || !url.startsWith(HOSTS_PREFIX)) {
            return Collections.emptyList();
        }
        String rest = url.substring(HOSTS_PREFIX.length());
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        List<String> hosts = new ArrayList<>();
        for (String hostAndPort : authority.split(",")) {
            String host = stripPort(hostAndPort.trim());
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private static String stripPort(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }
}

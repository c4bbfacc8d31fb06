package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.emulator.DsqlEmulator;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@code type: dsql} sink block reaching the DSQL emulator: its host and port, user name and
 * password (the emulator cannot check IAM tokens), no TLS, fast OCC retries.
 */
final class EmulatorOptions {

    private EmulatorOptions() {}

    static Map<String, String> of(DsqlEmulator dsql) {
        Map<String, String> options = new HashMap<>();
        options.put("host", dsql.getHost());
        options.put("port", String.valueOf(dsql.getPort()));
        options.put("database", dsql.getDatabase());
        options.put("use-iam-auth", "false");
        options.put("username", dsql.getUsername());
        options.put("password", dsql.currentPassword());
        options.put("sslmode", "disable");
        options.put("min-pool-size", "1");
        options.put("max-pool-size", "4");
        options.put("connection-max-lifetime-ms", "59000");
        options.put("connection-idle-timeout-ms", "10000");
        options.put("occ-max-attempts", "12");
        options.put("occ-min-backoff-ms", "10");
        options.put("occ-max-backoff-ms", "200");
        return options;
    }

    static DsqlPipelineSinkConfig config(DsqlEmulator dsql) {
        return DsqlPipelineSinkConfig.of(of(dsql));
    }
}

package io.github.jdbcv2.dsql.cdc.architecture;

import io.github.jdbcv2.testutils.ModuleArchitectureChecks;

/** The project's architecture rules on the Flink CDC pipeline sink module. */
class ArchitectureTest extends ModuleArchitectureChecks {

    ArchitectureTest() {
        super("flink-cdc-pipeline-connector-dsql", 8);
    }
}

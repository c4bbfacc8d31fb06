package io.github.jdbcv2.dsql.architecture;

import io.github.jdbcv2.testutils.ArchitectureRules;
import io.github.jdbcv2.testutils.ModuleArchitectureChecks;

/** The DSQL module keeps the project's layering (see {@link ArchitectureRules}). */
class ArchitectureTest extends ModuleArchitectureChecks {

    ArchitectureTest() {
        super("dsql", 10);
    }
}

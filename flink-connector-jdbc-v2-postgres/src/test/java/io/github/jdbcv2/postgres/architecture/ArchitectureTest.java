package io.github.jdbcv2.postgres.architecture;

import io.github.jdbcv2.testutils.ArchitectureRules;
import io.github.jdbcv2.testutils.ModuleArchitectureChecks;

import org.junit.jupiter.api.Test;

/** The PostgreSQL module keeps the project's layering (see {@link ArchitectureRules}). */
class ArchitectureTest extends ModuleArchitectureChecks {

    ArchitectureTest() {
        super("postgres", 10);
    }

    @Test
    void neverDependsOnDsql() {
        ArchitectureRules.postgresNeverDependsOnDsql().check(classes());
    }
}

package io.github.jdbcv2.architecture;

import io.github.jdbcv2.testutils.ArchitectureRules;
import io.github.jdbcv2.testutils.ModuleArchitectureChecks;

import org.junit.jupiter.api.Test;

/** The core module keeps the project's layering (see {@link ArchitectureRules}). */
class ArchitectureTest extends ModuleArchitectureChecks {

    ArchitectureTest() {
        super("core", 50);
    }

    @Test
    void coreNeverDependsOnADatabaseModule() {
        ArchitectureRules.coreNeverDependsOnADatabaseModule().check(classes());
    }

    @Test
    void sourceAndSinkStayApart() {
        ArchitectureRules.sourceNeverDependsOnSink().check(classes());
        ArchitectureRules.sinkNeverDependsOnSource().check(classes());
    }

    @Test
    void dialectStandsBelowSourceAndSink() {
        ArchitectureRules.dialectNeverDependsOnSourceOrSink().check(classes());
    }
}

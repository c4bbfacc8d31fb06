package io.github.jdbcv2.architecture;

import io.github.jdbcv2.testutils.ArchitectureRules;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The core module keeps the project's layering (see {@link ArchitectureRules}). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.mainClassesOfThisModule();
        assertThat(classes).as("main classes of the core module").hasSizeGreaterThan(50);
    }

    @Test
    void coreNeverDependsOnADatabaseModule() {
        ArchitectureRules.coreNeverDependsOnADatabaseModule().check(classes);
    }

    @Test
    void sourceAndSinkStayApart() {
        ArchitectureRules.sourceNeverDependsOnSink().check(classes);
        ArchitectureRules.sinkNeverDependsOnSource().check(classes);
    }

    @Test
    void dialectStandsBelowSourceAndSink() {
        ArchitectureRules.dialectNeverDependsOnSourceOrSink().check(classes);
    }

    @Test
    void publicTypesDeclareTheirAudience() {
        ArchitectureRules.publicTypesDeclareTheirAudience().check(classes);
    }

    @Test
    void everythingUnderOurRootPackage() {
        ArchitectureRules.nothingUnderOrgApacheFlink().check(classes);
        ArchitectureRules.everythingUnderOurRootPackage().check(classes);
    }
}

package io.github.jdbcv2.postgres.architecture;

import io.github.jdbcv2.testutils.ArchitectureRules;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL module keeps the project's layering (see {@link ArchitectureRules}). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.mainClassesOfThisModule();
        assertThat(classes).as("main classes of the postgres module").hasSizeGreaterThan(10);
    }

    @Test
    void neverDependsOnDsql() {
        ArchitectureRules.postgresNeverDependsOnDsql().check(classes);
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

package io.github.jdbcv2.dsql.architecture;

import io.github.jdbcv2.testutils.ArchitectureRules;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The DSQL module keeps the project's layering (see {@link ArchitectureRules}). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.mainClassesOfThisModule();
        assertThat(classes).as("main classes of the dsql module").hasSizeGreaterThan(10);
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

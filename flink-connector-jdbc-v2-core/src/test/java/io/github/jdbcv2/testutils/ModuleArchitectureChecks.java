package io.github.jdbcv2.testutils;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ArchitectureRules} every module checks on its own main classes; each module's {@code
 * ArchitectureTest} extends this and adds the rules that only apply to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleArchitectureChecks {

    private final String moduleName;
    private final int minimumClassCount;
    private JavaClasses classes;

    /**
     * @param moduleName the module's short name, for the assertion message
     * @param minimumClassCount the import must find more main classes than this (guards against an
     *     empty import that would pass every rule)
     */
    protected ModuleArchitectureChecks(String moduleName, int minimumClassCount) {
        this.moduleName = moduleName;
        this.minimumClassCount = minimumClassCount;
    }

    @BeforeAll
    void importClasses() {
        classes = ArchitectureRules.mainClassesOfThisModule();
        assertThat(classes)
                .as("main classes of the " + moduleName + " module")
                .hasSizeGreaterThan(minimumClassCount);
    }

    /** The main classes of the module under test. */
    protected final JavaClasses classes() {
        return classes;
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

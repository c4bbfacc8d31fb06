package io.github.jdbcv2.testutils;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.nio.file.Paths;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules every module of this project keeps, for the module's own {@code
 * ArchitectureTest}: core never reaches into a database module, source and sink stay apart, the
 * dialect SPI stands below both, and nothing is declared under {@code org.apache.flink}; every
 * public type says whether it is API.
 */
public final class ArchitectureRules {

    private static final String ROOT = "io.github.jdbcv2";
    private static final String[] CORE_PACKAGES = {
        ROOT + ".connection..",
        ROOT + ".dialect..",
        ROOT + ".source..",
        ROOT + ".sink..",
        ROOT + ".table..",
        ROOT + ".catalog.."
    };
    private static final String[] DATABASE_MODULES = {ROOT + ".postgres..", ROOT + ".dsql.."};

    private ArchitectureRules() {}

    /**
     * The main classes of the module the test runs in (Maven runs tests in the module's folder).
     */
    public static JavaClasses mainClassesOfThisModule() {
        return new ClassFileImporter().importPath(Paths.get("target", "classes"));
    }

    /**
     * Core packages never depend on a database module: databases plug in through the dialect SPI.
     */
    public static ArchRule coreNeverDependsOnADatabaseModule() {
        return noClasses()
                .that()
                .resideInAnyPackage(CORE_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(DATABASE_MODULES);
    }

    /** The source never uses the sink's classes. */
    public static ArchRule sourceNeverDependsOnSink() {
        return noClasses()
                .that()
                .resideInAPackage(ROOT + ".source..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".sink..");
    }

    /** The sink never uses the source's classes. */
    public static ArchRule sinkNeverDependsOnSource() {
        return noClasses()
                .that()
                .resideInAPackage(ROOT + ".sink..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".source..");
    }

    /** The dialect SPI stands below the source and the sink: they use it, it never uses them. */
    public static ArchRule dialectNeverDependsOnSourceOrSink() {
        return noClasses()
                .that()
                .resideInAPackage(ROOT + ".dialect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".source..", ROOT + ".sink..");
    }

    /** Our code lives under our own root package, never under Flink's. */
    public static ArchRule nothingUnderOrgApacheFlink() {
        return noClasses().should().resideInAPackage("org.apache.flink..");
    }

    /** Every class of ours lives under {@code io.github.jdbcv2}. */
    public static ArchRule everythingUnderOurRootPackage() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should()
                .resideInAPackage(ROOT + "..");
    }

    /**
     * The PostgreSQL module never depends on the DSQL module (DSQL builds on PostgreSQL, not the
     * reverse).
     */
    public static ArchRule postgresNeverDependsOnDsql() {
        return noClasses()
                .that()
                .resideInAPackage(ROOT + ".postgres..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".dsql..");
    }

    /**
     * Every public top-level type carries exactly one of {@code @PublicEvolving} (users call or
     * implement it) or {@code @Internal} (everything else), so the API surface is stated, never
     * guessed.
     */
    public static ArchRule publicTypesDeclareTheirAudience() {
        return classes()
                .that(arePublicTopLevelTypes())
                .should(carryExactlyOneOf(PublicEvolving.class, Internal.class))
                .allowEmptyShould(false);
    }

    private static DescribedPredicate<JavaClass> arePublicTopLevelTypes() {
        return DescribedPredicate.describe(
                "are public top-level types",
                c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC));
    }

    private static ArchCondition<JavaClass> carryExactlyOneOf(
            Class<? extends java.lang.annotation.Annotation> api,
            Class<? extends java.lang.annotation.Annotation> internal) {
        String description =
                "be annotated with exactly one of @"
                        + api.getSimpleName()
                        + " or @"
                        + internal.getSimpleName();
        return new ArchCondition<JavaClass>(description) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean isApi = type.isAnnotatedWith(api);
                boolean isInternal = type.isAnnotatedWith(internal);
                if (isApi == isInternal) {
                    String found = isApi ? "both" : "neither";
                    events.add(
                            SimpleConditionEvent.violated(
                                    type,
                                    type.getName()
                                            + " carries "
                                            + found
                                            + ": it should "
                                            + description));
                }
            }
        };
    }
}

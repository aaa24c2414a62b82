package org.retentionsegments;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import java.util.List;

/**
 * The layering of the product code (STYLE.md items 1 and 2): a pure core, strict input parsing
 * free of Flink and SQL, and jOOQ behind the warehouse package. Replaces CoreIsPureJavaTest,
 * which read the core's sources for Flink imports: these rules check the compiled classes, so
 * they also catch fully qualified names and wildcard imports.
 */
class ArchitectureTest {

    /** The classes the rules judge (imported once per class; plain JUnit tests, no ArchUnit engine). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.retentionsegments");

    private static final String[] FLINK_SQL_JDBC = {"org.apache.flink..", "org.jooq..", "java.sql..", "javax.sql.."};

    /**
     * Known violations of {@link #jooqOnlyInWarehouse}, reported in issue 7, to be fixed, never
     * added to: {@link #knownViolationsStillViolate} fails once one is fixed, so the list shrinks.
     * ReportQueries builds the report's queries with the jOOQ DSL; SegmentCounts (flink) counts
     * customer_segment through the generated jOOQ tables.
     */
    private static final List<String> KNOWN_JOOQ_USERS = List.of(
            "org.retentionsegments.report.ReportQueries",
            "org.retentionsegments.flink.SegmentCounts");

    static final ArchRule coreIsPureJava = noClasses()
            .that().resideInAPackage("org.retentionsegments.core..")
            .should().dependOnClassesThat().resideInAnyPackage(FLINK_SQL_JDBC)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.retentionsegments.flink..",
                    "org.retentionsegments.warehouse..", "org.retentionsegments.cli..")
            .because("scoring, rules, strategy, hashing and statistics are plain Java (STYLE.md item 2)");

    static final ArchRule inputParsingIsPureJava = noClasses()
            .that().resideInAPackage("org.retentionsegments.input..")
            .should().dependOnClassesThat().resideInAnyPackage(FLINK_SQL_JDBC)
            .because("input files are read by a strict per-line Java reader; Flink SQL only sees its records");

    static final ArchRule jooqOnlyInWarehouse = jooqOutsideWarehouse(not(named(KNOWN_JOOQ_USERS)));

    @Test
    void knownViolationsStillViolate() {
        JavaClasses classes = CLASSES;
        for (String known : KNOWN_JOOQ_USERS) {
            assertTrue(jooqOutsideWarehouse(named(List.of(known))).evaluate(classes).hasViolation(),
                    known + " no longer uses jOOQ: remove it from KNOWN_JOOQ_USERS");
        }
    }

    /** The classes with these names and their nested classes. */
    static DescribedPredicate<JavaClass> named(List<String> names) {
        return DescribedPredicate.describe("are one of " + names, c -> names.stream()
                .anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }

    private static ArchRule jooqOutsideWarehouse(DescribedPredicate<? super JavaClass> subjects) {
        return noClasses()
                .that().resideOutsideOfPackage("org.retentionsegments.warehouse..").and(subjects)
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.retentionsegments.warehouse.jooq..")
                .because("the warehouse package owns SQL access: Flyway, jOOQ and the generated tables");
    }

    @Test
    void coreIsPureJava() {
        coreIsPureJava.check(CLASSES);
    }

    @Test
    void inputParsingIsPureJava() {
        inputParsingIsPureJava.check(CLASSES);
    }

    @Test
    void jooqOnlyInWarehouse() {
        jooqOnlyInWarehouse.check(CLASSES);
    }
}

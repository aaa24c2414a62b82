package org.retentionsegments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The test conventions (STYLE.md item 5): {@code *Test} needs no server and no database;
 * {@code *ITCase} gets its databases from the shared {@link TestWarehouses} extension (fresh,
 * isolated, removed after the class, PostgreSQL skipped or failed alike) instead of making its own.
 */
class TestConventionsTest {

    /** The classes the rules judge (imported once per class; plain JUnit tests, no ArchUnit engine). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.OnlyIncludeTests()).importPackages("org.retentionsegments");

    /** Using one of these means using a warehouse (a run writes one). */
    private static final Set<String> WAREHOUSE_TYPES = Set.of(
            "org.retentionsegments.warehouse.Warehouse",
            "org.retentionsegments.warehouse.WarehouseWriter",
            "org.retentionsegments.warehouse.Engine",
            "org.retentionsegments.flink.BoundedRun",
            "java.sql.DriverManager",
            "java.sql.Connection");

    private static final DescribedPredicate<JavaClass> USE_A_WAREHOUSE = DescribedPredicate.describe(
            "use a warehouse", c -> c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> WAREHOUSE_TYPES.contains(d.getTargetClass().getName())));

    private static final ArchCondition<JavaClass> REGISTER_TEST_WAREHOUSES = new ArchCondition<>(
            "register the shared extension: @RegisterExtension static final TestWarehouses") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
            boolean registered = c.getAllFields().stream().anyMatch(f -> f.getRawType().isEquivalentTo(TestWarehouses.class)
                    && f.getModifiers().contains(JavaModifier.STATIC) && f.isAnnotatedWith(RegisterExtension.class));
            events.add(new SimpleConditionEvent(c, registered, c.getName()
                    + (registered ? " registers" : " uses a warehouse but does not register") + " TestWarehouses"));
        }
    };

    static final ArchRule unitTestsUseNoServer = noClasses()
            .that().haveSimpleNameEndingWith("Test")
            .should(dependOnAny(WAREHOUSE_TYPES))
            .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.flink.runtime.minicluster..",
                    "org.apache.flink.test..")
            .because("*Test runs without a cluster or a database; that is what *ITCase is for");

    static final ArchRule itCasesGetWarehousesFromTestWarehouses = classes()
            .that().haveSimpleNameEndingWith("ITCase").and(USE_A_WAREHOUSE)
            .should(REGISTER_TEST_WAREHOUSES);

    static final ArchRule itCasesOpenNoConnectionThemselves = noClasses()
            .that().haveSimpleNameEndingWith("ITCase")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
            .because("a JDBC URL of the test's own bypasses TestWarehouses: use WAREHOUSES.freshUrl(engine)"
                    + " or open(engine), and read through the Warehouse or the fixtures");

    private static ArchCondition<JavaClass> dependOnAny(Set<String> types) {
        return new ArchCondition<>("depend on any of " + types) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getDirectDependenciesFromSelf().stream()
                        .filter(d -> types.contains(d.getTargetClass().getName()))
                        .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
            }
        };
    }

    @Test
    void unitTestsUseNoServer() {
        unitTestsUseNoServer.check(CLASSES);
    }

    @Test
    void itCasesGetWarehousesFromTestWarehouses() {
        itCasesGetWarehousesFromTestWarehouses.check(CLASSES);
    }

    @Test
    void itCasesOpenNoConnectionThemselves() {
        itCasesOpenNoConnectionThemselves.check(CLASSES);
    }
}

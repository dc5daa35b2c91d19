package io.symsweep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of {@code common}, checked over its compiled classes (ArchUnit): no cycle between its packages,
 * and no Spark anywhere in it (it is the science, plain Java; Spark is the adapter's).
 */
class PackageRulesTest {

    private static JavaClasses common;

    @BeforeAll
    static void importCommon() {
        common = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.symsweep");
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.symsweep.(*)..").should().beFreeOfCycles().check(common);
    }

    @Test
    void noSparkInCommon() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("common is plain Java; the Spark adapter lives in spark-jobs").check(common);
    }

    @Test
    void theSpecLayerKnowsNoTable() {
        noClasses().that().resideInAPackage("io.symsweep.sweep..").should().dependOnClassesThat()
                .resideInAnyPackage("io.symsweep.table..", "io.symsweep.experiment..").check(common);
    }
}

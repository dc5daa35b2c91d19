package io.symsweep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.symsweep.experiment.Experiments;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the adapter (ArchUnit): its packages are free of cycles, and it names no concrete experiment
 * kind, only the contracts ({@code Experiment}, {@code IndependentExperiment}, {@code TwoStageExperiment}) and the
 * registry.
 */
class AdapterRulesTest {

    private static JavaClasses adapter;

    @BeforeAll
    static void importAdapter() {
        adapter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.symsweep.spark", "io.symsweep.cli");
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.symsweep.(*)..").should().beFreeOfCycles().check(adapter);
    }

    @Test
    void theAdapterNamesNoConcreteKind() {
        Set<String> kinds = Experiments.all().stream().map(k -> k.getClass().getName()).collect(Collectors.toSet());
        DescribedPredicate<JavaClass> registeredKind = DescribedPredicate.describe("a registered experiment kind",
                c -> kinds.contains(c.getName()));
        noClasses().should().dependOnClassesThat(registeredKind).check(adapter);
    }
}

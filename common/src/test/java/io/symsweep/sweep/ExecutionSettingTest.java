package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.experiment.Experiments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Execution settings ({@link SpecField#hashed()} false) stay out of the configurations and their ids. */
class ExecutionSettingTest {

    private static final String SPEC = """
            name: exec
            kind: rescaling-barrier
            architecture: {widths: [3, 4, 2]}
            data: {samples: 3}
            training: {learning_rate: 0.01, steps: 10}
            seeds: 0..1
            probe: {factors: [2, 3]}
            """;

    @Test
    void theBatchSizeIsNotPartOfAnyConfiguration() {
        SweepSpec plain = Experiments.reader().parse(SPEC);
        SweepSpec withBatch = Experiments.reader().parse(SPEC + "execution: {batch_size: 24}\n");
        assertEquals(ExecutionSettings.AUTOMATIC, plain.execution());
        assertEquals(new ExecutionSettings(24), withBatch.execution());
        List<Configuration> a = plain.configurations();
        List<Configuration> b = withBatch.configurations();
        assertEquals(a, b);
        for (Configuration c : b) {
            assertFalse(c.canonicalForm().contains("batch"), c.canonicalForm());
        }
    }

    @Test
    void everyKindAcceptsTheExecutionSettings() {
        String orbits = "name: o\nkind: orbit-distance\norbit: {betas: 2}\nseeds: 0\nexecution: {batch_size: 8}\n";
        assertEquals(new ExecutionSettings(8), Experiments.reader().parse(orbits).execution());
        for (var kind : Experiments.all()) {
            assertFalse(kind.fields().stream().anyMatch(f -> f.path().startsWith("execution.")),
                    kind.name() + " declares an execution setting of its own; they are declared once, in "
                            + "ExecutionSettings");
        }
    }

    @Test
    void aBatchSizeIsOneValueInRange() {
        SpecException list = assertThrows(SpecException.class,
                () -> Experiments.reader().parse(SPEC + "execution: {batch_size: [8, 16]}\n"));
        assertTrue(list.getMessage().startsWith("execution.batch_size: takes one value, not a list"), list.getMessage());
        SpecException zero = assertThrows(SpecException.class,
                () -> Experiments.reader().parse(SPEC + "execution: {batch_size: 0}\n"));
        assertTrue(zero.getMessage().startsWith("execution.batch_size: "), zero.getMessage());
    }

    @Test
    void anExecutionSettingCannotBeSwept() {
        SpecField f = SpecField.integer("execution.x", "doc").unhashed();
        assertFalse(f.hashed());
        assertFalse(f.sweepable());
        assertThrows(IllegalArgumentException.class, () -> new SpecField("execution.x", "execution.x",
                SpecField.Type.INTEGER, null, false, null, true, null, "doc", false));
    }
}

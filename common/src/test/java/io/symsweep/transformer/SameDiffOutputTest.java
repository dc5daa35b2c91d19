package io.symsweep.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SameDiffOutputTest {

    @Test
    void onlySameDiffsDifferentiationLinesAreDropped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new SameDiffOutput.Filtered(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("Added differentiated op matmul_3");
        out.println("alignment-gpt: models: 3/36 (8%)");
        out.println("Added differentiated op");
        out.print("Added differentiated op kept: not a println of its own\n");
        out.println((String) null);
        out.println(42);
        assertEquals("alignment-gpt: models: 3/36 (8%)\nAdded differentiated op\n"
                + "Added differentiated op kept: not a println of its own\nnull\n42\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aGradientGraphPrintsNothing() {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            TransformerArchitecture arch = io.symsweep.bench.TransformerBench.gpt(16, 2);
            TransformerModel m = new TransformerModel(arch, TransformerParameters.initialise(arch, 3));
            SequenceData data = SequenceData.ofTokens(io.symsweep.bench.TransformerBench.reversalTask(0).test());
            new TransformerGraph(m).lossAndGradient(data);
        } finally {
            System.setOut(before);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}

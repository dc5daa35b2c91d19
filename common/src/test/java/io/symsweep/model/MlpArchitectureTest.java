package io.symsweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Architecture labels (the {@code architecture} column) and shapes. */
class MlpArchitectureTest {

    @Test
    void figure4LabelRoundTrips() {
        MlpArchitecture arch = MlpArchitecture.parseLabel("mlp[8,16,32,16,8,4]/leaky_relu(0.01)");
        assertArrayEquals(new int[] {8, 16, 32, 16, 8, 4}, arch.widths());
        assertEquals(Activation.leakyRelu(0.01), arch.activation());
        assertEquals("mlp[8,16,32,16,8,4]/leaky_relu(0.01)", arch.label());
        assertEquals(new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01)), arch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp[4,8,8,2]/relu", "mlp[2,3]/linear", "mlp[5,9,3]/leaky_relu(0.2)",
        "mlp[3,3,3]/leaky_relu(0)", "mlp[6,7,4]/sigmoid", "mlp[2,3,3,1]/tanh", "mlp[1,4096,1]/leaky_relu(0.125)"})
    void labelsRoundTrip(String label) {
        MlpArchitecture arch = MlpArchitecture.parseLabel(label);
        assertEquals(label, arch.label());
        assertEquals(arch, MlpArchitecture.parseLabel(arch.label()));
    }

    @Test
    void shapesFollowTheWidths() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {8, 16, 32, 16, 8, 4}, Activation.leakyRelu(0.01));
        assertEquals(5, arch.layers());
        assertEquals(8, arch.inputs());
        assertEquals(4, arch.outputs());
        // W_1 16x8, W_2 32x16, W_3 16x32, W_4 8x16, W_5 4x8.
        assertEquals(16, arch.rows(1));
        assertEquals(8, arch.cols(1));
        assertEquals(4, arch.rows(5));
        assertEquals(8, arch.cols(5));
        assertEquals(16 * 8 + 32 * 16 + 16 * 32 + 8 * 16 + 4 * 8, arch.parameterCount());
    }

    @Test
    void widthsAreCopiedIn() {
        int[] widths = {4, 8, 2};
        MlpArchitecture arch = new MlpArchitecture(widths, Activation.relu());
        widths[1] = 99;
        arch.widths()[0] = 99;
        assertArrayEquals(new int[] {4, 8, 2}, arch.widths());
    }

    @Test
    void badLabelsAndShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MlpArchitecture.parseLabel("mlp(8,4)/relu"));
        assertThrows(IllegalArgumentException.class, () -> MlpArchitecture.parseLabel("mlp[8,4]/swish"));
        assertThrows(IllegalArgumentException.class, () -> new MlpArchitecture(new int[] {4}, Activation.relu()));
        assertThrows(IllegalArgumentException.class, () -> new MlpArchitecture(new int[] {4, 0, 2}, Activation.relu()));
    }
}

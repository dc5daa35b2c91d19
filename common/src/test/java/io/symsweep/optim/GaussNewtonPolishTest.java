package io.symsweep.optim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.engine.DenseEngine;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gauss-Newton polishing converges quadratically from near a minimum and barely moves the point. */
class GaussNewtonPolishTest {

    @ParameterizedTest(name = "widths={0}")
    @CsvSource({"'3,3,3'", "'2,4,3,2'", "'2,2,2,2,2,2,2'", "'1,1,1,1'"})
    void polishesADescentEndpointToRounding(String widthList) {
        int[] widths = java.util.Arrays.stream(widthList.split(",")).mapToInt(Integer::parseInt).toArray();
        MlpArchitecture arch = new MlpArchitecture(widths, Activation.linear());
        RegressionData data = RegressionData.gaussian(widths[0], widths[widths.length - 1], widths[0], 3);
        MlpParameters init = WeightInit.LECUN_NORMAL.sample(arch, 1, 5);
        DenseEngine engine = new DenseEngine();
        TrainingResult gd = engine.train(init, data, new TrainingSettings(0.01, 200_000, 1e-8 * data.yNorm2()));
        assertTrue(gd.status() == TrainingStatus.CONVERGED, "descent reaches 1e-8: " + gd.finalLoss());
        GaussNewtonPolish.Result p = GaussNewtonPolish.polish(gd.weights(), data, 1e-26 * data.yNorm2(), 10);
        assertTrue(p.loss() < 1e-26 * data.yNorm2(), "polished loss " + p.loss());
        assertTrue(p.steps() <= 4, "quadratic convergence: " + p.steps() + " steps");
        // The point moves by O(sqrt(loss)): the minimum descent chose is kept.
        double moved = p.weights().distance(gd.weights());
        assertTrue(moved <= 100 * Math.sqrt(gd.finalLoss()), "moved " + moved + ", sqrt(loss) "
                + Math.sqrt(gd.finalLoss()));
    }

    @org.junit.jupiter.api.Test
    void refusesNonlinearNetworks() {
        MlpArchitecture arch = new MlpArchitecture(new int[] {2, 2, 2}, Activation.relu());
        MlpParameters w = WeightInit.LECUN_NORMAL.sample(arch, 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> GaussNewtonPolish.polish(w, RegressionData.gaussian(2, 2, 2, 1), 1e-20, 3));
    }
}

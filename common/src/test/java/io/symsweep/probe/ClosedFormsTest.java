package io.symsweep.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Equations (14) and (15) of Zhao et al. 2025 against values worked out by hand. */
class ClosedFormsTest {

    @Test
    void noRescalingNoBarrier() {
        // m = 1: c = (1 - a + a)(1 - a + a)^k = 1, so the loss (1 - c)^2 ||Y||^2 is exactly 0.
        for (double k : new double[] {1, 2, 3}) {
            for (double a : AlphaGrid.uniform(25)) {
                assertEquals(0.0, ClosedForms.rescalingInterpolationLoss(a, 1, k, 7.5), 0.0);
            }
        }
    }

    @Test
    void k1m3AtTheMidpointIsANinthOfYNorm() {
        // c = (1/2 + 1/6)(1/2 + 3/2) = (2/3)(2) = 4/3, so the loss is (1 - 4/3)^2 ||Y||^2 = ||Y||^2 / 9.
        double yNorm2 = 12.25;
        assertEquals(yNorm2 / 9, ClosedForms.rescalingInterpolationLoss(0.5, 3, 1, yNorm2), 1e-15 * yNorm2);
        assertEquals(yNorm2 / 9, ClosedForms.rescalingMidpointLoss(3, 1, yNorm2), 1e-15 * yNorm2);
    }

    @Test
    void k2m2AtTheMidpointIsExact() {
        // c = (1/2 + 1/8)(1/2 + 1)^2 = 0.625 * 2.25 = 1.40625; (1 - c)^2 = 0.1650390625, all exact in binary.
        assertEquals(0.1650390625, ClosedForms.rescalingMidpointLoss(2, 2, 1), 0.0);
    }

    @Test
    void equation15IsEquation14AtOneHalf() {
        // (1 - 2^-(k+1) (1 + m^-k)(1 + m)^k)^2 ||Y||^2, as printed in the paper.
        for (double k : new double[] {1, 2, 3}) {
            for (double m : new double[] {0.01, 0.5, 1.5, 2, 10, 1000, 12000}) {
                double printed = Math.pow(1 - Math.pow(2, -(k + 1)) * (1 + Math.pow(m, -k)) * Math.pow(1 + m, k), 2);
                assertEquals(printed, ClosedForms.rescalingMidpointLoss(m, k, 1), 1e-12 * printed,
                        "k=" + k + " m=" + m);
            }
        }
    }

    @Test
    void forLeakyReluTheMidpointLossIsTheSquareOfMMinusOneSquaredOverFourM() {
        // k = 1: 1 - (1 + 1/m)(1 + m)/4 = -(m - 2 + 1/m)/4 = -(m - 1)^2 / (4m): unbounded, about (m/4)^2.
        for (double m : new double[] {1.5, 2, 5, 100, 12000}) {
            double byHand = Math.pow((m - 1) * (m - 1) / (4 * m), 2);
            assertEquals(byHand, ClosedForms.rescalingMidpointLoss(m, 1, 1), 1e-12 * byHand, "m=" + m);
        }
        assertTrue(ClosedForms.rescalingMidpointLoss(12000, 1, 1) > 8.99e6, "barrier of order 10^7 at m = 12000");
    }

    @Test
    void theEndsOfTheSegmentAreOnTheMinimum() {
        for (double m : new double[] {1.5, 3, 12000}) {
            assertEquals(0.0, ClosedForms.rescalingInterpolationLoss(0, m, 1, 4), 0.0);
            // At a = 1, c = m^-k m^k = 1 up to rounding of the product.
            assertEquals(0.0, ClosedForms.rescalingInterpolationLoss(1, m, 1, 4), 1e-30);
        }
    }

    @Test
    void theLossIsSymmetricInMAndOneOverMAtTheMidpoint() {
        // c(m) = (1 + 1/m)(1 + m)/4 = c(1/m): rescaling by m or by 1/m gives the same midpoint loss (k = 1).
        for (double m : new double[] {1.5, 7, 12000}) {
            double a = ClosedForms.rescalingMidpointLoss(m, 1, 1);
            assertEquals(a, ClosedForms.rescalingMidpointLoss(1 / m, 1, 1), 1e-12 * a);
        }
    }
}

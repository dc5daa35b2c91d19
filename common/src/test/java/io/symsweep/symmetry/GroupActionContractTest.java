package io.symsweep.symmetry;

import static io.symsweep.testing.Networks.relativeDifference;
import static io.symsweep.testing.Networks.relativeDistance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.engine.DenseEngine;
import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.testing.Networks;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link GroupAction} algebra, run over every exact action on random networks: identity bit for bit,
 * compatibility and inverse to {@value #ALGEBRA_TOL} and loss invariance to {@value #INVARIANCE_TOL}, relative.
 */
class GroupActionContractTest {

    /** Relative distance of weights for compatibility and inverse (a few products of O(1) matrices). */
    static final double ALGEBRA_TOL = 1e-12;
    /** Relative change of {@code ||Y - f(X)||^2} under a true symmetry. */
    static final double INVARIANCE_TOL = 1e-10;
    /** Group elements at this distance from the identity (Frobenius norm of the logarithm, or |log c|). */
    static final double MAGNITUDE = 1.0;
    static final int SAMPLES = 6;
    static final int TRIALS = 5;

    /** One action on one network. */
    record Case(String label, GroupAction<?> action, MlpArchitecture arch, List<Integer> signs) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> exactActions() {
        MlpArchitecture linear = new MlpArchitecture(new int[] {4, 5, 3, 2}, Activation.linear());
        MlpArchitecture linearSquare = new MlpArchitecture(new int[] {3, 4, 4, 2}, Activation.linear());
        MlpArchitecture leaky = new MlpArchitecture(new int[] {3, 6, 4, 2}, Activation.leakyRelu(0.01));
        MlpArchitecture leakyWide = new MlpArchitecture(new int[] {5, 8, 3}, Activation.leakyRelu(0.2));
        MlpArchitecture relu = new MlpArchitecture(new int[] {3, 6, 4, 2}, Activation.relu());
        MlpArchitecture sigmoid = new MlpArchitecture(new int[] {4, 7, 3}, Activation.sigmoid());
        MlpArchitecture tanh = new MlpArchitecture(new int[] {2, 5, 5, 1}, Activation.tanh());
        List<Integer> both = List.of(1, -1);
        List<Integer> positive = List.of(1);
        return Stream.of(
                new Case("GL(5) layer 1, linear", GeneralLinearAction.on(linear, 1), linear, both),
                new Case("GL(3) layer 2, linear", GeneralLinearAction.on(linear, 2), linear, both),
                new Case("GL(4) layer 2, linear square", GeneralLinearAction.on(linearSquare, 2), linearSquare, both),
                new Case("O(5) layer 1, linear", OrthogonalAction.on(linear, 1), linear, both),
                new Case("O(4) layer 2, linear square", OrthogonalAction.on(linearSquare, 2), linearSquare, both),
                new Case("R+ layer 1, leaky relu", RescalingAction.on(leaky, 1), leaky, positive),
                new Case("R+ layer 2, leaky relu", RescalingAction.on(leaky, 2), leaky, positive),
                new Case("R+ layer 1, leaky relu 0.2", RescalingAction.on(leakyWide, 1), leakyWide, positive),
                new Case("R+ layer 2, relu", RescalingAction.on(relu, 2), relu, positive),
                new Case("R+ layer 1, linear", RescalingAction.on(linear, 1), linear, positive),
                new Case("S_6 layer 1, leaky relu", PermutationAction.on(leaky, 1), leaky, both),
                new Case("S_4 layer 2, relu", PermutationAction.on(relu, 2), relu, both),
                new Case("S_7 layer 1, sigmoid", PermutationAction.on(sigmoid, 1), sigmoid, both),
                new Case("S_5 layer 2, tanh", PermutationAction.on(tanh, 2), tanh, both),
                new Case("S_5 layer 1, linear", PermutationAction.on(linear, 1), linear, both));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactActions")
    void isExact(Case c) {
        assertTrue(c.action().isExact());
        assertEquals(c.action().site(), HiddenUnits.of(c.arch(), c.action().site().layer()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactActions")
    void identityChangesNothing(Case c) {
        check(c, (w, rng, sign, data) -> identityChangesNothing(c.action(), w));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactActions")
    void actingTwiceIsActingWithTheProduct(Case c) {
        check(c, (w, rng, sign, data) -> actingTwiceIsActingWithTheProduct(c.action(), w, rng, sign, c.signs()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactActions")
    void inverseUndoes(Case c) {
        check(c, (w, rng, sign, data) -> inverseUndoes(c.action(), w, rng, sign));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactActions")
    void lossIsInvariant(Case c) {
        DenseEngine engine = new DenseEngine();
        check(c, (w, rng, sign, data) -> lossIsInvariant(c.action(), w, rng, sign, data, engine));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactActions")
    void samplingIsReproducible(Case c) {
        check(c, (w, rng, sign, data) -> samplingIsReproducible(c.action(), w, rng, sign));
    }

    // The laws, each generic in the group so that the wildcard action of a case is captured by the call.

    private static <G> void identityChangesNothing(GroupAction<G> a, MlpParameters w) {
        assertEquals(w, a.act(a.identity(), w), "identity must leave every weight bit for bit");
    }

    private static <G> void actingTwiceIsActingWithTheProduct(GroupAction<G> a, MlpParameters w, SplittableRandom rng,
            int sign, List<Integer> signs) {
        G g = a.sample(rng, MAGNITUDE, sign);
        G h = a.sample(rng, MAGNITUDE, signs.get(rng.nextInt(signs.size())));
        MlpParameters twice = a.act(g, a.act(h, w));
        MlpParameters once = a.act(a.compose(g, h), w);
        assertTrue(relativeDistance(twice, once) <= ALGEBRA_TOL, "g(hw) vs (gh)w: " + relativeDistance(twice, once));
    }

    private static <G> void inverseUndoes(GroupAction<G> a, MlpParameters w, SplittableRandom rng, int sign) {
        G g = a.sample(rng, MAGNITUDE, sign);
        MlpParameters back = a.act(a.inverse(g), a.act(g, w));
        assertTrue(relativeDistance(back, w) <= ALGEBRA_TOL, "g^-1 (g w) vs w: " + relativeDistance(back, w));
        MlpParameters viaProduct = a.act(a.compose(a.inverse(g), g), w);
        assertTrue(relativeDistance(viaProduct, w) <= ALGEBRA_TOL);
    }

    private static <G> void lossIsInvariant(GroupAction<G> a, MlpParameters w, SplittableRandom rng, int sign,
            RegressionData data, DenseEngine engine) {
        G g = a.sample(rng, MAGNITUDE, sign);
        MlpParameters moved = a.act(g, w);
        double before = engine.loss(w, data);
        double after = engine.loss(moved, data);
        assertTrue(relativeDifference(after, before) <= INVARIANCE_TOL,
                "loss " + before + " -> " + after + ", relative " + relativeDifference(after, before));
        assertTrue(moved.distance(w) > 1e-3 * w.norm() || g.equals(a.identity()),
                "the sampled element should move the weights");
    }

    private static <G> void samplingIsReproducible(GroupAction<G> a, MlpParameters w, SplittableRandom rng, int sign) {
        long seed = rng.nextLong();
        MlpParameters first = a.act(a.sample(new SplittableRandom(seed), MAGNITUDE, sign), w);
        MlpParameters second = a.act(a.sample(new SplittableRandom(seed), MAGNITUDE, sign), w);
        assertEquals(first, second);
    }

    /** One check of a law on one network, one data set and one sign, drawing from {@code rng}. */
    interface Checker {
        void run(MlpParameters w, SplittableRandom rng, int sign, RegressionData data);
    }

    private static void check(Case c, Checker checker) {
        SplittableRandom rng = new SplittableRandom(c.label().hashCode());
        for (int trial = 0; trial < TRIALS; trial++) {
            MlpParameters w = Networks.random(c.arch(), rng.nextLong());
            RegressionData data = Networks.gaussianData(c.arch(), SAMPLES, rng.nextLong());
            for (int sign : c.signs()) {
                checker.run(w, rng, sign, data);
            }
        }
    }
}

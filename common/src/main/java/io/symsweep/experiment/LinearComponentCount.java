package io.symsweep.experiment;

import io.symsweep.engine.DenseEngine;
import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.model.MlpArchitecture;
import io.symsweep.model.MlpParameters;
import io.symsweep.model.RegressionData;
import io.symsweep.model.WeightInit;
import io.symsweep.optim.GaussNewtonPolish;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.table.ComponentRow;
import io.symsweep.table.ComponentSampleRow;
import io.symsweep.table.Provenance;
import io.symsweep.topology.ComponentSurvey;
import io.symsweep.topology.DeepLinearComponents;
import io.symsweep.topology.MinimumHomeomorphism;
import io.symsweep.topology.PathComponentCount;
import io.symsweep.topology.RetractedPath;
import io.symsweep.topology.SignPattern;
import io.symsweep.topology.SurveyStatus;
import io.symsweep.train.TrainingResult;
import io.symsweep.train.TrainingSettings;
import io.symsweep.train.TrainingStatus;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code components} with {@code architecture.type: linear}: Corollary 4.2 and Proposition 5.2 (Zhao et al. 2025).
 * {@code ||Y - W_l ... W_1 X||_F^2} with {@code h x h} weights and Gaussian {@code X}, {@code Y} redrawn until both
 * smallest singular values exceed {@code data.min_singular_value}. Each sample is trained by full-batch gradient
 * descent (the dense engine, linear activation) from its own initialisation and polished by Gauss-Newton; the
 * converged minima are counted by {@link DeepLinearComponents}: {@code 2^(l-1)} components (Corollary 4.2), 1 up to
 * permutation (Proposition 5.2). Unless {@code connectivity.independent_count} is false, the very minima it
 * classified (those on the minimum) are counted a second time by {@link PathComponentCount}, which uses no sign
 * pattern: sampled minima joined by pulled-back straight paths, union-find (not up to permutation).
 */
public final class LinearComponentCount {

    /** Data draws tried before a configuration is {@code DATA_REJECTED}. */
    public static final int MAX_DATA_DRAWS = 1000;

    private LinearComponentCount() {
    }

    /**
     * One linear configuration, parsed once (defaults filled in by {@link Components#normalize}).
     *
     * @param configuration    the configuration
     * @param layers           {@code l}
     * @param width            {@code h}
     * @param minSingularValue the data's threshold
     * @param samples          initialisations trained
     * @param upToPermutation  count up to permutations of hidden units
     * @param learningRate     the gradient-descent step
     * @param steps            its budget per sample
     * @param tolerance        converged below this times {@code ||Y||^2}
     * @param polishFrom       gradient descent hands over to Gauss-Newton below this times {@code ||Y||^2}
     * @param polishSteps      the Gauss-Newton budget
     * @param init             the initial weight distribution
     * @param initScale        its scale
     * @param gridPoints       points checked on each path
     * @param pathTolerance    the largest loss on a path, times {@code ||Y||^2}
     * @param independentCount also count by pulled-back paths ({@link PathComponentCount}); not up to permutation
     */
    public record Settings(Configuration configuration, int layers, int width, double minSingularValue, int samples,
            boolean upToPermutation, double learningRate, long steps, double tolerance, double polishFrom,
            int polishSteps, WeightInit init, double initScale, int gridPoints, double pathTolerance,
            boolean independentCount) {

        public static Settings parse(Configuration c) {
            return new Settings(c, c.smallInteger(Components.LAYERS), c.smallInteger(Components.WIDTH),
                    c.number(Components.MIN_SINGULAR_VALUE), c.smallInteger(Components.SAMPLES),
                    c.flag(Components.UP_TO_PERMUTATION), c.number(Components.LEARNING_RATE),
                    c.integer(Components.STEPS), c.number(Components.TOLERANCE), c.number(Components.POLISH_FROM),
                    c.smallInteger(Components.POLISH_STEPS), WeightInit.fromSpecName(c.text(Components.INIT)),
                    c.number(Components.INIT_SCALE), c.smallInteger(Components.GRID_POINTS),
                    c.number(Components.PATH_TOLERANCE),
                    !c.has(Components.INDEPENDENT_COUNT) || c.flag(Components.INDEPENDENT_COUNT));
        }

        /**
         * The id the initialisations derive from: the configuration without its count settings (connectivity and
         * permutation) and sample count, so a count up to permutation classifies the very minima of the plain count,
         * and more samples extend the same sequence.
         */
        public String trainingId() {
            return configuration.project(k -> !k.startsWith(Components.CONNECTIVITY_SECTION)
                    && !k.equals(Components.UP_TO_PERMUTATION.configKey())
                    && !k.equals(Components.SAMPLES.configKey())).id();
        }
    }

    /**
     * X and Y ({@code h x h}, i.i.d. N(0, 1)) from the seed and {@code h} only, redrawn until both smallest
     * singular values exceed the threshold; {@code null} when {@link #MAX_DATA_DRAWS} draws all fail.
     */
    public static RegressionData data(Settings s) {
        int h = s.width();
        for (int draw = 0; draw < MAX_DATA_DRAWS; draw++) {
            String dataId = "square-gaussian/" + s.configuration().seed() + "/" + h + "/" + draw;
            RegressionData d = RegressionData.gaussian(h, h, h, ConfigIds.seed(dataId, "data"));
            if (MinimumHomeomorphism.smallestSingularValue(new DMatrixRMaj(h, h, true, d.x())) > s.minSingularValue()
                    && MinimumHomeomorphism.smallestSingularValue(new DMatrixRMaj(h, h, true, d.y()))
                    > s.minSingularValue()) {
                return d;
            }
        }
        return null;
    }

    /**
     * One trained sample.
     *
     * @param result      the weights after descent and polishing, their loss and status ({@code steps}: descent)
     * @param polishSteps Gauss-Newton steps taken
     */
    public record TrainedSample(TrainingResult result, int polishSteps) {
    }

    /**
     * Trains sample {@code k}: full-batch gradient descent (the dense engine) from the sample's initialisation until
     * the loss is below {@code polish_from ||Y||^2}, then Gauss-Newton polishing ({@link GaussNewtonPolish}) to
     * {@code tolerance ||Y||^2}. Gradient descent decides which minimum is reached; polishing moves it by
     * {@code O(sqrt(loss))} only.
     */
    public static TrainedSample train(Settings s, MlpArchitecture arch, RegressionData data, int k) {
        MlpParameters init = s.init().sample(arch, s.initScale(), ConfigIds.seed(s.trainingId(), "init/" + k));
        double tolerance = s.tolerance() * data.yNorm2();
        double handOver = s.polishSteps() > 0 ? Math.max(tolerance, s.polishFrom() * data.yNorm2()) : tolerance;
        TrainingResult gd = new DenseEngine().train(init, data, new TrainingSettings(s.learningRate(), s.steps(),
                handOver));
        if (gd.status() != TrainingStatus.CONVERGED || gd.finalLoss() < tolerance) {
            return new TrainedSample(gd, 0);
        }
        long start = System.nanoTime();
        GaussNewtonPolish.Result p = GaussNewtonPolish.polish(gd.weights(), data, tolerance, s.polishSteps());
        TrainingStatus status = p.loss() < tolerance ? TrainingStatus.CONVERGED
                : Double.isFinite(p.loss()) ? TrainingStatus.NOT_CONVERGED : TrainingStatus.DIVERGED;
        double seconds = gd.seconds() + (System.nanoTime() - start) * 1e-9;
        return new TrainedSample(new TrainingResult(p.weights(), gd.steps(), p.loss(), status, seconds), p.steps());
    }

    static List<TableRows<?>> run(Settings s, String sweep) {
        Configuration c = s.configuration();
        int l = s.layers();
        int h = s.width();
        int predicted = s.upToPermutation() ? 1 : SignPattern.count(l - 1);
        RegressionData data = data(s);
        if (data == null) {
            ComponentRow row = new ComponentRow(Provenance.of(c, sweep), Components.LINEAR, l, h, 0.0,
                    s.upToPermutation(), s.samples(), 0, 0, null, 0, predicted, null, null, null, null, null, null, 0,
                    0, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN, Double.NaN, SurveyStatus.DATA_REJECTED,
                    null, null);
            return List.of(TableRows.of(ComponentRow.TABLE, row),
                    new TableRows<>(ComponentSampleRow.TABLE, List.of()));
        }
        MinimumHomeomorphism f = new MinimumHomeomorphism(data, l);
        List<TrainedSample> trained = new ArrayList<>(s.samples());
        List<TrainingResult> runs = new ArrayList<>(s.samples());
        for (int k = 0; k < s.samples(); k++) {
            trained.add(train(s, f.architecture(), data, k));
            runs.add(trained.get(k).result());
        }
        ComponentSurvey survey = DeepLinearComponents.survey(f, runs, s.upToPermutation(), s.gridPoints(),
                s.pathTolerance() * data.yNorm2());
        List<ComponentSampleRow> sampleRows = new ArrayList<>(s.samples());
        for (int k = 0; k < s.samples(); k++) {
            TrainingResult r = runs.get(k);
            sampleRows.add(Components.sampleRow(c, sweep, k, ComponentSampleRow.Status.valueOf(r.status().name()),
                    r.steps(), trained.get(k).polishSteps(), survey.outcomes().get(k)));
        }
        PathComponentCount.Result independent = null;
        double independentTolerance = Double.NaN;
        if (s.independentCount() && !s.upToPermutation()) {
            List<MlpParameters> minima = new ArrayList<>();
            for (int k = 0; k < s.samples(); k++) {
                if (survey.outcomes().get(k).onMinimum()) {
                    minima.add(runs.get(k).weights());
                }
            }
            if (!minima.isEmpty()) {
                RetractedPath.Settings paths = PathComponentCount.defaults(minima, data);
                independent = PathComponentCount.count(minima, data, paths,
                        PathComponentCount.DEFAULT_ATTEMPTS_PER_SET_PAIR);
                independentTolerance = paths.pathTolerance();
            }
        }
        return Components.rows(c, sweep, Components.LINEAR, l, h, 0.0, s.upToPermutation(), survey, independent,
                independentTolerance, data.yNorm2(), data.x(), data.y(), sampleRows);
    }
}

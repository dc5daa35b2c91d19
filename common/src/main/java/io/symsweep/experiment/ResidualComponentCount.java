package io.symsweep.experiment;

import io.symsweep.experiment.IndependentExperiment.TableRows;
import io.symsweep.sweep.ConfigIds;
import io.symsweep.sweep.Configuration;
import io.symsweep.table.ComponentSampleRow;
import io.symsweep.topology.ComponentSurvey;
import io.symsweep.topology.ResidualComponents;
import io.symsweep.topology.ResidualNet;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code components} with {@code architecture.type: residual}: Proposition 4.3 and Figure 1 (Zhao et al. 2025). The
 * 1-D net {@code (Y - W3 (W2 W1 X + eps X))^2} with scalar {@code X}, {@code Y}: points drawn on the minimum are
 * joined by low-loss segments ({@link ResidualComponents}): 4 components for {@code eps = 0}, 3 otherwise.
 */
final class ResidualComponentCount {

    private ResidualComponentCount() {
    }

    /**
     * One residual configuration, parsed once (defaults filled in by {@link Components#normalize}).
     *
     * @param configuration the configuration
     * @param eps           the skip connection's weight
     * @param x             the input
     * @param y             the target
     * @param samples       points drawn on the minimum
     * @param neighbors     nearest points each point is joined to
     * @param joinTolerance the largest loss on a joining segment, times {@code Y^2}
     */
    record Settings(Configuration configuration, double eps, double x, double y, int samples, int neighbors,
            double joinTolerance) {

        static Settings parse(Configuration c) {
            return new Settings(c, c.number(Components.EPS), c.number(Components.DATA_X), c.number(Components.DATA_Y),
                    c.smallInteger(Components.SAMPLES), c.smallInteger(Components.NEIGHBORS),
                    c.number(Components.JOIN_TOLERANCE));
        }
    }

    static List<TableRows<?>> run(Settings s, String sweep) {
        Configuration c = s.configuration();
        ResidualNet net = new ResidualNet(s.eps(), s.x(), s.y());
        long seed = ConfigIds.seed(c.project(k -> !k.startsWith(Components.CONNECTIVITY_SECTION)).id(), "points");
        ComponentSurvey survey = ResidualComponents.survey(net, s.samples(), s.neighbors(), s.joinTolerance(), seed);
        List<ComponentSampleRow> sampleRows = new ArrayList<>(survey.outcomes().size());
        for (int k = 0; k < survey.outcomes().size(); k++) {
            ComponentSurvey.SampleOutcome o = survey.outcomes().get(k);
            sampleRows.add(Components.sampleRow(c, sweep, k, o.onMinimum() ? ComponentSampleRow.Status.ON_MINIMUM
                    : ComponentSampleRow.Status.OFF_MINIMUM, 0, 0, o));
        }
        return Components.rows(c, sweep, Components.RESIDUAL, 3, 1, net.eps(), false, survey, net.y() * net.y(),
                new double[] {s.x()}, new double[] {s.y()}, sampleRows);
    }
}

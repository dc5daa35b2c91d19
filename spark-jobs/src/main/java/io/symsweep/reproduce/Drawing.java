package io.symsweep.reproduce;

import io.symsweep.report.Figure;
import java.util.function.Supplier;

/**
 * A figure of the report ({@link PaperFigures}, {@link AlignmentFigures}): its name, the spec whose tables it is
 * drawn from, and how to draw it; the report draws it when that spec ran.
 */
record Drawing(String name, String spec, Supplier<Figure> draw) {
}

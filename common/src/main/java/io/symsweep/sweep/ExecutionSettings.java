package io.symsweep.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * How to compute, never what: the {@code execution} section every kind accepts, declared once here, kept out of
 * every configuration and its id ({@link SpecField#unhashed()}), so changing it reruns nothing and changes no result.
 *
 * @param batchSize networks an engine trains or probes at once (rounded up to whole SIMD vectors); 0 lets the engine
 *                  choose
 */
public record ExecutionSettings(int batchSize) implements Serializable {

    /** Largest {@code execution.batch_size}. */
    public static final int MAX_BATCH = 65_536;

    public static final SpecField BATCH_SIZE = SpecField.integer("execution.batch_size",
                    "networks the dense engine trains or probes at once, rounded up to whole SIMD vectors (default: "
                            + "automatic); changes speed, never results")
            .unhashed().checked(Check.between(1, MAX_BATCH));

    /** The execution fields, in the order the README documents them. */
    public static final List<SpecField> FIELDS = List.of(BATCH_SIZE);

    /** Every setting automatic. */
    public static final ExecutionSettings AUTOMATIC = new ExecutionSettings(0);

    public ExecutionSettings {
        if (batchSize < 0 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be 0 (automatic) or 1.." + MAX_BATCH + ", found "
                    + batchSize);
        }
    }

    /** The settings a spec's {@code execution} values give (config key to value; absent keys automatic). */
    public static ExecutionSettings of(Map<String, Object> values) {
        Object batch = values.get(BATCH_SIZE.configKey());
        return new ExecutionSettings(batch == null ? 0 : Math.toIntExact((Long) batch));
    }
}

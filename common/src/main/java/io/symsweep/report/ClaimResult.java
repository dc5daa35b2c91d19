package io.symsweep.report;

import java.util.Map;
import java.util.Objects;

/**
 * The verdict on one claim.
 *
 * @param claim     the claim
 * @param status    PASS, FAIL or NOT_MEASURED
 * @param predicted the query's {@code predicted}, as text
 * @param measured  the query's {@code measured}, as text
 * @param cases     the query's {@code cases}
 * @param note      why it failed or was not measured, or empty
 */
public record ClaimResult(Claim claim, ClaimStatus status, String predicted, String measured, long cases,
        String note) {

    public ClaimResult {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(status, "status");
        predicted = predicted == null ? "" : predicted;
        measured = measured == null ? "" : measured;
        note = note == null ? "" : note;
        if (status == ClaimStatus.PASS && cases < 1) {
            throw new IllegalArgumentException(claim.id() + ": a claim measured on " + cases + " cases cannot pass");
        }
    }

    /**
     * The verdict from the query's one row ({@code predicted}, {@code measured}, {@code cases}, {@code pass}):
     * PASS only when {@code pass} is true and {@code cases >= 1}; a null {@code pass} (nothing to aggregate, a NaN
     * compared) is a FAIL.
     */
    public static ClaimResult of(Claim claim, Map<String, Object> row) {
        for (String column : new String[] {"predicted", "measured", "cases", "pass"}) {
            if (!row.containsKey(column)) {
                return failed(claim, "the query returned no column '" + column + "' (it has " + row.keySet() + ")");
            }
        }
        long cases = row.get("cases") == null ? 0 : ((Number) row.get("cases")).longValue();
        Object pass = row.get("pass");
        String predicted = text(row.get("predicted"));
        String measured = text(row.get("measured"));
        if (cases < 1) {
            return new ClaimResult(claim, ClaimStatus.FAIL, predicted, measured, cases, "no cases to measure it on");
        }
        if (Boolean.TRUE.equals(pass)) {
            return new ClaimResult(claim, ClaimStatus.PASS, predicted, measured, cases, "");
        }
        return new ClaimResult(claim, ClaimStatus.FAIL, predicted, measured, cases,
                pass == null ? "the verdict is null (a NaN or an empty aggregate)" : "outside the tolerance");
    }

    /** A claim whose query could not run, or returned no row. */
    public static ClaimResult failed(Claim claim, String why) {
        return new ClaimResult(claim, ClaimStatus.FAIL, "", "", 0, why);
    }

    /** A claim that waits for a column this build's tables do not have. */
    public static ClaimResult notMeasured(Claim claim, String why) {
        return new ClaimResult(claim, ClaimStatus.NOT_MEASURED, "", "", 0, why);
    }

    /** Numbers in the shortest form that shows 4 significant digits. */
    static String text(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return String.format(java.util.Locale.ROOT, "%.4g", d);
        }
        if (v instanceof java.math.BigDecimal b) {
            return text(b.doubleValue());
        }
        return v.toString();
    }
}

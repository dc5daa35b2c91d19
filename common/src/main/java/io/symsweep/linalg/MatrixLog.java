package io.symsweep.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The principal real logarithm of a square matrix, or the reason there is none. Numerical trouble is data:
 * {@link MatrixFunctions#log} never throws for a square input.
 *
 * @param value       {@code log A} when {@code status} is {@link Status#OK}, otherwise {@code null}
 * @param status      whether the logarithm was computed, and if not, why
 * @param squareRoots the number {@code s} of square roots taken before the Padé step ({@code log A =
 *                    2^s log A^(1/2^s)}); 0 when not computed
 * @param padeDegree  the degree {@code m} of the diagonal Padé approximant of {@code log(I + X)}; 0 when not
 *                    computed
 */
public record MatrixLog(DMatrixRMaj value, Status status, int squareRoots, int padeDegree) {

    /** Why a logarithm was or was not computed. */
    public enum Status {
        /** Computed: {@code value} is the principal logarithm (every eigenvalue's imaginary part in (-pi, pi)). */
        OK,
        /** {@code A} has a zero eigenvalue (to rounding): no logarithm of any kind. */
        SINGULAR,
        /**
         * No real logarithm exists: some negative real eigenvalue has odd algebraic multiplicity, so its Jordan
         * blocks cannot pair up (Culver 1966). In particular every {@code A} with {@code det A < 0}.
         */
        NO_REAL_LOGARITHM,
        /**
         * {@code A} has negative real eigenvalues, each of even multiplicity: a real logarithm may exist (e.g.
         * {@code -I_2}, a rotation by pi) but none is principal, and none is computed.
         */
        NOT_PRINCIPAL,
        /** The square-root iteration did not converge. */
        NOT_CONVERGED,
        /** {@code A} has a NaN or infinite entry. */
        NOT_FINITE
    }

    public MatrixLog {
        if (status == null) {
            throw new IllegalArgumentException("status is null");
        }
        if ((status == Status.OK) != (value != null)) {
            throw new IllegalArgumentException("value must be present exactly when status is OK, status " + status);
        }
        value = value == null ? null : value.copy();
    }

    /** A failed logarithm. */
    static MatrixLog failed(Status status) {
        return new MatrixLog(null, status, 0, 0);
    }

    /** A copy of the logarithm, or {@code null} unless {@link #isOk()}. */
    @Override
    public DMatrixRMaj value() {
        return value == null ? null : value.copy();
    }

    /** True when the logarithm was computed. */
    public boolean isOk() {
        return status == Status.OK;
    }
}

package io.symsweep.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A permutation {@code p} of {@code {0, ..., n-1}}, an element of the symmetric group {@code S_n}. As a matrix,
 * {@code P e_j = e_{p(j)}}, so {@code P_p P_q = P_{p o q}} and composition matches matrix multiplication.
 *
 * @param images {@code images[j] = p(j)}
 */
public record Permutation(int[] images) {

    /** The largest {@code n} for which {@link #all(int)} enumerates {@code n!} permutations. */
    public static final int MAX_ENUMERATED = 9;

    public Permutation {
        if (images == null || images.length < 1) {
            throw new IllegalArgumentException("a permutation needs at least one element");
        }
        boolean[] seen = new boolean[images.length];
        for (int j = 0; j < images.length; j++) {
            int v = images[j];
            if (v < 0 || v >= images.length || seen[v]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (images.length - 1) + ": "
                        + Arrays.toString(images));
            }
            seen[v] = true;
        }
        images = images.clone();
    }

    /** The permutation with these images. */
    public static Permutation of(int... images) {
        return new Permutation(images);
    }

    public static Permutation identity(int n) {
        int[] p = new int[n];
        for (int j = 0; j < n; j++) {
            p[j] = j;
        }
        return new Permutation(p);
    }

    @Override
    public int[] images() {
        return images.clone();
    }

    /** {@code n}. */
    public int size() {
        return images.length;
    }

    /** {@code p(j)}. */
    public int image(int j) {
        return images[j];
    }

    /** {@code this o other}: {@code j -> this(other(j))}. */
    public Permutation compose(Permutation other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("cannot compose permutations of " + size() + " and " + other.size());
        }
        int[] p = new int[size()];
        for (int j = 0; j < p.length; j++) {
            p[j] = images[other.images[j]];
        }
        return new Permutation(p);
    }

    public Permutation inverse() {
        int[] p = new int[size()];
        for (int j = 0; j < p.length; j++) {
            p[images[j]] = j;
        }
        return new Permutation(p);
    }

    /** +1 for an even permutation, -1 for an odd one: {@code det P}. */
    public int sign() {
        boolean[] seen = new boolean[size()];
        int sign = 1;
        for (int i = 0; i < seen.length; i++) {
            int length = 0;
            for (int j = i; !seen[j]; j = images[j]) {
                seen[j] = true;
                length++;
            }
            if (length > 0 && length % 2 == 0) {
                sign = -sign;
            }
        }
        return sign;
    }

    public boolean isIdentity() {
        for (int j = 0; j < images.length; j++) {
            if (images[j] != j) {
                return false;
            }
        }
        return true;
    }

    /** A uniformly random permutation of {@code n} (Fisher-Yates). */
    public static Permutation random(SplittableRandom rng, int n) {
        return new Permutation(randomImages(rng, n));
    }

    /**
     * The images of a uniformly random permutation of {@code n >= 0} (Fisher-Yates: for {@code j = n-1 .. 1}, swap
     * {@code j} with {@code rng.nextInt(j + 1)}); the one shuffle every seeded draw of a permutation uses.
     */
    public static int[] randomImages(SplittableRandom rng, int n) {
        int[] p = IntStream.range(0, n).toArray();
        for (int j = n - 1; j > 0; j--) {
            int k = rng.nextInt(j + 1);
            int t = p[j];
            p[j] = p[k];
            p[k] = t;
        }
        return p;
    }

    /**
     * A uniformly random permutation of {@code n} with the given sign: a uniform draw, composed with the
     * transposition (0 1) when its sign is wrong, a bijection between the odd and even permutations.
     */
    public static Permutation random(SplittableRandom rng, int n, int sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, found " + sign);
        }
        if (sign == -1 && n < 2) {
            throw new IllegalArgumentException("there is no odd permutation of " + n + " element");
        }
        Permutation p = random(rng, n);
        if (p.sign() == sign) {
            return p;
        }
        int[] q = p.images();
        int t = q[0];
        q[0] = q[1];
        q[1] = t;
        return new Permutation(q);
    }

    /** All {@code n!} permutations of {@code n <= 9}, in lexicographic order of their images. */
    public static List<Permutation> all(int n) {
        if (n < 1 || n > MAX_ENUMERATED) {
            throw new IllegalArgumentException("can enumerate permutations of 1.." + MAX_ENUMERATED
                    + " elements, found " + n);
        }
        List<Permutation> out = new ArrayList<>();
        int[] p = identity(n).images;
        while (true) {
            out.add(new Permutation(p));
            // Next lexicographic permutation (Knuth, TAOCP 7.2.1.2, Algorithm L).
            int i = n - 2;
            while (i >= 0 && p[i] > p[i + 1]) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            int j = n - 1;
            while (p[j] < p[i]) {
                j--;
            }
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
            for (int a = i + 1, b = n - 1; a < b; a++, b--) {
                t = p[a];
                p[a] = p[b];
                p[b] = t;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permutation p && Arrays.equals(images, p.images);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(images);
    }

    @Override
    public String toString() {
        return "Permutation" + Arrays.toString(images);
    }
}

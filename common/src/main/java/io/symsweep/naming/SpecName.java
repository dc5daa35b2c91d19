package io.symsweep.naming;

import java.util.Locale;

/**
 * An enum constant with a spelling in specs and tables: its name in lower case ({@code WEIGHT_MATCHING} is
 * {@code weight_matching}). {@link #parse} is the inverse on the spellings and throws on every other string.
 */
public interface SpecName {

    /** The constant's name (supplied by {@link Enum#name()}). */
    String name();

    /** The spelling in specs and tables: {@link #name()} in lower case. */
    default String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} spelled {@code name}; otherwise an {@link IllegalArgumentException} whose message
     * is {@code error} followed by {@code name} (for example {@code "task must be classification or regression,
     * found "}).
     */
    static <E extends Enum<E> & SpecName> E parse(Class<E> type, String name, String error) {
        for (E e : type.getEnumConstants()) {
            if (e.specName().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(error + name);
    }
}

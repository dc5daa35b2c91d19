package io.symsweep.report;

import java.util.Objects;

/**
 * One figure of the report: a PNG and what it shows.
 *
 * @param name    file stem, e.g. {@code figure4} (written as {@code figure4.png})
 * @param title   e.g. "Figure 4 / Proposition 5.3"
 * @param caption what is drawn, from which table
 * @param png     the image
 */
public record Figure(String name, String title, String caption, byte[] png) {

    public Figure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        if (name == null || !name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a figure's name is [a-z0-9_]+, found " + name);
        }
        if (png == null || png.length < 8 || (png[0] & 0xff) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException(name + ": not a PNG");
        }
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}

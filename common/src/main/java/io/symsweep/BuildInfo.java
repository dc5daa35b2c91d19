package io.symsweep;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of symsweep that is running, recorded in every row ({@code code_version}). */
public final class BuildInfo {

    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** {@code 0.1.0-SNAPSHOT+3f2a9c1d0e} (version, then the git commit it was built from when known). */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/symsweep/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Falls back to "unknown" below: the version is provenance, not logic.
        }
        String version = p.getProperty("version", "unknown");
        String commit = p.getProperty("commit", "");
        return commit.isBlank() || commit.startsWith("$") ? version : version + "+" + commit;
    }
}

package io.symsweep;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of symsweep that is running, recorded in every row ({@code code_version}). */
public final class BuildInfo {

    private static final Properties PROPERTIES = properties();
    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** {@code 0.1.0-SNAPSHOT+3f2a9c1d0e} (version, then the git commit it was built from when known). */
    public static String version() {
        return VERSION;
    }

    /** The git commit symsweep was built from, or {@code unknown}. */
    public static String commit() {
        String commit = PROPERTIES.getProperty("commit", "");
        return commit.isBlank() || commit.startsWith("$") ? "unknown" : commit;
    }

    /**
     * The version of a Maven artifact on the class path (its {@code pom.properties}), e.g. DL4J's; {@code unknown}
     * when it carries none.
     */
    public static String artifactVersion(String groupId, String artifactId) {
        Properties p = read("/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties");
        return p.getProperty("version", "unknown");
    }

    private static Properties properties() {
        return read("/io/symsweep/build.properties");
    }

    private static Properties read(String resource) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Falls back to "unknown": versions are provenance, not logic.
        }
        return p;
    }

    private static String load() {
        String version = PROPERTIES.getProperty("version", "unknown");
        String commit = commit();
        return commit.equals("unknown") ? version : version + "+" + commit;
    }
}

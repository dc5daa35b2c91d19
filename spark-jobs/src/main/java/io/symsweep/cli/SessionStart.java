package io.symsweep.cli;

import io.symsweep.spark.Sessions;
import java.util.Map;

/** Starts a command's Spark session, reporting a setting Spark rejects as the user's error (exit status 2). */
final class SessionStart {

    private SessionStart() {
    }

    /**
     * {@link Sessions#create}; an {@link IllegalArgumentException} while Spark starts (a malformed
     * {@code --conf} value such as {@code spark.executor.memory=lots}) becomes a {@link UserException}.
     */
    static Sessions.Lease lease(String appName, String master, Map<String, String> conf) {
        try {
            return Sessions.create(appName, master, conf);
        } catch (IllegalArgumentException e) {
            throw new UserException("Spark did not start with these settings: "
                    + Failures.sparkText(Failures.firstLine(e.getMessage())) + " (see --master and --conf)", e);
        }
    }
}

package io.symsweep.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark Connect client for ServeIT, run in a JVM of its own with the JVM client's class path:
 * {@code ConnectQuery sc://HOST:PORT "SQL"} prints the rows as CSV (a header, then one line per row,
 * cells as {@code String.valueOf}).
 */
public final class ConnectQuery {

    private ConnectQuery() {
    }

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate();
        try {
            var df = spark.sql(args[1]);
            System.out.println(String.join(",", df.columns()));
            for (Row r : df.collectAsList()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.length(); i++) {
                    cells.add(String.valueOf(r.get(i)));
                }
                System.out.println(String.join(",", cells));
            }
            System.out.println("session: " + spark.getClass().getName());
        } finally {
            spark.close();
        }
    }
}

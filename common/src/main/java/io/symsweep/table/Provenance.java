package io.symsweep.table;

import io.symsweep.BuildInfo;
import io.symsweep.sweep.Configuration;
import java.io.Serializable;

/**
 * What makes a result row reproducible, shared by every result table: the first component of its row record,
 * flattened by {@link RecordTable} into {@code config_id}, {@code sweep} and {@code seed} first and {@code config},
 * {@code code_version} (then {@code schema_version}) last.
 *
 * @param configId    the configuration's id
 * @param sweep       the sweep that wrote the row
 * @param seed        the configuration's seed
 * @param config      the configuration's canonical form
 * @param codeVersion the symsweep that computed the row
 */
@Columns("""
        config_id: id of the row's configuration: the first 64 bits of the SHA-256 of config, in hex
        sweep: name of the sweep that wrote the row
        seed: the configuration's seed (every random draw derives from the configuration)
        config: canonical form of the configuration (JSON, keys sorted)
        code_version: symsweep version that computed the row (version+git commit)
        """)
public record Provenance(String configId, String sweep, long seed, String config, String codeVersion)
        implements Serializable {

    /** Columns that come first in every result table. */
    static final int HEAD = 3;

    /** The provenance of a row that {@code c} computes for {@code sweep}, by the running symsweep. */
    public static Provenance of(Configuration c, String sweep) {
        return new Provenance(c.id(), sweep, c.seed(), c.canonicalForm(), BuildInfo.version());
    }
}

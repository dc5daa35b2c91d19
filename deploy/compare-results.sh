#!/usr/bin/env bash
# deploy/compare-results.sh A B [CLI]: rows of two rescaling-barrier results folders compared by config_id: every column but code_version (and train_seconds, a wall
# time) as JSON text (doubles in shortest round-trip form: equal text iff equal bits, -0.0 and NaN included).
# Prints, per table: rows in A, rows in B, ids in one only, ids whose rows differ.
set -euo pipefail
a="$1"; b="$2"; cli="${3:-$(cd "$(dirname "$0")/.." && pwd)/symsweep}"
bcols="config_id, sweep, seed, minimum_id, factor, rescaled_layer, permutation, alphas, losses, barrier, midpoint_loss, closed_form_midpoint_loss, endpoint_distance, search, candidates, best_permutation, identity_barrier, factor_range, range_loss_bound, status, minimum_status, config, schema_version"
mcols="config_id, sweep, seed, kind, architecture, engine, steps, final_loss, status, weights, y_norm2, x, y, config, schema_version"
for t in barriers:"$bcols" minima:"$mcols"; do
  name="${t%%:*}"; cols="${t#*:}"
  "$cli" sql --results "$a" --format csv "
    WITH a AS (SELECT config_id AS id, to_json(struct($cols)) AS j FROM parquet.\`$a/$name\`),
         b AS (SELECT config_id AS id, to_json(struct($cols)) AS j FROM parquet.\`$b/$name\`)
    SELECT '$name' AS tbl, (SELECT count(*) FROM a) AS rows_a, (SELECT count(*) FROM b) AS rows_b,
           (SELECT count(DISTINCT id) FROM a) AS ids_a,
           count_if(a.id IS NULL OR b.id IS NULL) AS in_one_only,
           count_if(a.id IS NOT NULL AND b.id IS NOT NULL AND a.j <> b.j) AS differing
    FROM a FULL OUTER JOIN b ON a.id = b.id" 2>/dev/null
done

#!/usr/bin/env bash
# Issue 14, item 4 (not run by CI: ~30 min to hours on 2 shared cores): a sweep of 10,000,000 configurations
# (10,000 seeds of the Figure-4 network x 1,000 factors, a 300-step training budget) on local[2] with the JVM's
# heap capped at 1 GB (in local mode the executors run inside the driver's JVM, so the cap holds them too), then
# its rerun into the same folder, then the exactly-once query. Prints each step's wall time and the JVM's peak
# RSS (VmHWM, from /usr/bin/time's "Maximum resident set size").
#   deploy/ten-million.sh OUT_DIR [SEEDS] [FACTORS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: deploy/ten-million.sh OUT_DIR [SEEDS] [FACTORS]}"
seeds="${2:-10000}"
factors="${3:-1000}"
mkdir -p "$out"
spec="$out/ten-million.yaml"
sed -e "s/^seeds: 0\.\.9999$/seeds: 0..$((seeds - 1))/" -e "s/points: 1000}/points: $factors}/" \
  "$here/deploy/ten-million.yaml" > "$spec"
export OMP_NUM_THREADS=1
export SYMSWEEP_JAVA_OPTS="-Xmx1g ${SYMSWEEP_JAVA_OPTS:-}"
"$here/symsweep" validate "$spec"
run() {
  local label="$1"
  shift
  local start=$SECONDS
  /usr/bin/time -v -o "$out/$label.time" "$here/symsweep" run "$spec" --out "$out/results" --master 'local[2]' \
    --conf spark.driver.memory=1g "$@" > "$out/$label.log" 2>&1
  echo "$label: wall $((SECONDS - start)) s, peak RSS $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2 / 1024}' "$out/$label.time")"
  tail -n 8 "$out/$label.log"
}
run first
run rerun
"$here/symsweep" sql --results "$out/results" --format csv \
  "SELECT count(*) AS rows, count(DISTINCT config_id) AS ids, count(DISTINCT minimum_id) AS minima,
          count_if(status = 'OK') AS ok FROM barriers"
"$here/symsweep" sql --results "$out/results" --format csv \
  "SELECT count(*) AS rows, count(DISTINCT config_id) AS ids FROM minima"

# Sourced by ./symsweep and deploy/spark-submit. Usage: exec java ... 2> >(drop_incubator_warning >&2)
#
# The JVM prints "WARNING: Using incubator modules: jdk.incubator.vector" once at start-up (the dense
# engine's SIMD batches need that module). This filter of the JVM's stderr drops exactly that line and
# passes every other byte unchanged: the lines before it (e.g. "Picked up JAVA_TOOL_OPTIONS") line by
# line, everything after it as it comes (cat), so progress lines that rewrite themselves with \r still
# show at once. stdin and stdout stay the terminal's (the SQL shell edits lines on them). The filter
# ignores the terminal's Ctrl-C (the shell uses it to cancel a query) and ends when the JVM closes its
# stderr; with `exec`, the JVM keeps the script's PID and its exit status is the script's.
drop_incubator_warning() {
  trap '' INT QUIT TERM
  local line warning="WARNING: Using incubator modules: jdk.incubator.vector"
  while IFS= read -r line; do
    if [[ "$line" == "$warning" ]]; then
      exec cat
    fi
    printf '%s\n' "$line"
  done
  [[ -z "$line" ]] || printf '%s' "$line"
}

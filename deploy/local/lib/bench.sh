# shellcheck shell=bash
# Sourced by deploy/local/stack: the benchmarks on a fresh e2e stack.

bench() { # benchmarks on a fresh e2e stack; the report goes to e2e/target/benchmarks.md
  [[ "$INSTANCE" == e2e ]] || { STACK_INSTANCE=e2e "$HERE/stack" bench; return; }
  if ! command -v wrk >/dev/null 2>&1; then # the lean load generator (C): a Java client would take a quarter of the CPU
    say "bench: installing wrk (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) > "$LOGS/wrk-install.log" 2>&1 \
      || fail "bench: wrk is missing and apt-get install wrk failed; see $LOGS/wrk-install.log"
  fi
  fresh_e2e_stack
  local svc
  for svc in "${SERVICES[@]}"; do # restart one at a time: startup measured without the others starting too
    stop_service "$svc" > /dev/null
    start_service "$svc"
    wait_ready "$svc"
  done
  (cd "$ROOT" && ./mvnw -B -q -pl e2e package -DskipTests \
    && ./mvnw -B -q -pl e2e dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) \
    || fail "bench: building the benchmark failed"
  local urls; mapfile -t urls < <(e2e_urls)
  java -cp "$ROOT/e2e/target/e2e-1.0.0-SNAPSHOT.jar:$(cat "$ROOT/e2e/target/classpath.txt")" "${urls[@]}" \
    -Dbench.repository="$ROOT" cn.jiaozuo.biodiversity.e2e.bench.Benchmark "$ROOT/e2e/target/benchmarks.md"
}

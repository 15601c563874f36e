# shellcheck shell=bash
# Sourced by deploy/local/stack: the benchmarks on a fresh e2e stack.

bench() { # benchmarks on a fresh e2e stack; the report goes to e2e/target/benchmarks.md
  [[ "$INSTANCE" == e2e ]] || { STACK_INSTANCE=e2e "$HERE/stack" bench; return; }
  fresh_e2e_stack
  local svc
  for svc in "${SERVICES[@]}"; do # restart one at a time: startup measured without the others starting too
    stop_pid "$svc" > /dev/null
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

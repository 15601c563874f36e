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
  # Startup is measured on a quiet machine: the services up just started still compile and join their consumer groups.
  wait_until 120 "the machine to settle" machine_quiet || say "bench: the machine did not settle within 120 s"
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

machine_quiet() { # 0 when the cores were less than 15 % busy over the last second (/proc/stat: user .. steal)
  local cpu a b c d e f g h busy1 total1 busy2 total2
  read -r cpu a b c d e f g h _ < /proc/stat
  busy1=$((a + b + c + f + g + h)); total1=$((busy1 + d + e))
  sleep 1
  read -r cpu a b c d e f g h _ < /proc/stat
  busy2=$((a + b + c + f + g + h)); total2=$((busy2 + d + e))
  ((100 * (busy2 - busy1) < 15 * (total2 - total1)))
}


# shellcheck shell=bash
# shellcheck disable=SC2164 # deploy/local/stack runs with set -e: a failed cd stops it
# Sourced by deploy/local/stack: the test command (CI's entry) and the e2e suites on a fresh e2e stack.

# Where the e2e suites and the benchmark find this stack.
e2e_urls() {
  printf '%s\n' "-De2e.observation-url=http://127.0.0.1:$((8081 + PORT_OFFSET))" \
    "-De2e.plot-url=http://127.0.0.1:$((8082 + PORT_OFFSET))" "-De2e.alert-url=http://127.0.0.1:$((8083 + PORT_OFFSET))" \
    "-De2e.patrol-url=http://127.0.0.1:$((8084 + PORT_OFFSET))" "-De2e.bulletin-url=http://127.0.0.1:$((8085 + PORT_OFFSET))" \
    "-De2e.kafka=127.0.0.1:$KAFKA_PORT" "-De2e.mail-api-url=http://127.0.0.1:$MAIL_API_PORT" "-Dbench.observation-url=http://127.0.0.1:$((8081 + PORT_OFFSET))" \
    "-Dbench.kafka=127.0.0.1:$KAFKA_PORT" "-Dbench.stack-var=$VAR" \
    "-Dbench.jdbc=jdbc:postgresql://$PG_HOST:$PG_PORT/biodiversity_observation$DB_SUFFIX"
}

test_all() {
  ensure_postgres
  ensure_cjk_font # bulletin-service's PDF tests embed it
  cd "$ROOT"
  find_service_jdk
  say "jdk: the packaged services run on $("$SERVICE_JAVA" -version 2>&1 | head -n 1) ($SERVICE_JAVA)"
  deploy/k8s/check # Kubernetes manifests and deploy/compose.yaml (seconds; no cluster needed)
  # Unit and @QuarkusTest suites of every module (real PostgreSQL, in-JVM Kafka), then the packaged jars.
  ./mvnw -B install
  deploy/openapi/lint # Redocly's recommended rules over the OpenAPI documents the module tests saved (target/openapi)
  deploy/openapi/client/check # a client typed from observation-service's document must compile (post, replay, read back)
  STACK_INSTANCE=e2e "$HERE/stack" e2e
}

e2e() { # the end-to-end, fault and browser suites against a fresh e2e stack, stopped afterwards
  [[ "$INSTANCE" == e2e ]] || { STACK_INSTANCE=e2e "$HERE/stack" e2e; return; }
  fresh_e2e_stack
  local urls; mapfile -t urls < <(e2e_urls)
  { (cd "$ROOT" && ./mvnw -B -pl e2e verify -De2e=true "${urls[@]}") \
    && STACK_PORT_OFFSET=$PORT_OFFSET "$ROOT/console/src/test/browser/run" \
    && STACK_PORT_OFFSET=$PORT_OFFSET "$ROOT/field/src/test/browser/run"; } || {
    local svc
    for svc in "${SERVICES[@]}"; do say "---- last lines of $svc.log"; tail -n 40 "$LOGS/$svc.log" || true; done
    return 1
  }
}

fresh_e2e_stack() {
  down > /dev/null
  rm -rf "$VAR" "$OWN_PG"
  mkdir -p "$PIDS" "$LOGS"
  trap 'down > /dev/null || true' EXIT
  up
}

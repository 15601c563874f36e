# shellcheck shell=bash
# Sourced by deploy/local/stack: packaging the services when stale, starting one and waiting until ready.

stale() { # 0 when a service jar is missing or older than a source file
  local svc jar
  for svc in "${SERVICES[@]}"; do
    jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
    [[ -f "$jar" ]] || return 0
    # console, field: alert-service and observation-service serve their pages, so a changed script or style is a
    # stale jar too. test-support:
    # the e2e module takes its JwtMinter from the installed jar.
    if [[ -n $(find "$ROOT/pom.xml" "$ROOT/common" "$ROOT/test-support" "$ROOT/console/src/main" "$ROOT/field/src/main" "$ROOT/$svc" -newer "$jar" -type f \
        \( -name '*.java' -o -name '*.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.json' \
           -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.webmanifest' -o -name '*.svg' \) \
        -not -path '*/target/*' -not -path '*/node_modules/*' -print -quit) ]]; then
      return 0
    fi
  done
  return 1
}

build() {
  if stale; then
    say "build: packaging the services (./mvnw install -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests) > "$LOGS/build.log" 2>&1 \
      || { tail -n 40 "$LOGS/build.log" >&2; fail "build failed; full log: $LOGS/build.log"; }
  fi
}

ready() { # SERVICE -> 0 when /q/health/ready answers UP
  local body
  body=$(curl -fsS --max-time 2 "http://127.0.0.1:$(port_of "$1")/q/health/ready" 2>/dev/null) || return 1
  [[ "$body" == *'"status": "UP"'* || "$body" == *'"status":"UP"'* ]]
}

start_service() { # SERVICE
  local svc=$1 port
  port=$(port_of "$svc") || fail "unknown component $svc"
  if pid_alive "$svc"; then
    return 0
  fi
  port_open "$port" && fail "$svc: port $port is taken by a process this stack did not start"
  [[ -n "${SERVICE_JAVA:-}" ]] || find_service_jdk
  # The ahead-of-time cache loads only with the class path it was made with, so java runs in target/quarkus-app with
  # -jar quarkus-run.jar; exec keeps $! the java process itself (what down stops).
  local aot=""
  if [[ -n "$SERVICE_AOT" ]]; then
    if aot_cache_current "$svc"; then
      aot=" -XX:AOTCache=app.aot"
    else # a training run: the JVM writes the cache as it exits (finish_training, stop_service)
      aot=" -XX:AOTCacheOutput=app.aot"
      touch "$PIDS/$svc.training"
    fi
  fi
  say "$svc: starting on http://127.0.0.1:$port${aot:+ (${aot# })}"
  # ALERTS_E2E_CLOCK_HOOK: only the e2e stack lets its journeys move alert-service's delivery clock (PUT /e2e/clock,
  # night and morning for quiet hours and digests); a developer's stack and production never have the route.
  QUARKUS_HTTP_PORT=$port DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$(db_of "$svc")" \
    DB_USER=$DB_USER DB_PASSWORD=$DB_PASSWORD EXPORT_PSEUDONYM_SECRET=$EXPORT_PSEUDONYM_SECRET \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" ALERTS_WEBHOOK_ALLOWED_RECEIVERS=127.0.0.1 \
    SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" ALERTS_MAIL_FROM=alerts@jiaozuo-biodiversity.local \
    JWT_ISSUER=$JWT_ISSUER JWT_PUBLIC_KEY_LOCATION="file:$HERE/keys/jwt-public.pem" \
    CONSOLE_ORIGINS="http://127.0.0.1:$((8083 + PORT_OFFSET)),http://localhost:$((8083 + PORT_OFFSET))" \
    CONSOLE_OBSERVATION_URL="http://127.0.0.1:$((8081 + PORT_OFFSET))" CONSOLE_PLOT_URL="http://127.0.0.1:$((8082 + PORT_OFFSET))" \
    CONSOLE_PATROL_URL="http://127.0.0.1:$((8084 + PORT_OFFSET))" CONSOLE_BULLETIN_URL="http://127.0.0.1:$((8085 + PORT_OFFSET))" \
    ALERTS_CHANNELS_CONSOLE_URL="http://127.0.0.1:$((8083 + PORT_OFFSET))/console/" \
    ALERTS_CHANNELS_BULLETIN_URL="http://127.0.0.1:$((8085 + PORT_OFFSET))" \
    ALERTS_E2E_CLOCK_HOOK="$([[ "$INSTANCE" == e2e ]] && echo true || echo false)" \
    FIELD_ORIGINS="http://127.0.0.1:$((8081 + PORT_OFFSET)),http://localhost:$((8081 + PORT_OFFSET))" \
    FIELD_PATROL_URL="http://127.0.0.1:$((8084 + PORT_OFFSET))" FIELD_PLOT_URL="http://127.0.0.1:$((8082 + PORT_OFFSET))" \
    bash -c 'cd "$0" && exec nohup "$1" $2 -jar quarkus-run.jar' "$ROOT/$svc/target/quarkus-app" "$SERVICE_JAVA" "$SERVICE_JVM_OPTS$aot" \
    > "$LOGS/$svc.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$svc.pid"
}

# ---------------------------------------------------------------- ahead-of-time cache (JDK 25+)
# The first start after a build is a training run (-XX:AOTCacheOutput): the JVM records what it loads and compiles, and
# writes target/quarkus-app/app.aot as it exits. The cache holds every class of a full start (Kafka clients, Hibernate,
# Vert.x: Quarkus's own AppCDS archive stops after static initialisation and missed two thirds of them). It is current
# while the jar is older than it and the JDK and JVM options are those it was made with (app.aot.made-with); a stale
# cache would only be refused by the JVM, which then starts without it.

aot_stamp() { # the JDK's exact build (its release file, not java -version, which JAVA_TOOL_OPTIONS would change) and the options
  printf '%s %s\n' "$(grep '^JAVA_RUNTIME_VERSION=' "${SERVICE_JAVA%/bin/java}/release" 2>/dev/null)" "$SERVICE_JVM_OPTS"
}

aot_cache_current() { # SERVICE -> 0 when its cache fits the jar, the JDK and the options
  local dir="$ROOT/$1/target/quarkus-app"
  [[ -f "$dir/app.aot" && "$dir/app.aot" -nt "$dir/quarkus-run.jar" && -f "$dir/app.aot.made-with" ]] \
    && [[ "$(cat "$dir/app.aot.made-with")" == "$(aot_stamp)" ]]
}

stop_service() { # SERVICE: a training run gets time to write its cache, and its cache is recorded when written
  local svc=$1 dir="$ROOT/$1/target/quarkus-app"
  if [[ -f "$PIDS/$svc.training" ]]; then
    stop_pid "$svc" 180
    rm -f "$PIDS/$svc.training"
    if grep -q "AOTCache creation is complete" "$LOGS/$svc.log" 2>/dev/null; then
      aot_stamp > "$dir/app.aot.made-with"
    else
      rm -f "$dir/app.aot" "$dir/app.aot.made-with"
      say "$svc: no ahead-of-time cache written (see $LOGS/$svc.log); the next start trains again"
    fi
  else
    stop_pid "$svc"
  fi
}

finish_training() { # after up: services on a training run stop together (each writes its cache), then start with it
  local svc training=()
  for svc in "${SERVICES[@]}"; do [[ -f "$PIDS/$svc.training" ]] && training+=("$svc"); done
  ((${#training[@]})) || return 0
  say "aot: writing the ahead-of-time caches of ${training[*]} (once per build)"
  local began=$SECONDS
  for svc in "${training[@]}"; do kill -TERM "$(cat "$PIDS/$svc.pid")" 2>/dev/null || true; done
  for svc in "${training[@]}"; do stop_service "$svc"; done
  for svc in "${training[@]}"; do start_service "$svc"; done
  for svc in "${training[@]}"; do wait_ready "$svc"; done
  say "aot: caches written and the services restarted with them in $((SECONDS - began)) s"
}

wait_ready() { # SERVICE
  if ! wait_until 90 "$1" ready "$1"; then
    tail -n 30 "$LOGS/$1.log" >&2 || true
    fail "$1: not ready within 90 s; readiness: $(curl -s "http://127.0.0.1:$(port_of "$1")/q/health/ready" || echo 'no answer'); log: $LOGS/$1.log"
  fi
}

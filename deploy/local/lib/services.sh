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
  say "$svc: starting on http://127.0.0.1:$port"
  # The AppCDS archive the build wrote (quarkus.package.jar.appcds.enabled): it loads only with the class path it was
  # made with, so java runs in target/quarkus-app with -jar quarkus-run.jar; exec keeps $! the java process itself
  # (what down stops).
  local cds=""
  if [[ -f "$ROOT/$svc/target/quarkus-app/app-cds.jsa" ]]; then cds=" -XX:SharedArchiveFile=app-cds.jsa"; fi
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
    bash -c 'cd "$0" && exec nohup java $1 -jar quarkus-run.jar' "$ROOT/$svc/target/quarkus-app" "$SERVICE_JVM_OPTS$cds" \
    > "$LOGS/$svc.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$svc.pid"
}

wait_ready() { # SERVICE
  if ! wait_until 90 "$1" ready "$1"; then
    tail -n 30 "$LOGS/$1.log" >&2 || true
    fail "$1: not ready within 90 s; readiness: $(curl -s "http://127.0.0.1:$(port_of "$1")/q/health/ready" || echo 'no answer'); log: $LOGS/$1.log"
  fi
}

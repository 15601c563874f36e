# shellcheck shell=bash
# Sourced by deploy/local/stack: the commands over the whole stack (up, down, status, start, stop, logs).

status() {
  if pg_answers; then say "postgresql             up       $PG_HOST:$PG_PORT"; else say "postgresql             down     $PG_HOST:$PG_PORT"; fi
  if pid_alive kafka; then
    say "kafka                  up       127.0.0.1:$KAFKA_PORT (pid $(cat "$PIDS/kafka.pid"))"
  else
    say "kafka                  down"
  fi
  local svc state
  for svc in "${SERVICES[@]}"; do
    if pid_alive "$svc"; then
      if ready "$svc"; then state="ready"; else state="not-ready"; fi
      printf '%-22s %-8s http://127.0.0.1:%s (pid %s)\n' "$svc" "$state" "$(port_of "$svc")" "$(cat "$PIDS/$svc.pid")"
    else
      printf '%-22s %-8s\n' "$svc" "down"
    fi
  done
}

# bulletin-service embeds this CJK font in every PDF (docs/bulletins.md, "PDF"); without it generation fails.
CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
ensure_cjk_font() {
  [[ -r "$CJK_FONT" ]] && return 0
  say "fonts: $CJK_FONT missing; installing Debian's fonts-wqy-zenhei"
  [[ $(id -u) -eq 0 ]] || fail "fonts: not root; install the fonts-wqy-zenhei package (bulletin-service's PDFs need it)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei) \
    > "$LOGS/fonts-install.log" 2>&1 || fail "fonts: apt-get install failed; see $LOGS/fonts-install.log"
}

up() {
  build
  ensure_postgres
  ensure_cjk_font
  start_kafka
  start_smtp
  local svc
  for svc in "${SERVICES[@]}"; do start_service "$svc"; done
  for svc in "${SERVICES[@]}"; do wait_ready "$svc"; done
  # The e2e suites split patrols by county: there the outlines must be in; a developer's stack runs without them.
  load_county_outlines || [[ "$INSTANCE" != e2e ]] || fail "outlines: the e2e stack needs the county outlines"
  finish_training
  say ""
  say "The stack is up:"
  for svc in "${SERVICES[@]}"; do
    say "  $svc  http://127.0.0.1:$(port_of "$svc")  (API description: http://127.0.0.1:$(port_of "$svc")/q/openapi)"
  done
  say "  kafka                  127.0.0.1:$KAFKA_PORT"
  say "  postgresql             $PG_HOST:$PG_PORT (role $DB_USER)"
  say "A token: deploy/local/stack token ranger"
}

down() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_service "${SERVICES[$i]}"; done
  stop_pid kafka
  stop_pid smtp
  [[ -n "$OWN_PG" ]] && stop_own_postgres
  if [[ -f "$PIDS/postgresql.started" ]]; then
    local version cluster
    read -r version cluster < "$PIDS/postgresql.started"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop && say "postgresql: stopped"
    rm -f "$PIDS/postgresql.started"
  fi
}

start_one() {
  case "${1:-}" in
    kafka) start_kafka ;;
    smtp) start_smtp ;;
    postgresql) ensure_postgres ;;
    *) is_service "${1:-}" || fail "start: NAME is one of kafka, smtp, postgresql, ${SERVICES[*]}"
       build; start_service "$1"; wait_ready "$1" ;;
  esac
}

stop_one() {
  case "${1:-}" in
    kafka) stop_pid kafka ;;
    smtp) stop_pid smtp ;;
    postgresql) [[ -n "$OWN_PG" ]] || fail "stop: this stack uses the machine's PostgreSQL; it stops only its own (STACK_INSTANCE=e2e)"
                stop_own_postgres ;;
    *) is_service "${1:-}" || fail "stop: NAME is one of kafka, smtp, postgresql (e2e only), ${SERVICES[*]}"
       stop_service "$1" ;;
  esac
}

logs() {
  local name=${1:-}
  [[ -f "$LOGS/$name.log" ]] || fail "logs: no log for '$name' (kafka, ${SERVICES[*]}, build)"
  tail -n "${LINES_SHOWN:-200}" "$LOGS/$name.log"
}

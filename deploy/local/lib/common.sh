# shellcheck shell=bash
# Sourced by deploy/local/stack: which instance this is (dev or e2e), its ports, databases and folders,
# messages, and the pid files of the processes the stack starts.
# shellcheck disable=SC2034 # the settings are read by the other files under lib/

# STACK_INSTANCE=e2e runs a second, separate stack (ports +10000, own databases and data) so the
# end-to-end and fault suites never touch a developer's running stack. STACK_PORT_OFFSET moves an e2e
# stack elsewhere (say 20000), so two checkouts on one machine can each run their own.
INSTANCE=${STACK_INSTANCE:-dev}
case "$INSTANCE" in
  dev) PORT_OFFSET=0; DB_SUFFIX=""; PG_PORT=5432; OWN_PG="" ;;
  # The e2e instance runs its own throwaway PostgreSQL cluster, so fault tests may stop it.
  e2e) PORT_OFFSET=${STACK_PORT_OFFSET:-10000}; DB_SUFFIX="_e2e"; PG_PORT=$((5432 + PORT_OFFSET))
       OWN_PG="${TMPDIR:-/tmp}/jiaozuo-biodiversity-e2e-pg-$(printf '%s' "$HERE" | cksum | cut -d' ' -f1)-$PORT_OFFSET"
       # Webhook retries within seconds, so the subscriber-outage test need not wait half a minute.
       export ALERTS_WEBHOOK_RETRY_BASE=${ALERTS_WEBHOOK_RETRY_BASE:-1s}
       # Generalized records are released every few seconds instead of at midnight, so the suites see both sides.
       export BIODIVERSITY_DISCLOSURE_RELEASE_INTERVAL=${BIODIVERSITY_DISCLOSURE_RELEASE_INTERVAL:-5s} ;;
  *) echo "stack: STACK_INSTANCE is dev or e2e" >&2; exit 2 ;;
esac
VAR="$HERE/var/$INSTANCE${STACK_PORT_OFFSET:+-$STACK_PORT_OFFSET}" # git-ignored: pids, logs, Kafka data
PIDS="$VAR/pids"
LOGS="$VAR/logs"
KAFKA_HOME="$VAR/kafka"
KAFKA_LIBS="$HERE/var/kafka-libs"
KAFKA_PORT=$((9092 + PORT_OFFSET))
KAFKA_CONTROLLER_PORT=$((9093 + PORT_OFFSET))
PG_HOST=127.0.0.1
DB_USER=biodiversity
DB_PASSWORD=biodiversity        # local development only; production takes DB_PASSWORD from a Secret
EXPORT_PSEUDONYM_SECRET=local-only-pseudonym-secret # key of recordedBy in exports; production: a Secret
JWT_ISSUER=https://local.jiaozuo-biodiversity
SERVICES=(observation-service sampling-plot-service alert-service patrol-service bulletin-service)
ROLES=(ranger station reviewer bureau admin)
# Small heaps and the serial collector: five services and a broker share two cores.
SERVICE_JVM_OPTS=${SERVICE_JVM_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}

# The JDK the services run on: SERVICE_JAVA_HOME when set, else the first JDK 25 or newer in JAVA_HOME or /usr/lib/jvm
# (this machine kind carries Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64). From 25 on, its ahead-of-time cache
# (JEP 483, 514, 515) starts a service in 2–2.5 s instead of 5 (docs/operations.md). Without one they run on the
# JDK on PATH, without the cache.
jdk_major() { # JAVA_HOME -> its feature version, from its release file
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
use_service_jdk() { # JAVA_HOME
  SERVICE_JAVA="$1/bin/java"; SERVICE_AOT=""
  local major; major=$(jdk_major "$1")
  if [[ -n "$major" ]] && ((major >= 25)); then SERVICE_AOT=1; fi
}
find_service_jdk() {
  if [[ -n "${SERVICE_JAVA_HOME:-}" ]]; then
    [[ -x "$SERVICE_JAVA_HOME/bin/java" ]] || fail "SERVICE_JAVA_HOME=$SERVICE_JAVA_HOME: no bin/java there"
    use_service_jdk "$SERVICE_JAVA_HOME"; return 0
  fi
  local home
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$home" && -x "$home/bin/java" ]] || continue
    use_service_jdk "$home"
    [[ -n "$SERVICE_AOT" ]] && return 0
  done
  command -v java >/dev/null 2>&1 \
    || fail "no Java found: the services need a JDK (25 or newer for the ahead-of-time cache, 17 at least); looked in SERVICE_JAVA_HOME, JAVA_HOME, /usr/lib/jvm and PATH"
  SERVICE_JAVA=$(command -v java); SERVICE_AOT=""
  say "jdk: no JDK 25 or newer in JAVA_HOME or /usr/lib/jvm; the services run on $SERVICE_JAVA without the ahead-of-time cache (a start takes about 6 s instead of 2–2.5)"
}

is_service() { # NAME -> 0 when NAME is one of SERVICES
  local svc
  for svc in "${SERVICES[@]}"; do [[ "$svc" == "$1" ]] && return 0; done
  return 1
}

port_of() {
  case "$1" in
    observation-service) echo $((8081 + PORT_OFFSET)) ;;
    sampling-plot-service) echo $((8082 + PORT_OFFSET)) ;;
    alert-service) echo $((8083 + PORT_OFFSET)) ;;
    patrol-service) echo $((8084 + PORT_OFFSET)) ;;
    bulletin-service) echo $((8085 + PORT_OFFSET)) ;;
    *) return 1 ;;
  esac
}

db_of() {
  case "$1" in
    observation-service) echo "biodiversity_observation$DB_SUFFIX" ;;
    sampling-plot-service) echo "biodiversity_plots$DB_SUFFIX" ;;
    alert-service) echo "biodiversity_alerts$DB_SUFFIX" ;;
    patrol-service) echo "biodiversity_patrols$DB_SUFFIX" ;;
    bulletin-service) echo "biodiversity_bulletins$DB_SUFFIX" ;;
  esac
}

say() { printf '%s\n' "$*"; }
fail() { printf 'stack: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- processes

pid_alive() { # NAME -> 0 when the recorded pid runs
  local file="$PIDS/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_until() { # SECONDS DESCRIPTION COMMAND... : polls every 0.2 s until COMMAND succeeds
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

stop_pid() { # NAME [SECONDS]: TERM, then KILL after SECONDS (30)
  local file="$PIDS/$1.pid" grace=${2:-30}
  [[ -f "$file" ]] || { say "$1: not started by this stack"; return 0; }
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    if ! wait_until "$grace" "$1 to stop" bash -c "! kill -0 $pid 2>/dev/null"; then
      say "$1: did not stop in $grace s, killing"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    say "$1: stopped"
  fi
  rm -f "$file"
}

# shellcheck shell=bash
# Sourced by deploy/local/stack: PostgreSQL, the machine's cluster (dev) or the e2e instance's own, with
# the project role and one database per service.

pg_answers() { port_open "$PG_PORT"; }

as_postgres() { # COMMAND... -> runs as the postgres OS user (initdb and the socket need it)
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_admin() { # SQL -> runs as the postgres superuser, through the local socket when we can
  if [[ -n "$OWN_PG" ]]; then
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc "$1"
  elif id postgres >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres -tAc "$1"
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc "$1"
  fi
}

install_postgres() {
  say "postgresql: not installed; installing Debian's postgresql"
  [[ $(id -u) -eq 0 ]] || fail "postgresql: not installed and not root; install the postgresql package"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) \
    > "$LOGS/postgresql-install.log" 2>&1 || fail "postgresql: apt-get install failed; see $LOGS/postgresql-install.log"
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_own_postgres() { # the e2e instance's private cluster: initdb once, then pg_ctl
  [[ -n "$(pg_bin)" ]] || install_postgres
  if [[ ! -f "$OWN_PG/PG_VERSION" ]]; then
    mkdir -p "$OWN_PG"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$OWN_PG"
    chmod 700 "$OWN_PG"
    as_postgres "$(pg_bin)/initdb" -D "$OWN_PG" -U postgres --auth=trust -E UTF8 > "$LOGS/postgresql-init.log" 2>&1 \
      || fail "postgresql: initdb of $OWN_PG failed; see $LOGS/postgresql-init.log"
  fi
  say "postgresql: starting the $INSTANCE cluster on $PG_HOST:$PG_PORT"
  as_postgres "$(pg_bin)/pg_ctl" -D "$OWN_PG" -l "$OWN_PG/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=$PG_HOST -k $OWN_PG -c fsync=on" start > /dev/null \
    || fail "postgresql: the $INSTANCE cluster did not start; see $OWN_PG/server.log"
}

stop_own_postgres() {
  [[ -n "$OWN_PG" && -f "$OWN_PG/postmaster.pid" ]] || { say "postgresql: not running"; return 0; }
  as_postgres "$(pg_bin)/pg_ctl" -D "$OWN_PG" -m fast -w stop > /dev/null && say "postgresql: stopped"
}

ensure_postgres() {
  if [[ -n "$OWN_PG" ]]; then
    pg_answers || start_own_postgres
  elif ! pg_answers; then
    if ! command -v pg_lsclusters >/dev/null 2>&1 || [[ -z $(pg_lsclusters -h 2>/dev/null) ]]; then
      install_postgres
    fi
    local version cluster
    read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
    say "postgresql: starting cluster $version/$cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start \
      || fail "postgresql: pg_ctlcluster $version $cluster start failed"
    echo "$version $cluster" > "$PIDS/postgresql.started"
    wait_until 30 "postgresql" pg_answers || fail "postgresql: not answering on $PG_HOST:$PG_PORT"
  fi
  command -v psql >/dev/null 2>&1 || fail "postgresql: psql client missing (apt-get install postgresql-client)"
  # The project's own role with a password: a plain Debian cluster allows TCP logins only by password.
  pg_admin "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
      END IF; END \$\$;" || fail "postgresql: could not create role $DB_USER"
  local svc db
  for svc in "${SERVICES[@]}"; do
    db=$(db_of "$svc")
    if [[ -z $(pg_admin "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
      pg_admin "CREATE DATABASE $db OWNER $DB_USER" || fail "postgresql: could not create database $db"
    fi
  done
  PGPASSWORD=$DB_PASSWORD psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null \
    || fail "postgresql: role $DB_USER cannot log in over TCP on $PG_HOST:$PG_PORT (check pg_hba.conf)"
}

# shellcheck shell=bash
# Sourced by deploy/local/stack: a real SMTP server for alert-service's e-mail channel (GreenMail standalone from
# Maven Central). It accepts every message for any address without authentication and keeps them in memory: read
# them over IMAP (user = the recipient's full address, password = the same) or its REST API.
#   SMTP 127.0.0.1:3025+offset (alert-service: SMTP_HOST, SMTP_PORT), IMAP 127.0.0.1:3143+offset,
#   API  http://127.0.0.1:8025+offset/api/user/{address}/messages (GET; DELETE /api/mail purges all)

GREENMAIL_VERSION=2.1.5
SMTP_PORT=$((3025 + PORT_OFFSET))
IMAP_PORT=$((3143 + PORT_OFFSET))
MAIL_API_PORT=$((8025 + PORT_OFFSET))

greenmail_jar() { # -> path of the standalone jar, fetched once through the Maven wrapper into ~/.m2
  local jar="$HOME/.m2/repository/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"
  if [[ ! -f "$jar" ]]; then
    say "smtp: fetching GreenMail standalone $GREENMAIL_VERSION from Maven Central" >&2 # stdout is the path
    (cd "$ROOT" && ./mvnw -B -q dependency:get -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION") \
      >> "$LOGS/smtp-fetch.log" 2>&1 || fail "smtp: fetching GreenMail failed; see $LOGS/smtp-fetch.log"
  fi
  printf '%s\n' "$jar"
}

start_smtp() {
  if pid_alive smtp; then
    return 0
  fi
  port_open "$SMTP_PORT" && fail "smtp: port $SMTP_PORT is taken by a process this stack did not start"
  local jar
  jar=$(greenmail_jar)
  say "smtp: GreenMail on 127.0.0.1:$SMTP_PORT (IMAP $IMAP_PORT, API http://127.0.0.1:$MAIL_API_PORT)"
  nohup java -Xms32m -Xmx128m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -Dgreenmail.verbose=false \
    -jar "$jar" >> "$LOGS/smtp.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/smtp.pid"
  wait_until 30 "smtp" port_open "$SMTP_PORT" || fail "smtp: did not open port $SMTP_PORT; see $LOGS/smtp.log"
}


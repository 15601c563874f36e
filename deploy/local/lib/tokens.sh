# shellcheck shell=bash
# Sourced by deploy/local/stack: signed local JWTs (command token).

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

token() { # ROLE [SUBJECT [ORG]]  (bureau tokens name the organisation forestry-bureau unless ORG is given)
  local role=${1:-} subject=${2:-} org=${3:-}
  [[ " ${ROLES[*]} " == *" $role "* ]] || fail "token: ROLE must be one of: ${ROLES[*]}"
  subject=${subject:-$role-dev}
  [[ -z "$org" && "$role" == bureau ]] && org=forestry-bureau
  [[ "$org" =~ ^[A-Za-z0-9._-]*$ ]] || fail "token: ORG may hold letters, digits, '.', '_' and '-'"
  command -v openssl >/dev/null 2>&1 || fail "token: openssl is missing (apt-get install openssl)"
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"local-dev"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],%s"iat":%d,"exp":%d,"jti":"%s"}' \
    "$JWT_ISSUER" "$subject" "$subject" "$role" "${org:+\"org\":\"$org\",}" "$now" $((now + 86400)) \
    "$(cat /proc/sys/kernel/random/uuid)" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$HERE/keys/jwt-private.pem" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

# shellcheck shell=bash
# Sourced by deploy/local/stack: signed local JWTs (command token).

# The project has one token minter, test-support's JwtMinter (module tests, e2e suites, benchmark); the
# stack runs it too, on the dev key under deploy/local/keys. It needs the JDK only, so the stack compiles
# that one file into var/ (about a second, once, and again when the file changes) instead of waiting for a
# Maven build: a fresh checkout prints a token at once, and each later token is one short JVM start.
MINTER_SOURCE="$ROOT/test-support/src/main/java/cn/jiaozuo/biodiversity/testsupport/JwtMinter.java"
MINTER_CLASSES="$HERE/var/jwt-minter"

minter_compiled() {
  local class="$MINTER_CLASSES/cn/jiaozuo/biodiversity/testsupport/JwtMinter.class" tmp
  [[ "$class" -nt "$MINTER_SOURCE" ]] && return 0
  command -v javac >/dev/null 2>&1 || fail "token: javac is missing (install a JDK 17)"
  tmp=$(mktemp -d "$HERE/var/jwt-minter.XXXXXX")
  javac -d "$tmp" "$MINTER_SOURCE" || { rm -rf "$tmp"; fail "token: compiling $MINTER_SOURCE failed"; }
  mkdir -p "$(dirname "$class")"
  mv -f "$tmp/${class#"$MINTER_CLASSES/"}" "$class" # a rename: a token minted meanwhile never reads half a class
  rm -rf "$tmp"
}

token() { # ROLE [SUBJECT [ORG]]  (bureau tokens name the organisation forestry-bureau unless ORG is given)
  local role=${1:-} subject=${2:-} org=${3:-}
  [[ " ${ROLES[*]} " == *" $role "* ]] || fail "token: ROLE must be one of: ${ROLES[*]}"
  [[ "$org" =~ ^[A-Za-z0-9._-]*$ ]] || fail "token: ORG may hold letters, digits, '.', '_' and '-'"
  minter_compiled
  java -XX:TieredStopAtLevel=1 -cp "$MINTER_CLASSES" cn.jiaozuo.biodiversity.testsupport.JwtMinter \
    "$JWT_ISSUER" "$HERE/keys/jwt-private.pem" "$role" "${subject:-$role-dev}" "$org"
}

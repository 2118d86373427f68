#!/bin/sh
# Installs everything the test suite needs on a fresh machine, then runs it.
# Used as-is by the README and by .ci/run.
set -eu
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq && apt-get install -y -qq tmux) >/dev/null 2>&1 || echo "note: could not install tmux; the real-terminal test will be skipped"
    else
        echo "note: tmux is not installed; the real-terminal test will be skipped"
    fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
exec .venv/bin/python -m pytest -q "$@"

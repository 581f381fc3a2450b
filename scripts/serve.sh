#!/usr/bin/env bash
# The main job: installs what is missing, builds the browser app and the native server, then runs the
# workshop server (`kalan serve`) on http://127.0.0.1:8080 with its SQLite database in ./kalan-data and
# the default scenario's room ready. It prints the trainer token and the room's join code.
# Options go to the server: scripts/serve.sh [--port N] [--lan] [--data DIR] [--scenario FILE]
# (a bare number as first argument is the port, as before).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh" web
"$here/scripts/build.sh" web
cd "$here"
export NODE_PATH=/usr/share/nodejs
cmake --preset native > build-native.log 2>&1 || { cat build-native.log; exit 1; }
cmake --build build/native --target kalan -j"$(nproc)" >> build-native.log 2>&1 || { tail -50 build-native.log; exit 1; }
rm -f build-native.log
args=()
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then args+=(--port "$1"); shift; fi
if [ $# -gt 0 ] && [ "$1" = "0.0.0.0" ]; then args+=(--lan); shift; fi
exec "$here/build/native/kalan" serve --data "$here/kalan-data" --web "$here/build/web/app" "${args[@]}" "$@"

#!/usr/bin/env bash
# The main job: installs what is missing, builds the browser app, serves it on http://127.0.0.1:8080.
# Options are passed to the server: scripts/serve.sh [PORT] [HOST]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh" web
"$here/scripts/build.sh" web
exec node "$here/scripts/static-server.mjs" "$here/build/web/app" "${1:-8080}" "${2:-127.0.0.1}"

#!/usr/bin/env bash
# Runs every test: installs what is missing, builds web and native, then CTest (unit tests natively and
# in WebAssembly, golden CLI runs, native-vs-wasm determinism, browser and desktop end-to-end).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh" all
"$here/scripts/build.sh" "web native"
cd "$here"
ctest --test-dir build/native --output-on-failure --timeout 300

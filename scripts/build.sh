#!/usr/bin/env bash
# Builds Kalan: `scripts/build.sh native`, `scripts/build.sh web` or `scripts/build.sh` (both).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
for what in ${1:-web native}; do
  cmake --preset "$what" > "build-$what.log" 2>&1 || { cat "build-$what.log"; exit 1; }
  cmake --build --preset "$what" -j"$jobs" >> "build-$what.log" 2>&1 || { tail -50 "build-$what.log"; exit 1; }
  rm -f "build-$what.log"
  echo "build: $what ok"
done

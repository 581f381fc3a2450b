#!/usr/bin/env bash
# Runs the XPath conformance table through `kalan forms eval --table` and fails below 95 % passed.
# Usage: run_conformance.sh "KALAN_COMMAND" SOURCE_DIR
set -euo pipefail
kalan="$1"; src="$2"
out=$($kalan forms eval --table "$src/tests/forms/xpath-public.json")
line=$(echo "$out" | tail -n 1)
echo "$out" | grep '^FAIL' || true
echo "$line"
passed=$(echo "$line" | awk '{print $1}'); failed=$(echo "$line" | awk '{print $3}')
[ "$((passed + failed))" -gt 0 ] && [ "$((passed * 100))" -ge "$((95 * (passed + failed)))" ]

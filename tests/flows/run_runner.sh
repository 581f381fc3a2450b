#!/usr/bin/env bash
# Flow-runner goldens: every tests/flows/runner/NAME.json gives exactly NAME.expected.json with `kalan flow run`.
# Usage: run_runner.sh "KALAN COMMAND" SOURCE_DIR   (the command may be "node ... kalan-cli.js")
set -u
kalan="$1"; src="$2"
cd "$src"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
for input in tests/flows/runner/*.json; do
  case "$input" in *.expected.json) continue ;; esac
  expected="${input%.json}.expected.json"
  $kalan flow run "$input" > "$tmp/out.json" 2> "$tmp/err.txt"
  if [ -f "$expected" ] && diff -u "$expected" "$tmp/out.json" > "$tmp/diff"; then
    pass=$((pass + 1)); echo "ok: $(basename "$input")"
  else
    fail=$((fail + 1)); echo "FAIL: $(basename "$input")"; head -40 "$tmp/diff"; cat "$tmp/err.txt"
  fi
done
# The RapidProtection export checks clean, and a broken flow is refused with its node.
$kalan flow check tests/flows/rapidprotection-export.json > "$tmp/check.txt" 2>&1 && { pass=$((pass + 1)); echo "ok: flow check"; } || { fail=$((fail + 1)); echo "FAIL: flow check"; cat "$tmp/check.txt"; }
$kalan flow eval '@(upper("jàm")) @@ @(1 + 2)' > "$tmp/eval.txt" 2>&1
[ "$(cat "$tmp/eval.txt")" = "JÀM @ 3" ] && { pass=$((pass + 1)); echo "ok: flow eval"; } || { fail=$((fail + 1)); echo "FAIL: flow eval: $(cat "$tmp/eval.txt")"; }
$kalan flow eval '@(1 / 0)' > "$tmp/eval.txt" 2>&1
[ $? = 1 ] && grep -q "division by zero" "$tmp/eval.txt" && { pass=$((pass + 1)); echo "ok: flow eval error exits 1"; } || { fail=$((fail + 1)); echo "FAIL: flow eval error"; }
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

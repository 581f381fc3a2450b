#!/usr/bin/env bash
# Golden CLI tests: `kalan run` on a scripted session, `validate` on good and bad files, `replay`, `--version`.
# Usage: run_golden.sh "KALAN COMMAND" SOURCE_DIR   (the command may be "node ... kalan-cli.js")
set -u
kalan="$1"
src="$2"
here="$src/tests/cli"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # name, expected file, actual file
  if diff -u "$2" "$3" > "$tmp/diff"; then echo "ok: $1"; else echo "FAIL: $1"; cat "$tmp/diff"; fail=1; fi
}
cd "$src"

# A whole scripted conversation: events, refusals and malformed lines, then the hash.
$kalan run scenarios/mopti-atelier.json --commands tests/cli/commands.jsonl --save "$tmp/session.json" \
  > "$tmp/run.out" 2> "$tmp/run.err"
code=$?
[ "$code" = 1 ] || { echo "FAIL: run with malformed lines should exit 1, got $code"; fail=1; }
check "run output" "$here/expected-run.jsonl" "$tmp/run.out"
check "run errors" "$here/expected-run.err" "$tmp/run.err"

# The saved session replays to the same hash.
$kalan replay "$tmp/session.json" > "$tmp/replay.out" 2>&1 || { echo "FAIL: replay of saved session"; fail=1; }
want=$(grep '^hash ' "$tmp/run.out"); got=$(grep '^hash ' "$tmp/replay.out")
[ -n "$want" ] && [ "$want" = "$got" ] && echo "ok: saved session replays to $got" || { echo "FAIL: replay hash '$got' != '$want'"; fail=1; }

# A whole case lifecycle, scripted: an SMS report to closure with feedback, then a reopening, with the
# refusals on the way; then the saved session replays to the same hash.
$kalan run scenarios/mopti-atelier.json --commands tests/cli/cases-lifecycle.jsonl --save "$tmp/cases.json" \
  > "$tmp/cases.out" 2>&1 || { echo "FAIL: case lifecycle run"; fail=1; }
check "case lifecycle" "$here/expected-cases-lifecycle.jsonl" "$tmp/cases.out"
want=$(grep '^hash ' "$tmp/cases.out"); got=$($kalan replay "$tmp/cases.json" 2>&1 | grep '^hash ')
[ -n "$want" ] && [ "$want" = "$got" ] && echo "ok: case session replays to $got" || { echo "FAIL: case replay '$got' != '$want'"; fail=1; }

# validate: built-in scenarios pass, a broken one fails with its paths.
$kalan validate scenarios/*.json > "$tmp/valid.out" 2>&1 || { echo "FAIL: built-in scenarios invalid"; cat "$tmp/valid.out"; fail=1; }
$kalan validate tests/cli/broken-scenario.json > "$tmp/broken.out" 2> "$tmp/broken.err"
code=$?
[ "$code" = 1 ] || { echo "FAIL: validate of a broken scenario should exit 1, got $code"; fail=1; }
check "validate errors" "$here/expected-broken.err" "$tmp/broken.err"
$kalan validate tests/cli/no-such-file.json > /dev/null 2>&1 && { echo "FAIL: missing file accepted"; fail=1; }

# replay of a scenario runs its whole timeline.
$kalan replay scenarios/mopti-atelier.json > "$tmp/scen.out" 2>&1
check "replay scenario" "$here/expected-replay.txt" "$tmp/scen.out"
$kalan --version | grep -qE '^kalan [0-9]+\.[0-9]+\.[0-9]+$' && echo "ok: --version" || { echo "FAIL: --version"; fail=1; }
$kalan frobnicate > /dev/null 2>&1; [ $? = 2 ] && echo "ok: unknown subcommand exits 2" || { echo "FAIL: unknown subcommand"; fail=1; }
exit $fail

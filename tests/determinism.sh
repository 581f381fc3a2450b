#!/usr/bin/env bash
# Every scenario in scenarios/, and a scripted session, replays to the same hash natively and in WebAssembly.
# Usage: determinism.sh KALAN KALAN_CLI_JS SOURCE_DIR
set -u
native="$1"; wasm="node --no-experimental-fetch $2"; src="$3"
cd "$src"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; n=0
compare() {  # label, native output, wasm output
  local a b
  a=$(grep '^hash ' "$2"); b=$(grep '^hash ' "$3")
  n=$((n + 1))
  if [ -n "$a" ] && [ "$a" = "$b" ]; then echo "ok: $1: $a"; else echo "FAIL: $1: native '$a' wasm '$b'"; fail=1; fi
}
for f in scenarios/*.json; do
  $native replay "$f" > "$tmp/n.out" 2>&1
  $wasm replay "$f" > "$tmp/w.out" 2>&1
  compare "$f" "$tmp/n.out" "$tmp/w.out"
  # Also a session saved by one build and replayed by the other.
  $native run "$f" --commands tests/cli/commands-generic.jsonl --save "$tmp/s.json" > "$tmp/n.out" 2>/dev/null
  $wasm replay "$tmp/s.json" > "$tmp/w.out" 2>&1
  compare "$f (session saved natively, replayed in wasm)" "$tmp/n.out" "$tmp/w.out"
done
echo "$n comparisons"
exit $fail

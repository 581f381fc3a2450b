#!/usr/bin/env bash
# `kalan exercise check` on every built-in scenario that has exercises: each reference solution
# completes every task, the empty run completes none, each wrong run fires its mistake. Then a
# played exercise gives a debrief (JSON and HTML), and a broken check exits 1.
# Usage: run_check.sh "KALAN COMMAND" SOURCE_DIR   (the command may be "node ... kalan-cli.js")
set -u
kalan="$1"; src="$2"
cd "$src"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
files=$(grep -l '"exercises"' scenarios/*.json)
[ -n "$files" ] || { echo "FAIL: no scenario with exercises"; exit 1; }
for f in $files; do
  if $kalan exercise check "$f" > "$tmp/check.txt" 2>&1; then
    echo "ok: $f ($(tail -1 "$tmp/check.txt"))"
  else
    echo "FAIL: $f"; cat "$tmp/check.txt"; fail=1
  fi
done
# The worked example of docs/exercises.md, with a complete 2A, passes the check.
python3 - "$src" "$tmp/doc-example.json" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
doc = open(f"{src}/docs/exercises.md").read()
block = doc[doc.index('```json\n"exercises": [') + 8:]
ex = json.loads("{" + block[:block.index("```")] + "}")["exercises"]
fixtures = open(f"{src}/tests/unit/case_fixtures.h").read()
forms = json.loads(fixtures[fixtures.index('R"KALAN(') + 8:fixtures.index(')KALAN"')])
ex[0]["reference_solution"][0]["values"] = forms["2A"]
s = json.load(open(f"{src}/scenarios/mopti-atelier.json"))
s["timeline"], s["exercises"] = [], ex
json.dump(s, open(out, "w"), ensure_ascii=False)
PY
$kalan exercise check "$tmp/doc-example.json" > "$tmp/doc.txt" 2>&1 && echo "ok: the guide's worked example ($(tail -1 "$tmp/doc.txt"))" ||
  { echo "FAIL: the guide's worked example"; cat "$tmp/doc.txt"; fail=1; }
# A trainee who opens the case but never fills 1A: the debrief names the missing tasks.
cat > "$tmp/trainee.jsonl" <<'JSONL'
{"type":"case.report","actor":"fkansaye","child_name":"Awa Traoré","age":13,"sex":"f","location":"socoura"}
{"type":"case.open","actor":"fkansaye","case":"CAS-0001","risk_level":"high"}
{"type":"case.referral.create","actor":"fkansaye","case":"CAS-0001","service":"svc-csref"}
JSONL
$kalan exercise run scenarios/curriculum-cpims.json --exercise cpims-m1-enregistrement --commands "$tmp/trainee.jsonl" \
  --save "$tmp/session.json" > "$tmp/run.json" 2> "$tmp/run.err" || { echo "FAIL: exercise run"; cat "$tmp/run.err"; fail=1; }
$kalan exercise debrief "$tmp/session.json" --exercise cpims-m1-enregistrement --html "$tmp/debrief.html" \
  > "$tmp/debrief.json" 2> "$tmp/debrief.err" || { echo "FAIL: exercise debrief"; cat "$tmp/debrief.err"; fail=1; }
if grep -q '"achieved": 2' "$tmp/debrief.json" && grep -q 'reference-sans-consentement' "$tmp/debrief.json" &&
   grep -q 'Référencement sans consentement' "$tmp/debrief.html" && cmp -s "$tmp/run.json" "$tmp/debrief.json"; then
  echo "ok: debrief of a saved session (2 tasks, the refused referral detected, same as during the run)"
else
  echo "FAIL: debrief content"; head -c 2000 "$tmp/debrief.json"; fail=1
fi
$kalan exercise debrief "$tmp/session.json" --exercise cpims-m1-enregistrement --lang en --html "$tmp/debrief-en.html" > /dev/null 2>&1
grep -q 'Exercise debrief' "$tmp/debrief-en.html" && echo "ok: English debrief" || { echo "FAIL: English debrief"; fail=1; }
# The room: two sessions debriefed together.
$kalan exercise debrief "$tmp/session.json" "$tmp/session.json" --exercise cpims-m1-enregistrement --html "$tmp/room.html" \
  > "$tmp/room.json" 2>&1 && grep -q '"kalan-room-debrief"' "$tmp/room.json" && grep -q '2 participant' "$tmp/room.html" &&
  echo "ok: room debrief" || { echo "FAIL: room debrief"; head -20 "$tmp/room.json"; fail=1; }
# A reference solution that misses a task makes the check fail with exit 1.
python3 - "$src/scenarios/curriculum-cpims.json" "$tmp/broken.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["exercises"] = [e for e in s["exercises"] if e["id"] == "cpims-m8-compte"]
s["exercises"][0]["reference_solution"] = []
json.dump(s, open(sys.argv[2], "w"), ensure_ascii=False)
PY
$kalan exercise check "$tmp/broken.json" > "$tmp/broken.txt" 2>&1
code=$?
if [ "$code" = 1 ] && grep -q "FAIL: cpims-m8-compte reference" "$tmp/broken.txt" && grep -q "passed, 1 failed" "$tmp/broken.txt"; then
  echo "ok: a broken reference solution fails the check"
else
  echo "FAIL: broken check (exit $code)"; cat "$tmp/broken.txt"; fail=1
fi
exit $fail

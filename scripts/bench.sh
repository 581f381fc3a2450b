#!/usr/bin/env bash
# Prints the figures behind the foundation's budgets (not a pass/fail test):
#   web transfer (gzip of html + js + wasm, fonts and scenarios included) <= 800 KB,
#   first frame <= 1 s in headless Chromium, wasm heap <= 64 MB on the default scenario,
#   replay of 100,000 commands >= 500,000 commands/s natively, wasm >= 40 % of native;
#   inbound SMS through the Jam flow >= 50,000 messages/s natively, wasm >= 40 % of native;
#   forms: pre-parsed constraint >= 1,000,000 evaluations/s, full validation of a 40-field form <= 50 us (native);
#   sandbox server: 50 trainees >= 2,000 commands/s with p99 <= 50 ms, RSS <= 300 MB with 10 rooms;
#   case list of 10,000 cases with their forms: filter + sort <= 5 ms natively, memory <= 200 MB;
#   exercises: evaluating every condition of an exercise after a command, 1,000 cases, <= 1 ms (native).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
[ -f build/web/app/kalan.wasm ] && [ -x build/native/bench_replay ] && [ -x build/native/bench_sms ] && [ -x build/native/bench_forms ] &&
  [ -x build/native/bench_cases ] && [ -x build/native/bench_reporting ] && [ -x build/native/bench_exercises ] && [ -x build/native/kalan ] || scripts/build.sh "web native"
echo "== web transfer (gzip -9)"
total=0
for f in build/web/app/index.html build/web/app/kalan.js build/web/app/kalan.wasm build/web/app/room.js; do
  gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '%-28s %8d bytes raw %8d bytes gzip\n' "$(basename "$f")" "$(stat -c %s "$f")" "$gz"
done
font=.cache/fonts/ui.ttf
printf '  of which font (in wasm)    %8d bytes raw %8d bytes gzip\n' "$(stat -c %s $font)" "$(gzip -9c $font | wc -c)"
json=$(ls scenarios/*.json scenarios/forms/*.json scenarios/reporting/*.json)
sc=$(for f in $json; do python3 scripts/minify_json.py "$f" -; done | gzip -9c | wc -c)
raw=$(for f in $json; do python3 scripts/minify_json.py "$f" -; done | wc -c)
printf '  of which JSON (scenarios, forms; minified, in wasm) %8d bytes raw %8d bytes gzip\n' "$raw" "$sc"
echo "web_transfer_gzip_bytes $total (budget 800000)"
echo "== browser"
node bench/web_metrics.mjs build/web/app
echo "== replay (100,000 commands, default scenario)"
native=$(build/native/bench_replay scenarios/mopti-atelier.json 100000)
wasm=$(node --no-experimental-fetch build/web/bench-replay.js scenarios/mopti-atelier.json 100000)
echo "native:"; echo "$native" | sed 's/^/  /'
echo "wasm:"; echo "$wasm" | sed 's/^/  /'
n=$(echo "$native" | awk '/^replay_apply_per_s/ {print $2}')
w=$(echo "$wasm" | awk '/^replay_apply_per_s/ {print $2}')
ne=$(echo "$native" | awk '/^apply_with_events_per_s/ {print $2}')
we=$(echo "$wasm" | awk '/^apply_with_events_per_s/ {print $2}')
echo "wasm_vs_native_replay $(awk -v a="$w" -v b="$n" 'BEGIN {printf "%.0f%%", 100 * a / b}') (budget >= 40%)"
echo "wasm_vs_native_with_events $(awk -v a="$we" -v b="$ne" 'BEGIN {printf "%.0f%%", 100 * a / b}')"
hn=$(echo "$native" | awk '/^hash/ {print $2}'); hw=$(echo "$wasm" | awk '/^hash/ {print $2}')
[ "$hn" = "$hw" ] && echo "replay hash identical native/wasm: $hn" || echo "REPLAY HASH DIFFERS: native $hn wasm $hw"
echo "== SMS through the Jam flow (2,000 reporters x 5 answers)"
native=$(build/native/bench_sms scenarios/mopti-atelier.json 2000)
wasm=$(node --no-experimental-fetch build/web/bench-sms.js scenarios/mopti-atelier.json 2000)
echo "native:"; echo "$native" | sed 's/^/  /'
echo "wasm:"; echo "$wasm" | sed 's/^/  /'
n=$(echo "$native" | awk '/^jam_msgs_per_s / {print $2}')
w=$(echo "$wasm" | awk '/^jam_msgs_per_s / {print $2}')
echo "wasm_vs_native_jam $(awk -v a="$w" -v b="$n" 'BEGIN {printf "%.0f%%", 100 * a / b}') (budget >= 40%)"
hn=$(echo "$native" | awk '/^hash/ {print $2}'); hw=$(echo "$wasm" | awk '/^hash/ {print $2}')
[ "$hn" = "$hw" ] && echo "sms hash identical native/wasm: $hn" || echo "SMS HASH DIFFERS: native $hn wasm $hw"
echo "== Monthly reporting (10,000 reports validated and aggregated; one constraint evaluated 2,000,000 times)"
echo "native:"; build/native/bench_reporting scenarios/remontee-mensuelle-2024-mopti.json 10000 | sed 's/^/  /'
echo "wasm:"; node --no-experimental-fetch build/web/bench-reporting.js scenarios/remontee-mensuelle-2024-mopti.json 10000 | sed 's/^/  /'
echo "== forms (native, processor time)"
build/native/bench_forms | sed 's/^/  /'
echo "== sandbox server (kalan serve, loopback, 50 trainees in 10 rooms)"
node bench/server_load.mjs build/native/kalan 10 50 10
echo "== case list (10,000 cases with their forms, native)"
build/native/bench_cases scenarios/mopti-atelier.json 10000 | sed 's/^/  /'
echo "== exercises (native, processor time, 1,000 cases)"
build/native/bench_exercises scenarios/curriculum-cpims.json 1000 | sed 's/^/  /'

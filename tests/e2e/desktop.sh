#!/usr/bin/env bash
# Desktop end-to-end: the app opens a real window under Xvfb, renders, and its screenshot is not blank.
# Usage: desktop.sh KALAN
set -u
kalan="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$(dirname "$0")/out"; mkdir -p "$out"
work=$(mktemp -d); serve_pid=""; trap 'kill $xvfb_pid $serve_pid 2>/dev/null; rm -rf "$work"' EXIT
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" > /dev/null 2>&1 && break; sleep 0.1; done
fail=0
shot() {  # name, scenario
  (cd "$work" && DISPLAY=$display "$kalan" app $2 --quit-after 6 > "$work/app.log" 2>&1) &
  local pid=$!
  sleep 3
  DISPLAY=$display import -window root "$out/$1.png"
  wait $pid
  local code=$?
  local colours
  colours=$(convert "$out/$1.png" -format %k info:)
  if [ "$code" = 0 ] && [ "${colours:-0}" -gt 20 ]; then
    echo "ok: desktop window renders $1 ($colours colours, exit $code)"
  else
    echo "FAIL: desktop $1: exit $code, $colours colours"; cat "$work/app.log"; fail=1
  fi
}
shot picker ""
shot mopti mopti-atelier.json
# The validator: a scenario opened from disk is read again when it changes (checked every second). An
# invalid version lists its errors with their place in the file, and the last good session keeps
# running; a valid one restarts the session.
scenarios="$(cd "$(dirname "$0")/../../scenarios" && pwd)"
cp "$scenarios/bandiagara-decouverte.json" "$work/atelier.json"
(cd "$work" && DISPLAY=$display "$kalan" app atelier.json --quit-after 11 > "$work/watch.log" 2>&1) &
watch_pid=$!
sleep 3
line=$(python3 - "$work/atelier.json" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding='utf-8'))
d['meta']['title'] = 12          # a number where a text is expected
d['timeline'][0]['bogus'] = True  # an unknown field
text = json.dumps(d, ensure_ascii=False, indent=2)
open(p, 'w', encoding='utf-8').write(text)
# The line of "title" inside "meta": where the error at /meta/title is.
lines = text.split('\n')
meta = next(i for i, l in enumerate(lines) if l.startswith('  "meta"'))
print(next(i for i in range(meta, len(lines)) if lines[i].startswith('    "title"')) + 1)
PY
)
sleep 2.5
DISPLAY=$display import -window root "$out/validation.png"
cp "$scenarios/bandiagara-decouverte.json" "$work/atelier.json"
sleep 2.5
wait $watch_pid
watch_code=$?
if grep -q "atelier.json relu : 2 erreur(s), la dernière version valide continue" "$work/watch.log" &&
   grep -q "/meta/title (ligne $line, colonne 14)" "$work/watch.log" && grep -q "/timeline/0/bogus (ligne" "$work/watch.log"; then
  echo "ok: an invalid edit is read again, its 2 errors located (/meta/title at line $line)"
else
  echo "FAIL: the invalid edit was not reported with its place (expected line $line)"; cat "$work/watch.log"; fail=1
fi
if grep -q "atelier.json relu et relancé" "$work/watch.log" && [ "$watch_code" = 0 ]; then
  echo "ok: the corrected file is read again and the session restarted"
else
  echo "FAIL: the corrected file was not reloaded (exit $watch_code)"; cat "$work/watch.log"; fail=1
fi
# The desktop trainer console: `kalan app --room ADDRESS --trainer TOKEN` joins a room of a real server
# (cpp-httplib), replays its log to the server's hash and follows its event stream.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$kalan" serve --port "$port" --data "$work/data" > "$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/info" > /dev/null && break; sleep 0.1; done
token=$(cat "$work/data/trainer.token")
code=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/rooms" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rooms"][0]["code"])')
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
api -X POST -d '{"command":{"type":"sms.receive","from":"tel:+22370000112","text":"Jam"}}' "http://127.0.0.1:$port/api/rooms/$code/inject" > /dev/null
(cd "$work" && DISPLAY=$display "$kalan" app --room "http://127.0.0.1:$port/?room=$code" --trainer "$token" --quit-after 9 > "$work/room.log" 2>&1) &
room_pid=$!
sleep 4
# A command made while the console follows the room: it must arrive through the event stream.
api -X POST -d '{"action":"next_day"}' "http://127.0.0.1:$port/api/rooms/$code/clock" > /dev/null
sleep 2
DISPLAY=$display import -window root "$out/desktop-trainer.png"
wait $room_pid
room_code=$?
hash=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/rooms/$code" | python3 -c 'import json,sys; r = json.load(sys.stdin); print(r["seq"], r["hash"])')
kill $serve_pid 2>/dev/null
if grep -q "kalan : salle $code rejointe (console du formateur), n° 1" "$work/room.log" &&
   grep -q "kalan : salle $code : n° $hash" "$work/room.log" && [ "$room_code" = 0 ]; then
  echo "ok: the desktop trainer console joins the room and follows it live (n° $hash, the server's hash)"
else
  echo "FAIL: desktop trainer console (server: n° $hash, exit $room_code)"; cat "$work/room.log"; fail=1
fi
[ ! -e "$work/imgui.ini" ] && echo "ok: no imgui.ini written into the working directory" || { echo "FAIL: imgui.ini written"; fail=1; }
exit $fail

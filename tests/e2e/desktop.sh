#!/usr/bin/env bash
# Desktop end-to-end: the app opens a real window under Xvfb, renders, and its screenshot is not blank.
# Usage: desktop.sh KALAN
set -u
kalan="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$(dirname "$0")/out"; mkdir -p "$out"
work=$(mktemp -d); trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$work"' EXIT
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
[ ! -e "$work/imgui.ini" ] && echo "ok: no imgui.ini written into the working directory" || { echo "FAIL: imgui.ini written"; fail=1; }
exit $fail

#!/usr/bin/env bash
# Installs everything Kalan needs on a Debian bookworm machine, only what is missing.
# Usage: scripts/setup.sh [native|web|test|all]   (default: all)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-all}"
cache="$here/.cache"
mkdir -p "$cache"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

native_pkgs=(cmake g++ make pkg-config libsdl2-dev libimgui-dev libstb-dev libgl-dev
  nlohmann-json3-dev doctest-dev libcpp-httplib-dev libsqlite3-dev)
web_pkgs=(emscripten nodejs python3 python3-fonttools fonts-dejavu-core dpkg-dev)
test_pkgs=(chromium xvfb imagemagick x11-utils)

want=("${native_pkgs[@]}")
case "$what" in
  native) ;;
  web) want+=("${web_pkgs[@]}") ;;
  test|all) want+=("${web_pkgs[@]}" "${test_pkgs[@]}") ;;
esac

missing=()
# node and npm may come from another repository (nodesource ships npm inside nodejs)
if [ "$what" = test ] || [ "$what" = all ]; then
  command -v npm >/dev/null 2>&1 || want+=(npm)
fi
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$what" = native ]; then exit 0; fi

# Fonts: a subset of DejaVu Sans covering all of French (Latin-1, œ Œ Ÿ), the typographic signs and the
# few symbols the interface draws, kept small (ui/app.cpp loads the same ranges). The stamp names it.
font="$cache/fonts/ui.ttf"
if [ ! -s "$font" ] || [ ! -f "$cache/fonts/.ui-subset-2" ]; then
  mkdir -p "$cache/fonts"
  /usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    --unicodes="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193,U+2212,U+25B6,U+25BC,U+25CF,U+26A0,U+2713,U+2717" \
    --layout-features='' --output-file="$font.tmp" 2>/dev/null && mv "$font.tmp" "$font"
  touch "$cache/fonts/.ui-subset-2"
fi

# Web dependency: Dear ImGui from Debian's source package (compiled by the web build; the browser app
# needs no SDL2: web/imgui_impl_html5.cpp).
if ! grep -rqs "deb-src" /etc/apt/sources.list.d/ /etc/apt/sources.list; then
  echo "setup: adding deb-src entries"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | $SUDO tee /etc/apt/sources.list.d/kalan-src.sources >/dev/null
  else
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
      | $SUDO tee /etc/apt/sources.list.d/kalan-src.list >/dev/null
  fi
  $SUDO apt-get update -qq
fi
export NODE_PATH=/usr/share/nodejs
src="$cache/src"
mkdir -p "$src"
if [ ! -f "$src/imgui/imgui.cpp" ]; then
  (cd "$src" && { ls -d imgui-*/ >/dev/null 2>&1 || apt-get source -qq imgui; })
  im_dir=$(ls -d "$src"/imgui-*/ | head -1)
  ln -sfn "$im_dir" "$src/imgui"
fi
# Header-only libraries for emcc, through a folder of their own (never -I/usr/include).
hdr="$cache/web-headers"
mkdir -p "$hdr"
ln -sfn /usr/include/nlohmann "$hdr/nlohmann"
ln -sfn /usr/include/doctest "$hdr/doctest"

if [ "$what" = test ] || [ "$what" = all ]; then
  if [ ! -d "$here/tests/e2e/node_modules/playwright-core" ]; then
    (cd "$here/tests/e2e" && npm install --no-audit --no-fund --silent)
  fi
fi
echo "setup: ok"

#!/usr/bin/env bash
# sim/ must build with the standard library and nlohmann/json alone: no platform, UI, HTTP or database header.
dir="${1:-sim}"
hits=$(grep -rnE '#\s*include\s*[<"](SDL|imgui|emscripten|httplib|sqlite3|GL/|GLES|EGL|windows\.h|unistd\.h|sys/|pthread\.h|curl/)' "$dir")
if [ -n "$hits" ]; then
  echo "sim/ includes platform headers:"
  echo "$hits"
  exit 1
fi
# Also every include must be a standard header, nlohmann/json, or one of sim's own files.
bad=$(grep -rhoE '#\s*include\s*<[^>]+>' "$dir" | sed -E 's/#\s*include\s*<([^>]+)>/\1/' | sort -u |
      grep -vE '^(nlohmann/json\.hpp|algorithm|array|cctype|cerrno|cstdint|cstddef|cstdio|cstdlib|cstring|cmath|deque|exception|fstream|functional|initializer_list|iosfwd|iostream|limits|map|memory|optional|ostream|set|sstream|string|string_view|tuple|type_traits|unordered_map|utility|variant|vector|climits|numeric|iterator|chrono|stdexcept|regex|locale|cwchar|bitset|list|queue|stack)$')
if [ -n "$bad" ]; then
  echo "sim/ includes non-standard headers: $bad"
  exit 1
fi
echo "sim/: only standard headers and nlohmann/json ($(grep -rlE '#include' "$dir" | wc -l) files checked)"

#include "core/hash.h"

#include <cstdio>

namespace kalan {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t canonical_hash(const nlohmann::json& value) {
  // nlohmann::json keeps object keys in a std::map, so dump() is already sorted.
  return fnv1a64(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string hex16(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace kalan

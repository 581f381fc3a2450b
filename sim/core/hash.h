// Stable 64-bit hashing of canonical JSON: the state hash compared across platforms.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kalan {

// FNV-1a, 64 bits, over raw bytes.
std::uint64_t fnv1a64(std::string_view bytes);
// Hash of a JSON value in canonical form (sorted keys, no spaces, UTF-8 kept as is).
std::uint64_t canonical_hash(const nlohmann::json& value);
// 16 lowercase hex digits.
std::string hex16(std::uint64_t h);

}  // namespace kalan

// A file embedded at build time (fonts, built-in scenarios, the harmonized forms).
#pragma once
#include <cstddef>

namespace kalan {

struct Asset {
  const char* name;  // base file name, e.g. "mopti-atelier.json"
  const unsigned char* data;
  std::size_t size;
};

}  // namespace kalan

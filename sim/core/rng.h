// The seeded random generator that lives inside the simulation state (xoshiro256**).
#pragma once
#include <array>
#include <cstdint>

namespace kalan {

struct Rng {
  std::array<std::uint64_t, 4> s{};

  // Seeds the four words from one 64-bit seed with splitmix64.
  static Rng from_seed(std::uint64_t seed);
  // Next 64 random bits.
  std::uint64_t next();
  // Uniform integer in [0, n) without modulo bias; n must be > 0.
  std::uint64_t below(std::uint64_t n);
};

}  // namespace kalan

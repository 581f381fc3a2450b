// The simulated clock: commands that move time and walk the schedule of scripted events.
#pragma once
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/reader.h"
#include "core/time.h"

namespace kalan {

struct World;

// Moves the clock forward by an amount, firing every scheduled event on the way.
struct ClockAdvance {
  static constexpr const char* kType = "clock.advance";
  std::int64_t seconds = 0;
  std::string unit = "minutes";  // how the amount was written: minutes, hours or days

  static std::optional<ClockAdvance> parse(ObjectReader& r);
  void write(nlohmann::json& j) const;
  void check_refs(const World&, const std::string&, Diagnostics&) const {}
};

// Moves the clock forward to a given time.
struct ClockAdvanceTo {
  static constexpr const char* kType = "clock.advance_to";
  SimTime at = 0;

  static std::optional<ClockAdvanceTo> parse(ObjectReader& r);
  void write(nlohmann::json& j) const;
  void check_refs(const World&, const std::string&, Diagnostics&) const {}
};

// Jumps to the next scheduled event and fires it (with every event due at that same time).
struct ClockNext {
  static constexpr const char* kType = "clock.next";

  static std::optional<ClockNext> parse(ObjectReader&) { return ClockNext{}; }
  void write(nlohmann::json&) const {}
  void check_refs(const World&, const std::string&, Diagnostics&) const {}
};

}  // namespace kalan

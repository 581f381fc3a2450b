// Events: what a command caused (a message delivered, a clock step, an error in a scripted event).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "core/time.h"

namespace kalan {

struct Event {
  SimTime at = 0;
  std::string_view type;  // a string literal: "clock.advanced", "sms.received", ...
  nlohmann::json data;  // facts specific to the type
};

// What apply() returns: the events, or a refusal that left the state untouched.
struct ApplyResult {
  bool ok = true;
  std::vector<Event> events;
  Diagnostic error;  // set when !ok; path is empty for refusals

  // Adds an event; `make_data` runs only when events are recorded (not during a silent replay).
  template <class MakeData>
  void emit(bool record, SimTime at, std::string_view type, MakeData&& make_data) {
    if (record) events.push_back(Event{at, type, make_data()});
  }

  static ApplyResult refuse(std::string code, std::vector<std::string> args = {}) {
    ApplyResult r;
    r.ok = false;
    r.error = Diagnostic{"", std::move(code), std::move(args)};
    return r;
  }
};

nlohmann::json event_to_json(const Event& e);
nlohmann::json result_to_json(const ApplyResult& r, Lang lang = Lang::fr);

}  // namespace kalan

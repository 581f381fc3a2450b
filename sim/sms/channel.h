// Deadlines of the SMS channel: wait timeouts and flow expirations, walked by the clock.
#pragma once
#include <vector>

#include "core/event.h"
#include "core/time.h"

namespace kalan {

struct State;

// The earliest wait timeout or expiration of a waiting flow, or 0 if none.
SimTime sms_next_deadline(const State& s);
// Fires every timeout and expiration due at the current clock time.
void sms_fire_deadlines(State& s, bool record, std::vector<Event>& out);

}  // namespace kalan

// Dates and times written by people, read the way RapidPro's router tests read them: strict ISO
// 8601 first, then day/month/year in the environment's order, with an optional time after the date.
// Internal to the router tests.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace kalan::flows::detail {

// The environment a date is read in.
struct DateEnv {
  std::int64_t now = 0;        // seconds since epoch, UTC
  int offset_minutes = 0;      // the environment's fixed UTC offset
  char order = 'D';            // 'D' day-month-year, 'M' month-day-year, 'Y' year-month-day, 0 unknown
};
// Reads the field order of a RapidPro date format ("DD-MM-YYYY", "MM-DD-YYYY", "YYYY-MM-DD").
char date_order(std::string_view date_format);

// An instant with sub-second precision and the UTC offset it is shown in.
struct DateTimeValue {
  std::int64_t seconds = 0;  // since epoch, UTC
  int micros = 0;
  int offset_minutes = 0;
};
struct TimeOfDayValue {
  int hour = 0, minute = 0, second = 0, micros = 0;
};

// Parses a date (and time) from free text; `fill_time` takes the time of day from env.now when the
// text has none, otherwise midnight. nullopt when no believable date is found.
std::optional<DateTimeValue> parse_datetime(const DateEnv& env, std::string_view text, bool fill_time);
// Finds the first believable time of day in free text ("10:30", "10 PM", "1030", "10:30:45.123").
std::optional<TimeOfDayValue> parse_time_of_day(std::string_view text);
// "2006-01-02T15:04:05.000000+01:00", or "...Z" for offset zero.
std::string format_datetime(const DateTimeValue& v);
// "15:04:05.000000"
std::string format_time_of_day(const TimeOfDayValue& t);
// The calendar date of an instant in a fixed offset.
CivilDate local_date(const DateTimeValue& v, int offset_minutes);

}  // namespace kalan::flows::detail

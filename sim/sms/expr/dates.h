// Dates and times for the expression language: reading dates typed by people the way RapidPro does
// ("12/03/2024", "2024-03-12 10:15pm"), RapidPro's layout letters (YYYY-MM-DD tt:mm), and fixed-offset
// time zones. Built on core/time.h's civil calendar; no platform time functions.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "sms/expr/expressions.h"
#include "sms/expr/value.h"

namespace kalan::flows::expr {

// A moment seen on the wall clock of a UTC offset.
struct LocalTime {
  std::int64_t year = 1970;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  std::int32_t nanos = 0;
  int weekday = 4;          // 0 = Sunday
  int yday = 0;             // 0-based day of the year
  std::int64_t days = 0;    // days since 1970-01-01 of the local date
};

LocalTime local_time(std::int64_t utc_seconds, std::int32_t nanos, int offset_minutes);
// Days since the epoch of a date, normalizing out-of-range months and days as Go's time.Date does
// (2017-02-31 is 2017-03-03).
std::int64_t days_from_parts(std::int64_t year, std::int64_t month, std::int64_t day);
// UTC seconds of a wall-clock time at a UTC offset, normalizing out-of-range fields.
std::int64_t utc_from_local(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour,
                            std::int64_t minute, std::int64_t second, int offset_minutes);

// Reading text as RapidPro does: strict ISO first, then a date in the environment's order
// (day-month-year for "DD-MM-YYYY") anywhere in the text, then an optional time after it.
bool parse_datetime_text(std::string_view s, const ExprEnv& env, Value& out);
bool parse_date_text(std::string_view s, const ExprEnv& env, std::int64_t& days);
bool parse_time_text(std::string_view s, std::int64_t& nanos_of_day);

// Conversions with the environment (text is read as above; an object converts through its default).
bool to_datetime(const Value& v, const ExprEnv& env, Value& out, Value& err);
bool to_date(const Value& v, const ExprEnv& env, std::int64_t& days, Value& err);
bool to_time(const Value& v, std::int64_t& nanos_of_day, Value& err);

enum class LayoutType { date, time, datetime };

// Formats a wall-clock time with RapidPro's layout letters: YY YYYY M MM MMM MMMM D DD EEE EEEE
// (dates), h hh t tt m mm s ss fff ffffff fffffffff aa AA (times), Z ZZZ (datetimes). The characters
// ' ' ':' '/' '.' ',' 'T' '-' '_' are copied; anything else is an error.
bool format_layout(const LocalTime& t, int offset_minutes, std::string_view layout, LayoutType type,
                   const std::string& locale, std::string& out, std::string& error);
// Parses text with a layout (names of months and days can't be parsed). Fields missing from the layout
// are year 0, January, day 1, midnight; the offset applies unless the text has its own (Z, ZZZ).
bool parse_layout(std::string_view text, std::string_view layout, LayoutType type, int offset_minutes,
                  Value& out, std::string& error);

// Fixed-offset time zones by IANA name ("UTC", "Africa/Bamako", "Africa/Lagos", "Etc/GMT-3"...).
bool zone_offset(std::string_view name, int& offset_minutes);
// The name tz() reports for an offset.
std::string zone_name(int offset_minutes, const ExprEnv& env);
// "+0000", "-0500".
std::string offset_text(int offset_minutes, bool colon);

}  // namespace kalan::flows::expr

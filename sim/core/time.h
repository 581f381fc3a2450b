// Simulated time: whole seconds since 1970-01-01T00:00:00Z (UTC; Mali and Senegal have no DST).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kalan {

using SimTime = std::int64_t;

struct CivilDate { int year; int month; int day; };

// Days since 1970-01-01 for a proleptic Gregorian date.
std::int64_t days_from_civil(int y, int m, int d);
// Inverse of days_from_civil.
CivilDate civil_from_days(std::int64_t days);
// Number of days in a month of a year.
int days_in_month(int year, int month);

// Parses "YYYY-MM-DDTHH:MM[:SS](Z|+00:00)" or "YYYY-MM-DD" (midnight UTC).
std::optional<SimTime> parse_iso_time(std::string_view text);
// Formats as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_iso_time(SimTime t);
// Parses a duration such as "90m", "2h", "1d6h30m" or "45s" into seconds.
std::optional<std::int64_t> parse_duration(std::string_view text);
// Start of the next calendar month after t, in UTC.
SimTime next_month_start(SimTime t);

}  // namespace kalan

#include <doctest/doctest.h>

#include "core/time.h"

using namespace kalan;

TEST_CASE("ISO times parse and format back in UTC") {
  const auto t = parse_iso_time("2024-03-04T08:00:00Z");
  REQUIRE(t);
  CHECK(*t == 1709539200);
  CHECK(format_iso_time(*t) == "2024-03-04T08:00:00Z");
  CHECK(parse_iso_time("2024-03-04T08:00Z") == t);
  CHECK(parse_iso_time("2024-03-04T08:00:00+00:00") == t);
  CHECK(parse_iso_time("2024-03-04") == *t - 8 * 3600);
}

TEST_CASE("impossible dates are refused") {
  CHECK_FALSE(parse_iso_time("2024-02-30T00:00:00Z"));
  CHECK_FALSE(parse_iso_time("2023-02-29"));
  CHECK(parse_iso_time("2024-02-29"));  // leap year
  CHECK_FALSE(parse_iso_time("2024-13-01"));
  CHECK_FALSE(parse_iso_time("2024-03-04T24:00:00Z"));
  CHECK_FALSE(parse_iso_time("2024-03-04T08:00:00+01:00"));  // Mali has no offset
  CHECK_FALSE(parse_iso_time("demain"));
  CHECK_FALSE(parse_iso_time(""));
}

TEST_CASE("durations combine days, hours, minutes and seconds") {
  CHECK(parse_duration("90m") == 5400);
  CHECK(parse_duration("1d6h30m") == 86400 + 6 * 3600 + 1800);
  CHECK(parse_duration("45s") == 45);
  CHECK_FALSE(parse_duration("2 h"));
  CHECK_FALSE(parse_duration("h"));
  CHECK_FALSE(parse_duration("12"));
  CHECK_FALSE(parse_duration(""));
}

TEST_CASE("civil dates round-trip across centuries") {
  for (std::int64_t d = -800000; d < 800000; d += 997) {
    const CivilDate c = civil_from_days(d);
    CHECK(days_from_civil(c.year, c.month, c.day) == d);
  }
  CHECK(next_month_start(*parse_iso_time("2024-12-31T23:59:00Z")) == *parse_iso_time("2025-01-01"));
  CHECK(next_month_start(*parse_iso_time("2024-02-10")) == *parse_iso_time("2024-03-01"));
}

// RapidPro's router case tests (has_text, has_any_word, has_number_between, has_date_lt, has_phone,
// ...): what a switch router of a RapidPro flow asks of a contact's reply. Each test reads the
// operand text and its already-rendered arguments, and says whether it matched and what it
// extracted, the way RapidPro (goflow) does. Word tests here are also accent-insensitive, so that
// "negligence" finds "négligence" (RapidPro itself only ignores case).
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kalan::flows {

// What the tests may consult besides their arguments.
struct TestEnv {
  std::int64_t now = 0;              // sim clock, seconds since epoch UTC (has_date_* "today", relative dates)
  int utc_offset_minutes = 0;        // environment time zone, fixed offset
  std::string date_format = "DD-MM-YYYY";  // RapidPro environment date format (decides day/month order)
  std::string default_country = "ML";      // for has_phone (Mali: +223, 8-digit national numbers)
  std::vector<std::pair<std::string, std::string>> contact_groups;  // (uuid, name) of the contact's groups
  std::map<std::string, std::string> result_categories;             // result key (snake_case) -> category name
};

// The result of one case test.
struct TestOutcome {
  bool error = false;        // true if the test could not run (bad arguments); `message` says why
  std::string message;
  bool matched = false;
  std::string match;         // the extracted/matched value as text, as RapidPro returns it (e.g. "25" for "25ans")
  nlohmann::json extra;      // extra data RapidPro returns for some tests (e.g. regex groups for has_pattern), else null
};

// Every supported test type, e.g. "has_text", "has_number_between".
const std::vector<std::string>& supported_case_tests();
// {min, max} number of arguments of a test type (not counting the input), or nullopt if unknown.
// has_category takes any number of categories from one: its max is INT_MAX.
std::optional<std::pair<int, int>> case_test_arity(const std::string& type);
// Runs one case test on the operand text with already-rendered argument strings. Never throws.
TestOutcome run_case_test(const std::string& type, const std::string& input,
                          const std::vector<std::string>& args, const TestEnv& env);

}  // namespace kalan::flows

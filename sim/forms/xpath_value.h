// Values of ODK XPath (XPath 1.0 + XForms): strings, numbers, booleans, dates and node-sets, with the
// conversions of the XPath 1.0 spec as ODK Collect and Enketo apply them. Dates are milliseconds
// since the epoch, shown on the wall clock of a fixed UTC offset (never the machine's time zone).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kalan::forms {

enum class Kind : std::uint8_t { string, number, boolean, date, nodeset };

struct Value {
  Kind kind = Kind::string;
  bool flag = false;               // boolean: the value; date: always shown with its time (now())
  double num = 0;                  // number; date: milliseconds since 1970-01-01T00:00Z (NaN: invalid)
  std::string str;                 // string
  std::vector<std::string> nodes;  // node-set: the string value of each node, in document order

  static Value string_of(std::string s);
  static Value number_of(double d);
  static Value boolean_of(bool b);
  static Value date_of(double ms, bool with_time = false);
  static Value nodes_of(std::vector<std::string> n);
};

// XPath string(), number() and boolean(). `offset` is the UTC offset in minutes used to show dates
// and to read date strings ("2024-03-01" is local midnight).
std::string to_string(const Value& v, int offset);
double to_number(const Value& v, int offset);
bool to_boolean(const Value& v);

// XPath's number syntax: optional white space, optional '-', digits with an optional '.'; else NaN.
double parse_xpath_number(std::string_view s);
// XPath's string of a number: "NaN", "Infinity", "-Infinity", integers without a point, otherwise the
// shortest decimal that reads back as the same double, never with an exponent.
std::string format_number(double d);

// Date strings. A date alone ("YYYY-MM-DD") is midnight at `offset`; a date-time
// ("YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]") without a zone is UTC. Returns false when not a date.
bool parse_date_string(std::string_view s, int offset, double& ms, bool& has_time);
// "YYYY-MM-DD" when the local time is midnight (and `with_time` is false), else
// "YYYY-MM-DDTHH:MM:SS.mmm±HH:MM"; "Invalid Date" for NaN.
std::string format_date_value(double ms, bool with_time, int offset);

// Wall-clock parts of an instant at a UTC offset.
struct Civil {
  std::int64_t year;
  int month, day, hour, minute, second, millis, weekday;  // weekday 0 = Sunday
};
Civil civil_at(double ms, int offset);
// "+HH:MM" / "-HH:MM".
std::string offset_string(int offset);


}  // namespace kalan::forms

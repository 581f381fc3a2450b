// The values of the expression language and their conversions, as goflow defines them: text,
// number, boolean, date, time, datetime, array, object (with an optional __default__), function,
// null and error. Errors are values: they flow through operators and functions until rendered.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sms/expr/decimal.h"

namespace kalan::flows::expr {

struct Object;
struct Function;
struct Value;
struct Node;
struct Scope;
struct Ctx;
using ValueList = std::vector<Value>;
using NativeFn = Value (*)(Ctx& cx, const ValueList& args);

struct Value {
  enum class Kind : std::uint8_t { null, error, text, number, boolean, date, time, datetime, array, object, function };

  Kind kind = Kind::null;
  bool b = false;
  std::int32_t offset = 0;  // datetime: minutes east of UTC
  std::int32_t nanos = 0;   // datetime: nanoseconds within the second
  std::int64_t t = 0;       // date: days since 1970-01-01; time: nanoseconds since midnight; datetime: UTC seconds
  std::string s;            // text, or the error message
  Decimal n;
  std::shared_ptr<const ValueList> arr;
  std::shared_ptr<const Object> obj;
  std::shared_ptr<const Function> fn;

  static Value null() { return Value{}; }
  static Value text(std::string v);
  static Value number(Decimal v);
  static Value integer(std::int64_t v) { return number(Decimal::from_int(v)); }
  static Value boolean(bool v);
  static Value error(std::string message);
  static Value date(std::int64_t days);
  static Value time(std::int64_t nanos_of_day);
  static Value datetime(std::int64_t utc_seconds, std::int32_t nanos, std::int32_t offset_minutes);
  static Value array(ValueList items);
  static Value object(std::map<std::string, Value> props);
  static Value function(std::shared_ptr<const Function> f);

  bool is(Kind k) const { return kind == k; }
  bool is_error() const { return kind == Kind::error; }
  bool is_null() const { return kind == Kind::null; }
};

struct Object {
  std::map<std::string, Value> props;  // sorted by name, as goflow lists properties
  bool has_default = false;
  Value def;  // what the object stands for as text, number, boolean or date (its "__default__")

  // The named property: exact name first, then ignoring case. Null if absent.
  const Value* get(std::string_view name) const;
};

// A built-in function, or an anonymous one "(x) => x + 1" with the scope it was made in.
struct Function {
  std::string name;  // lower case; empty for anonymous functions
  int min_args = 0;
  int max_args = 0;  // -1: no maximum
  NativeFn native = nullptr;
  std::vector<std::string> params;
  std::shared_ptr<const Node> body;
  std::shared_ptr<const Scope> scope;
};

// What an object is worth in conversions: its default if it has one, else itself.
const Value& reduce(const Value& v);

// The canonical text of a value, as templates show it: numbers "1.5", booleans "true", dates
// "2024-03-04", datetimes "2024-03-04T08:00:00.000000Z", arrays "[a, b]", objects "{k: v}" or their
// default, null "". Errors render as "" (callers check for errors first).
std::string render(const Value& v);
// A short description for error messages: "\"abc\"", "12", "true", "null", "array", "object"...
std::string describe(const Value& v);
// false, 0, "", "false" (any case), empty arrays and objects and null are false; the rest is true.
bool truthy(const Value& v);

// Conversions: each returns false and sets `err` to an error value when the value can't be converted.
bool to_text(const Value& v, std::string& out, Value& err);
bool to_number(const Value& v, Decimal& out, Value& err);
// A number's integer part, which must fit in 32 bits (like goflow).
bool to_integer(const Value& v, std::int64_t& out, Value& err);
bool to_boolean(const Value& v, bool& out, Value& err);
bool to_array(const Value& v, std::shared_ptr<const ValueList>& out, Value& err);
bool to_object(const Value& v, std::shared_ptr<const Object>& out, Value& err);

// Typed equality (same kind and same value), for unique().
bool equals(const Value& a, const Value& b);
// Ordering of two values of the same comparable kind (text, number, boolean, date, time, datetime);
// false if they can't be compared.
bool compare(const Value& a, const Value& b, int& out);

// JSON: goflow's representation (strings quoted, numbers exact, objects with sorted keys and
// without their default, functions as null). An error inside an array becomes null and inside an
// object is left out.
void write_json(const Value& v, std::string& out);
void write_json_string(std::string_view s, std::string& out);
// From the caller's JSON context: objects keep "__default__" as their default.
Value from_json(const nlohmann::json& j);
// Beyond this depth, nested JSON data is cut (containers deeper than it convert as empty).
constexpr int kMaxJsonDepth = 64;
// As from_json, for a node found `depth` levels below the converted root (depth 0 is the root):
// from_json_at(child, d + 1) is what from_json(root) holds for that child.
Value from_json_at(const nlohmann::json& j, int depth);
// Parses JSON text keeping numbers exact; an error value if the text isn't valid JSON.
Value parse_json(std::string_view text);
// To nlohmann JSON (numbers as integers when whole and small, else as JSON numbers).
nlohmann::json to_nlohmann(const Value& v);

// ISO forms used by render(): "2024-03-04", "08:00:00.000000", "2024-03-04T08:00:00.000000Z".
std::string iso_date(std::int64_t days);
std::string iso_time(std::int64_t nanos_of_day);
std::string iso_datetime(std::int64_t utc_seconds, std::int32_t nanos, std::int32_t offset_minutes);

// Appends `v` in decimal, zero-padded to `width` digits (used by every date and number format).
void put_digits(std::string& out, std::int64_t v, int width);

}  // namespace kalan::flows::expr
